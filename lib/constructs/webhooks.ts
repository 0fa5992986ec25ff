/**
 * Webhooks deployed (issue #21): ONE sender function (functions/handlers/webhook-sender.ts), fed by
 *  - the table's stream, filtered to inserted webhook events (the outbox): fan-out and the first
 *    attempt within a second or two of the change. Failed batches are bisected and retried, then
 *    their record goes to the dead-letter queue (the event itself stays on the outbox: the next sweep
 *    fans it out);
 *  - an EventBridge Scheduler schedule every minute: the sweep (retries due, and anything left on
 *    the outbox). A retry is therefore due within a minute of its schedule (5 s becomes up to 60 s;
 *    the later ones, minutes to hours, are barely moved).
 * Why not EventBridge API destinations: they sign with their own connection (API key, basic or
 * OAuth), not Standard Webhooks' per-subscription HMAC; a connection and destination per
 * subscription would be 2+ resources each, created at run time outside CloudFormation; they cannot
 * refuse an address at connect time (DNS rebinding) nor write our delivery log. Why not SQS per
 * delivery: its delays stop at 15 minutes (visibility at 12 hours), so the 2 h–10 h retries need
 * re-queueing anyway, the sender would bundle a second AWS client, and the queue and the delivery
 * log would be two records of one state. Here the log is the queue (its sparse due index).
 */
import { Duration } from 'aws-cdk-lib';
import type { Table } from 'aws-cdk-lib/aws-dynamodb';
import { FilterCriteria, FilterRule, StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import { Schedule, ScheduleExpression, ScheduleTargetInput } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { grantTableAccess } from '../table-grants.ts';
import { CarestockFunction } from './carestock-function.ts';

export interface WebhooksProps {
  readonly table: Table;
  readonly environment: Record<string, string>;
}

export class Webhooks extends Construct {
  readonly sender: CarestockFunction;
  /** Stream batches and scheduled sweeps that failed for good: it alarms. */
  readonly deadLetterQueue: Queue;

  constructor(scope: Construct, id: string, props: WebhooksProps) {
    super(scope, id);
    this.deadLetterQueue = new Queue(this, 'DeadLetterQueue', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    this.sender = new CarestockFunction(this, 'SenderFunction', {
      handlerFile: 'webhook-sender',
      description: 'Webhooks: fans each new event out to its subscriptions and delivers it signed (stream); retries what is due (every minute)',
      // Attempts time out after 10 s, 8 at a time, up to 50 a sweep.
      timeout: Duration.minutes(2),
      environment: { ...props.environment, TABLE_NAME: props.table.tableName },
    });
    grantTableAccess(props.table, this.sender, 'readwrite');
    this.sender.addEventSource(
      new DynamoEventSource(props.table, {
        startingPosition: StartingPosition.LATEST,
        batchSize: 25,
        maxBatchingWindow: Duration.seconds(0),
        bisectBatchOnError: true,
        retryAttempts: 3,
        maxRecordAge: Duration.hours(1),
        onFailure: new SqsDlq(this.deadLetterQueue),
        filters: [FilterCriteria.filter({ eventName: FilterRule.isEqual('INSERT'), dynamodb: { NewImage: { entity: { S: FilterRule.isEqual('WebhookEvent') } } } })],
      }),
    );
    // The schedule invokes asynchronously: a sweep that failed after Lambda's retries lands here too.
    this.sender.configureAsyncInvoke({ onFailure: new SqsDestination(this.deadLetterQueue), retryAttempts: 0, maxEventAge: Duration.minutes(5) });
    new Schedule(this, 'SweepSchedule', {
      description: 'Every minute: webhook retries that are due, and any event still on the outbox',
      schedule: ScheduleExpression.rate(Duration.minutes(1)),
      target: new LambdaInvoke(this.sender, {
        input: ScheduleTargetInput.fromObject({ source: 'carestock.scheduler', 'detail-type': 'Webhook Sweep' }),
        deadLetterQueue: this.deadLetterQueue,
        retryAttempts: 0,
        maxEventAge: Duration.minutes(5),
      }),
    });
  }
}
