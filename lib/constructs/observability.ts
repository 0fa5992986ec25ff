/**
 * Alarms an operator needs, to an encrypted ops topic that CloudWatch may use: the functions'
 * errors and throttles (summed with metric math, at most ten metrics an alarm, so alarms do not
 * grow with routes or functions), the API's 5xx answers, and any message in the jobs' dead-letter
 * queue (a morning job that failed). Which function failed is on the dashboard.
 */
import { Duration, Stack } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, MathExpression, TreatMissingData, type IMetric } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

export interface ObservabilityProps {
  readonly functions: readonly IFunction[];
  readonly api: HttpApi;
  readonly deadLetterQueue: Queue;
  /** Who is told when an alarm fires (carestock:alertEmails → ops). */
  readonly opsEmails?: readonly string[];
  /** Where undeliverable alerts go (the Alerts construct's queue): subscriptions' DLQ, and it alarms. */
  readonly undeliveredAlerts: Queue;
}

/** CloudWatch alarms accept metric math over at most ten metrics. */
export const METRICS_PER_ALARM = 10;

export class Observability extends Construct {
  readonly opsTopic: Topic;
  readonly opsTopicKey: Key;
  readonly alarms: Alarm[] = [];

  constructor(scope: Construct, id: string, props: ObservabilityProps) {
    super(scope, id);
    this.opsTopicKey = new Key(this, 'OpsTopicKey', { enableKeyRotation: true, description: 'Encrypts the Carestock ops alarm topic' });
    // Without this, every alarm action fails to publish to the encrypted topic (silently).
    this.opsTopicKey.addToResourcePolicy(
      new PolicyStatement({
        sid: 'CloudWatchAlarmsPublishToOpsTopic',
        principals: [new ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
        resources: ['*'],
        conditions: { StringEquals: { 'aws:SourceAccount': Stack.of(this).account } },
      }),
    );
    this.opsTopic = new Topic(this, 'OpsTopic', { displayName: 'Carestock operational alarms', masterKey: this.opsTopicKey, enforceSSL: true });
    for (const email of props.opsEmails ?? []) this.opsTopic.addSubscription(new EmailSubscription(email, { deadLetterQueue: props.undeliveredAlerts }));

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
      this.alarms.push(created);
    };

    const period = Duration.minutes(5);
    const chunks: IFunction[][] = [];
    for (let i = 0; i < props.functions.length; i += METRICS_PER_ALARM) chunks.push(props.functions.slice(i, i + METRICS_PER_ALARM));
    chunks.forEach((chunk, n) => {
      const suffix = chunks.length > 1 ? String(n + 1) : '';
      const names = chunk.map((fn) => fn.node.id).join(', ');
      const sum = (metricOf: (fn: IFunction) => IMetric, label: string) =>
        new MathExpression({
          expression: chunk.map((_, i) => `m${i}`).join(' + '),
          usingMetrics: Object.fromEntries(chunk.map((fn, i) => [`m${i}`, metricOf(fn)])),
          label,
          period,
        });
      alarm(`FunctionErrors${suffix}`, `A Carestock function threw errors (one of: ${names}); the dashboard shows which`, sum((fn) => fn.metricErrors({ period }), 'errors'));
      alarm(`FunctionThrottles${suffix}`, `A Carestock function was throttled (one of: ${names})`, sum((fn) => fn.metricThrottles({ period }), 'throttles'));
    });
    alarm('Api5xx', 'The API answered 5xx', props.api.metricServerError({ period }), 5);
    alarm(
      'JobsDeadLetters',
      'A scheduled job failed after its retries (messages in the dead-letter queue)',
      props.deadLetterQueue.metricApproximateNumberOfMessagesVisible({ period }),
    );
    alarm(
      'AlertsUndelivered',
      'A shortfall digest or an alarm email could not be delivered (messages in the undelivered-alerts queue)',
      props.undeliveredAlerts.metricApproximateNumberOfMessagesVisible({ period }),
    );
  }
}
