/**
 * Alarms an operator needs, to an encrypted ops topic that CloudWatch may use: the functions'
 * errors and throttles (summed with metric math, at most ten metrics an alarm, so alarms do not
 * grow with routes or functions), the API's 5xx answers, and any message in the jobs' dead-letter
 * queue (a morning job that failed). Which function failed is on the dashboard.
 */
import { Duration, Stack } from 'aws-cdk-lib';
import {
  Alarm,
  AlarmStatusWidget,
  ComparisonOperator,
  Dashboard,
  GraphWidget,
  MathExpression,
  Metric,
  SingleValueWidget,
  Stats,
  TextWidget,
  TreatMissingData,
  type IMetric,
} from 'aws-cdk-lib/aws-cloudwatch';
import { BUSINESS_NAMESPACE, businessMetric, type BusinessMetric } from '../../functions/observability/business-metrics.ts';
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
  /** Webhook stream batches and sweeps that failed for good (lib/constructs/webhooks.ts). */
  readonly webhookDeadLetters?: Queue;
}

/** CloudWatch alarms accept metric math over at most ten metrics. */
export const METRICS_PER_ALARM = 10;

export class Observability extends Construct {
  readonly opsTopic: Topic;
  readonly opsTopicKey: Key;
  readonly alarms: Alarm[] = [];
  /** The one dashboard a duty officer opens first. */
  readonly dashboard: Dashboard;

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
    if (props.webhookDeadLetters) {
      alarm(
        'WebhooksDeadLetters',
        'The webhook sender failed a stream batch or a sweep for good (messages in its dead-letter queue); undelivered events stay on the outbox and are retried by the next sweep',
        props.webhookDeadLetters.metricApproximateNumberOfMessagesVisible({ period }),
      );
    }
    this.dashboard = this.dutyDashboard(props);
  }

  /**
   * Top to bottom, what a duty officer asks first: is anything alarming; is the API answering;
   * is the work happening (counts, requests, deliveries, homes flagged today); then which
   * function, and the queues. No fixed name: CloudFormation names it after the stack.
   */
  private dutyDashboard(props: ObservabilityProps): Dashboard {
    const stack = Stack.of(this).stackName;
    const business = (name: BusinessMetric, statistic: string, period: Duration) =>
      new Metric({ namespace: BUSINESS_NAMESPACE, metricName: businessMetric[name], dimensionsMap: { service: 'carestock', stack }, statistic, period });
    const hour = Duration.hours(1);
    const day = Duration.days(1);
    const five = Duration.minutes(5);
    const dashboard = new Dashboard(this, 'Dashboard', { defaultInterval: Duration.days(7) });
    dashboard.addWidgets(
      new TextWidget({
        markdown: `# Carestock (${stack}): duty view\nAlarms first. The API's JSON access logs (route, status, authorizer and integration errors) are in the stack's *AccessLogs* log group.`,
        width: 24,
        height: 2,
      }),
    );
    dashboard.addWidgets(new AlarmStatusWidget({ title: 'Alarms', alarms: this.alarms, width: 24, height: 3 }));
    dashboard.addWidgets(
      new GraphWidget({
        title: 'API requests and errors',
        left: [props.api.metricCount({ period: five, statistic: Stats.SUM })],
        right: [props.api.metricClientError({ period: five, statistic: Stats.SUM }), props.api.metricServerError({ period: five, statistic: Stats.SUM })],
        width: 12,
      }),
      new GraphWidget({
        title: 'API latency (ms)',
        left: [props.api.metricLatency({ period: five, statistic: Stats.percentile(50) }), props.api.metricLatency({ period: five, statistic: Stats.percentile(95) })],
        width: 12,
      }),
    );
    dashboard.addWidgets(
      new SingleValueWidget({
        title: 'Homes flagged by the last shortfall run (today)',
        metrics: [business('homesFlaggedShort', Stats.MAXIMUM, day), business('homesFlaggedSilent', Stats.MAXIMUM, day)],
        width: 8,
      }),
      new GraphWidget({
        title: 'Stock counts posted, and their lines (per hour)',
        left: [business('stockCountsPosted', Stats.SUM, hour)],
        right: [business('stockCountLines', Stats.SUM, hour)],
        width: 8,
      }),
      new GraphWidget({
        title: 'Requests submitted and approved (per hour)',
        left: [business('requestsSubmitted', Stats.SUM, hour), business('requestsApproved', Stats.SUM, hour)],
        width: 8,
      }),
    );
    dashboard.addWidgets(
      new GraphWidget({
        title: 'Deliveries dispatched, received, received with discrepancies (per hour)',
        left: [business('deliveriesDispatched', Stats.SUM, hour), business('deliveriesReceived', Stats.SUM, hour), business('receiptsWithDiscrepancies', Stats.SUM, hour)],
        width: 12,
      }),
      new GraphWidget({
        title: 'Dead-letter queues: failed jobs, undelivered alerts, webhook sender',
        left: [
          props.deadLetterQueue.metricApproximateNumberOfMessagesVisible({ period: five }),
          props.undeliveredAlerts.metricApproximateNumberOfMessagesVisible({ period: five }),
          ...(props.webhookDeadLetters ? [props.webhookDeadLetters.metricApproximateNumberOfMessagesVisible({ period: five })] : []),
        ],
        width: 12,
      }),
    );
    dashboard.addWidgets(
      new GraphWidget({ title: 'Function errors, by function', left: props.functions.map((fn) => fn.metricErrors({ period: five, label: fn.node.id })), width: 12 }),
      new GraphWidget({ title: 'Function duration p95 (ms), by function', left: props.functions.map((fn) => fn.metricDuration({ period: five, statistic: Stats.percentile(95), label: fn.node.id })), width: 12 }),
    );
    return dashboard;
  }
}
