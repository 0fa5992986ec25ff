/**
 * Alerts on AWS: ShortfallDetected events on the EventBridge bus (PutEvents takes at most 10
 * entries a call; entries it reports failed are retried, then the run fails so its retry re-sends),
 * and each store's digest published to the SNS topic with `storeId` and `date` message attributes,
 * so a store's staff subscribe with a filter policy on their own store.
 */
import { EventBridgeClient, PutEventsCommand, type PutEventsRequestEntry } from '@aws-sdk/client-eventbridge';
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { EVENT_DETAIL_TYPE, EVENT_SOURCE, type AlertSink } from './alert-sink.ts';
import { digestSubject, digestText, type ShortfallEvent, type StoreDigest } from '../domain/shortfall-digest.ts';

export const PUT_EVENTS_LIMIT = 10;
const ATTEMPTS = 4;
const BATCHES_IN_FLIGHT = 4;

export interface AwsAlertSinkOptions {
  eventBusName: string;
  topicArn: string;
  eventBridge?: EventBridgeClient;
  sns?: SNSClient;
  /** Waits between retries of failed entries; tests pass a no-op. */
  pause?: (attempt: number) => Promise<void>;
}

export class AwsAlertSink implements AlertSink {
  private readonly eventBridge: EventBridgeClient;
  private readonly sns: SNSClient;
  private readonly pause: (attempt: number) => Promise<void>;

  constructor(private readonly options: AwsAlertSinkOptions) {
    this.eventBridge = options.eventBridge ?? new EventBridgeClient({});
    this.sns = options.sns ?? new SNSClient({});
    this.pause = options.pause ?? ((attempt) => new Promise((resolve) => setTimeout(resolve, 100 * 2 ** attempt * Math.random())));
  }

  async putEvents(events: readonly ShortfallEvent[]): Promise<void> {
    const batches: PutEventsRequestEntry[][] = [];
    for (let start = 0; start < events.length; start += PUT_EVENTS_LIMIT) {
      batches.push(events.slice(start, start + PUT_EVENTS_LIMIT).map((event) => this.entry(event)));
    }
    let next = 0;
    const worker = async () => {
      while (next < batches.length) await this.putBatch(batches[next++]!);
    };
    await Promise.all(Array.from({ length: Math.min(BATCHES_IN_FLIGHT, batches.length) }, worker));
  }

  async publishDigest(digest: StoreDigest): Promise<void> {
    await this.sns.send(
      new PublishCommand({
        TopicArn: this.options.topicArn,
        Subject: digestSubject(digest),
        Message: digestText(digest),
        MessageAttributes: {
          storeId: { DataType: 'String', StringValue: digest.storeId },
          date: { DataType: 'String', StringValue: digest.date },
        },
      }),
    );
  }

  private entry(event: ShortfallEvent): PutEventsRequestEntry {
    return {
      EventBusName: this.options.eventBusName,
      Source: EVENT_SOURCE,
      DetailType: EVENT_DETAIL_TYPE,
      Time: new Date(event.asOf),
      Detail: JSON.stringify(event),
    };
  }

  /** PutEvents succeeds as a call even when some entries fail: those are retried on their own. */
  private async putBatch(entries: PutEventsRequestEntry[]): Promise<void> {
    let pending = entries;
    for (let attempt = 0; pending.length > 0; attempt++) {
      if (attempt >= ATTEMPTS) {
        throw new Error(`EventBridge refused ${pending.length} ShortfallDetected event(s) after ${ATTEMPTS} attempts`);
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
