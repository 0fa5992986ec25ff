/**
 * The events a change reports, built where the change is computed and written in its own
 * transaction (data/webhook-repository.ts `webhookEventPut`). Each carries the ids and facts an
 * integrator needs to act without calling back; its id is the `webhook-id` of every attempt.
 */
import { randomUUID } from 'node:crypto';
import type { WebhookEvent, WebhookEventType } from '../domain/webhooks.ts';
import { webhookEventPut } from '../data/webhook-repository.ts';
import type { TransactItem } from '../data/dynamodb-client.ts';

/** `msg_` and 32 hex digits, as Standard Webhooks' examples name messages. */
export const newEventId = () => `msg_${randomUUID().replaceAll('-', '')}`;

export function webhookEvent(type: WebhookEventType, homeId: string, timestamp: string, data: Record<string, unknown>): WebhookEvent {
  return { eventId: newEventId(), type, timestamp, homeId, data: { homeId, ...data } };
}

/** The event as an action of the change's own transaction. */
export const eventWrite = (type: WebhookEventType, homeId: string, timestamp: string, data: Record<string, unknown>): TransactItem =>
  webhookEventPut(webhookEvent(type, homeId, timestamp, data));
