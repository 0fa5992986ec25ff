/**
 * The events a change reports, built where the change is computed and written in its own
 * transaction (data/webhook-repository.ts `webhookEventPut`). Each carries the ids and facts an
 * integrator needs to act without calling back; its id is the `webhook-id` of every attempt.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { WebhookEvent, WebhookEventType } from '../domain/webhooks.ts';
import { webhookEventPut } from '../data/webhook-repository.ts';
import type { TransactItem } from '../data/dynamodb-client.ts';

/** `msg_` and 32 hex digits, as Standard Webhooks' examples name messages. */
export const newEventId = () => `msg_${randomUUID().replaceAll('-', '')}`;

export function webhookEvent(type: WebhookEventType, homeId: string, timestamp: string, data: Record<string, unknown>): WebhookEvent {
  return { eventId: newEventId(), type, timestamp, homeId, data: { homeId, ...data } };
}

/**
 * An event whose id is derived from what it reports (`key`), for a change that may be computed again
 * (a job's retry): writing it twice is refused by its own condition, so it is delivered once.
 */
export function stableWebhookEvent(type: WebhookEventType, key: string, homeId: string, timestamp: string, data: Record<string, unknown>): WebhookEvent {
  const eventId = `msg_${createHash('sha256').update(`${type}:${key}`).digest('hex').slice(0, 32)}`;
  return { eventId, type, timestamp, homeId, data: { homeId, ...data } };
}

/** The event as an action of the change's own transaction. */
export const eventWrite = (type: WebhookEventType, homeId: string, timestamp: string, data: Record<string, unknown>): TransactItem =>
  webhookEventPut(webhookEvent(type, homeId, timestamp, data));

/** What an integrator needs of a delivery: ids, date, status, requests and lines; once received, what arrived and the differences. */
export function deliveryEventData(delivery: {
  deliveryId: string;
  storeId: string;
  date: string;
  status: string;
  requestIds: readonly string[];
  lines: readonly { sku: string; quantity: number }[];
  emergency?: boolean;
  reason?: string | null;
  receivedLines?: readonly { sku: string; quantity: number }[] | null;
  discrepancies?: readonly unknown[] | null;
}): Record<string, unknown> {
  return {
    deliveryId: delivery.deliveryId,
    storeId: delivery.storeId,
    date: delivery.date,
    status: delivery.status,
    requestIds: [...delivery.requestIds],
    lines: delivery.lines.map((l) => ({ sku: l.sku, quantity: l.quantity })),
    ...(delivery.status === 'planned' ? { emergency: delivery.emergency ?? false, reason: delivery.reason ?? null } : {}),
    ...(delivery.status === 'delivered' ? { receivedLines: delivery.receivedLines ?? [], discrepancies: delivery.discrepancies ?? [] } : {}),
  };
}
