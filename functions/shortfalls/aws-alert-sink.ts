/**
 * Alerts on AWS, all through the EventBridge bus (one AWS client in the bundle): ShortfallDetected
 * events, and each store's digest as one ShortfallDigest event that the bus's rule delivers to the
 * encrypted SNS digest topic (lib/constructs/alerts.ts). The digest event's detail is the SNS
 * message: `storeId` and `date` for subscription filter policies on the message body, `subject`
 * and `text` for people. PutEvents takes at most 10 entries a call; entries it reports failed are
 * retried, then the run fails so its retry re-sends.
 */
import { EventBridgeClient, PutEventsCommand, type PutEventsRequestEntry } from '@aws-sdk/client-eventbridge';
import { DIGEST_DETAIL_TYPE, EVENT_DETAIL_TYPE, EVENT_SOURCE, type AlertSink } from './alert-sink.ts';
import { digestSubject, digestText, type ShortfallEvent, type StoreDigest } from '../domain/shortfall-digest.ts';

export const PUT_EVENTS_LIMIT = 10;

/** A ShortfallDigest event's detail, which is also the SNS message its subscribers receive. */
export interface DigestMessage {
  storeId: string;
  date: string;
  subject: string;
  text: string;
}
const ATTEMPTS = 4;
const BATCHES_IN_FLIGHT = 4;

export interface AwsAlertSinkOptions {
  eventBusName: string;
  eventBridge?: EventBridgeClient;
  /** Waits between retries of failed entries; tests pass a no-op. */
  pause?: (attempt: number) => Promise<void>;
}

export class AwsAlertSink implements AlertSink {
  private readonly eventBridge: EventBridgeClient;
  private readonly pause: (attempt: number) => Promise<void>;

  constructor(private readonly options: AwsAlertSinkOptions) {
    this.eventBridge = options.eventBridge ?? new EventBridgeClient({});
    this.pause = options.pause ?? ((attempt) => new Promise((resolve) => setTimeout(resolve, 100 * 2 ** attempt * Math.random())));
  }

  async putEvents(events: readonly ShortfallEvent[]): Promise<void> {
    const batches: PutEventsRequestEntry[][] = [];
    for (let start = 0; start < events.length; start += PUT_EVENTS_LIMIT) {
      batches.push(events.slice(start, start + PUT_EVENTS_LIMIT).map((event) => this.entry(EVENT_DETAIL_TYPE, event.asOf, event)));
    }
    let next = 0;
    const worker = async () => {
      while (next < batches.length) await this.putBatch(batches[next++]!);
    };
    await Promise.all(Array.from({ length: Math.min(BATCHES_IN_FLIGHT, batches.length) }, worker));
  }

  async publishDigest(digest: StoreDigest): Promise<void> {
    const message: DigestMessage = { storeId: digest.storeId, date: digest.date, subject: digestSubject(digest), text: digestText(digest) };
    await this.putBatch([this.entry(DIGEST_DETAIL_TYPE, digest.asOf, message)]);
  }

  private entry(detailType: string, asOf: string, detail: unknown): PutEventsRequestEntry {
    return {
      EventBusName: this.options.eventBusName,
      Source: EVENT_SOURCE,
      DetailType: detailType,
      Time: new Date(asOf),
      Detail: JSON.stringify(detail),
    };
  }

  /** PutEvents succeeds as a call even when some entries fail: those are retried on their own. */
  private async putBatch(entries: PutEventsRequestEntry[]): Promise<void> {
    let pending = entries;
    for (let attempt = 0; pending.length > 0; attempt++) {
      if (attempt >= ATTEMPTS) {
        throw new Error(`EventBridge refused ${pending.length} ${pending[0]!.DetailType} event(s) after ${ATTEMPTS} attempts`);
      }
      if (attempt > 0) await this.pause(attempt);
      const result = await this.eventBridge.send(new PutEventsCommand({ Entries: pending }));
      if (!result.FailedEntryCount) return;
      // Results come in entry order; a failed one has an ErrorCode. Without results, retry them all.
      const results = result.Entries;
      if (results) pending = pending.filter((_, i) => results[i]?.ErrorCode !== undefined);
    }
  }
}
