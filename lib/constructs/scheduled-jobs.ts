/**
 * The daily jobs from functions/jobs.ts on EventBridge Scheduler: a schedule group, one schedule
 * per job at its local time in its own time zone (so 07:00 stays 07:00 across clock changes),
 * retries, and a dead-letter queue for invocations that still fail.
 */
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { ContextAttribute, Schedule, ScheduleExpression, ScheduleGroup, ScheduleTargetInput } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { TimeZone } from 'aws-cdk-lib';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import { Construct } from 'constructs';
import { grantTableAccess } from '../table-grants.ts';
import { jobs } from '../../functions/jobs.ts';
import type { Alerts } from './alerts.ts';
import { CarestockFunction } from './carestock-function.ts';

export interface ScheduledJobsProps {
  readonly table: ITable;
  readonly alerts: Alerts;
  readonly environment: Record<string, string>;
}

export class ScheduledJobs extends Construct {
  readonly group: ScheduleGroup;
  readonly deadLetterQueue: Queue;
  readonly functions: CarestockFunction[] = [];

  constructor(scope: Construct, id: string, props: ScheduledJobsProps) {
    super(scope, id);
    // No fixed name, and removed with the stack: a failed first create rolls back cleanly and its
    // retry (or a second stack in the account) does not collide on the name.
    this.group = new ScheduleGroup(this, 'Group', { removalPolicy: RemovalPolicy.DESTROY });
    this.deadLetterQueue = new Queue(this, 'DeadLetterQueue', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });

    for (const job of jobs) {
      const fn = new CarestockFunction(this, `${job.name}Function`, {
        handlerFile: job.handler,
        description: job.description,
        timeout: Duration.minutes(10),
        memorySize: 1024,
        environment: { ...props.environment, TABLE_NAME: props.table.tableName, ...(job.alerts ? props.alerts.environment() : {}) },
      });
      grantTableAccess(props.table, fn, job.table);
      // Scheduler invokes asynchronously: its DLQ catches failures to invoke, and this catches
      // invocations whose function failed after Lambda's own retries. Both alarm through the queue.
      fn.configureAsyncInvoke({ onFailure: new SqsDestination(this.deadLetterQueue), retryAttempts: 2, maxEventAge: Duration.hours(2) });
      if (job.alerts) props.alerts.grantPublish(fn);
      new Schedule(this, `${job.name}Schedule`, {
        scheduleGroup: this.group,
        description: job.description,
        schedule: ScheduleExpression.cron({
          minute: String(job.at.minute),
          hour: String(job.at.hour),
          timeZone: TimeZone.of(job.timeZone),
        }),
        target: new LambdaInvoke(fn, {
          // The local scheduler's event shape, with the schedule's own time: a retried invocation
          // (same payload) then computes as of the same instant as the first, so it writes the same records.
          input: ScheduleTargetInput.fromObject({
            source: 'carestock.scheduler',
            'detail-type': 'Scheduled Event',
            detail: { scheduledTime: ContextAttribute.scheduledTime },
          }),
          deadLetterQueue: this.deadLetterQueue,
          retryAttempts: 3,
          maxEventAge: Duration.hours(2),
        }),
      });
      this.functions.push(fn);
    }
  }
}
