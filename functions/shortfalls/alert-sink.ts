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

/** The sink this function's environment calls for (the CDK sets EVENT_BUS_NAME and DIGEST_TOPIC_ARN on functions with `alerts`). */
export async function alertSinkFromEnv(env: Record<string, string | undefined> = process.env): Promise<AlertSink> {
  if (env.EVENT_BUS_NAME) {
    if (!env.DIGEST_TOPIC_ARN) throw new Error('EVENT_BUS_NAME is set but DIGEST_TOPIC_ARN is not');
    const { AwsAlertSink } = await import('./aws-alert-sink.ts');
    return new AwsAlertSink({ eventBusName: env.EVENT_BUS_NAME, topicArn: env.DIGEST_TOPIC_ARN });
  }
  const { LocalAlertSink } = await import('./local-alert-sink.ts');
  return new LocalAlertSink(env.DATA_DIR ?? '.carestock');
}
