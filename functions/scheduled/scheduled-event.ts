/**
 * The event a scheduled job's handler receives. Deployed, EventBridge Scheduler sends
 * `{ source, 'detail-type', detail: { scheduledTime } }` (the jobs construct fills in the
 * schedule's own time, so a retried invocation projects to the same instant as the first); the
 * local scheduler, the benchmark and tests send `detail` with an `asOf` of their choosing.
 */
import { instantMs } from '../domain/instants.ts';

export interface ScheduledJobEvent {
  source?: string;
  'detail-type'?: string;
  detail?: { asOf?: unknown; scheduledTime?: unknown } | null;
}

/** The instant the job runs as of: `detail.asOf`, else `detail.scheduledTime`, else now. Throws on a malformed instant. */
export function scheduledAsOf(event: ScheduledJobEvent | null | undefined, now: Date): Date {
  const given = event?.detail?.asOf ?? event?.detail?.scheduledTime;
  if (given === undefined || given === null) return now;
  if (typeof given !== 'string') throw new TypeError(`A scheduled event's asOf must be an ISO 8601 instant, got ${JSON.stringify(given)}`);
  return new Date(instantMs(given));
}
