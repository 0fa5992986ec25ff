/**
 * The webhook sender, deployed (lib/constructs/webhooks.ts): one function, two triggers.
 *  - The table's stream, filtered to new webhook events: fan each out and attempt its deliveries at
 *    once (the fast path: an event reaches its subscribers within a second or two of its write).
 *  - EventBridge Scheduler, every minute: `sweep`, i.e. the deliveries whose retry is due, and any
 *    event still on the outbox (a stream batch that failed for good lands in the dead-letter queue,
 *    and its events are still fanned out here: the outbox, not the stream, is the record).
 * The same functions run in process locally (bin/local/webhook-sender.ts).
 */
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { eventFromImage } from '../data/webhook-repository.ts';
import type { WebhookEvent } from '../domain/webhooks.ts';
import { logger } from '../observability/logger.ts';
import { deliverNow, sweep } from '../webhooks/sender.ts';

interface StreamRecord {
  eventName?: string;
  dynamodb?: { NewImage?: Record<string, AttributeValue> };
}

type SenderInput = { Records: StreamRecord[] } | { source?: string; 'detail-type'?: string };

/** The webhook events among a stream batch's inserts (the mapping's filter already keeps only those). */
export function eventsOfStream(records: readonly StreamRecord[]): WebhookEvent[] {
  return records.flatMap((record) => {
    if (record.eventName !== 'INSERT' || !record.dynamodb?.NewImage) return [];
    const event = eventFromImage(unmarshall(record.dynamodb.NewImage) as Record<string, unknown>);
    return event ? [event] : [];
  });
}

export const handler = middy<SenderInput, unknown>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .handler(async (input) => {
    if ('Records' in input) {
      const events = eventsOfStream(input.Records);
      const deliveries = await deliverNow(events);
      logger.info('webhook events fanned out', { events: events.length, deliveries });
      return { events: events.length, deliveries };
    }
    const result = await sweep();
    logger.info('webhook sweep', { ...result });
    return result;
  });
