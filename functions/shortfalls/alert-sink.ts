/**
 * Where shortfall alerts go, behind a small port: ShortfallDetected events (one per newly flagged
 * home) and one digest per store. On AWS, the event bus and the SNS topic; on one machine (no
 * EVENT_BUS_NAME), a JSON-lines file in the data folder that a user can read.
 */
import type { ShortfallEvent, StoreDigest } from '../domain/shortfall-digest.ts';

export interface AlertSink {
  /** Puts every event on the bus; throws when any could not be put after retries. */
  putEvents(events: readonly ShortfallEvent[]): Promise<void>;
  /** Publishes one store's digest. */
  publishDigest(digest: StoreDigest): Promise<void>;
}

export const EVENT_SOURCE = 'carestock.shortfalls';
export const EVENT_DETAIL_TYPE = 'ShortfallDetected';
/** A store's daily digest, routed by the bus to the SNS digest topic. */
export const DIGEST_DETAIL_TYPE = 'ShortfallDigest';

/** The sink this function's environment calls for (the CDK sets EVENT_BUS_NAME on functions with `alerts`). */
export async function alertSinkFromEnv(env: Record<string, string | undefined> = process.env): Promise<AlertSink> {
  if (env.EVENT_BUS_NAME) {
    const { AwsAlertSink } = await import('./aws-alert-sink.ts');
    return new AwsAlertSink({ eventBusName: env.EVENT_BUS_NAME });
  }
  const { LocalAlertSink } = await import('./local-alert-sink.ts');
  return new LocalAlertSink(env.DATA_DIR ?? '.carestock');
}
