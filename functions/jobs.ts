/**
 * The scheduled jobs, defined once: the CDK jobs construct makes an EventBridge Scheduler schedule
 * (with its time zone, retries and dead-letter queue) per entry, and the local scheduler runs the
 * same handler at the same local time. Plain data, like the route table.
 */
import { CARESTOCK_TIME_ZONE } from './domain/zoned-dates.ts';

export interface JobDefinition {
  readonly name: string;
  /** File under functions/handlers/, without extension; exports `handler`. */
  readonly handler: string;
  /** Local wall-clock time the job runs each day, in `timeZone`. */
  readonly at: { hour: number; minute: number };
  readonly timeZone: string;
  readonly table: 'read' | 'readwrite';
  readonly alerts?: boolean;
  readonly description: string;
}

export const jobs: readonly JobDefinition[] = [
  {
    name: 'ShortfallScan',
    handler: 'run-shortfall-scan-job',
    at: { hour: 7, minute: 0 },
    timeZone: CARESTOCK_TIME_ZONE,
    table: 'readwrite',
    alerts: true,
    description: 'Daily shortfall job: records, events and store digests for homes under seven days of supply or gone silent',
  },
  {
    name: 'DeliveryPlanning',
    handler: 'run-delivery-planning-job',
    at: { hour: 7, minute: 30 },
    timeZone: CARESTOCK_TIME_ZONE,
    table: 'readwrite',
    description: 'Daily delivery planning, after the shortfall job: every store’s approved requests onto its rota for the next days',
  },
];
