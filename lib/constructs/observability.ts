/**
 * Alarms an operator needs, to an encrypted ops topic: any function's errors or throttles, the
 * API's 5xx responses, and any message in the jobs' dead-letter queue (a morning job that failed).
 */
import { Duration } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, TreatMissingData, type IMetric } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import { Key } from 'aws-cdk-lib/aws-kms';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Topic } from 'aws-cdk-lib/aws-sns';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

export interface ObservabilityProps {
  readonly functions: readonly IFunction[];
  readonly api: HttpApi;
  readonly deadLetterQueue: Queue;
}

export class Observability extends Construct {
  readonly opsTopic: Topic;

  constructor(scope: Construct, id: string, props: ObservabilityProps) {
    super(scope, id);
    const key = new Key(this, 'OpsTopicKey', { enableKeyRotation: true, description: 'Encrypts the Carestock ops alarm topic' });
    this.opsTopic = new Topic(this, 'OpsTopic', { displayName: 'Carestock operational alarms', masterKey: key, enforceSSL: true });
    const action = new SnsAction(this.opsTopic);
    const alarm = (id: string, description: string, metric: IMetric, threshold = 1) => {
      const created = new Alarm(this, id, {
        alarmDescription: description,
        metric,
        threshold,
        evaluationPeriods: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      });
      created.addAlarmAction(action);
    };

    for (const fn of props.functions) {
      const name = fn.node.id;
      alarm(`${name}Errors`, `${name} threw errors`, fn.metricErrors({ period: Duration.minutes(5) }));
      alarm(`${name}Throttles`, `${name} was throttled`, fn.metricThrottles({ period: Duration.minutes(5) }));
    }
    alarm('Api5xx', 'The API answered 5xx', props.api.metricServerError({ period: Duration.minutes(5) }), 5);
    alarm(
      'JobsDeadLetters',
      'A scheduled job failed after its retries (messages in the dead-letter queue)',
      props.deadLetterQueue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5) }),
    );
  }
}
