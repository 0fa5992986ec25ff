/**
 * The one webhook sender, deployed and local alike: fan an event out to the subscriptions it
 * concerns, attempt each delivery, and record each attempt in the subscription's delivery log.
 *
 * - `fanOut`: the home's own subscriptions and those of the store serving the home NOW (read at
 *   fan-out), filtered by event type (domain/webhooks.ts `recipientsOf`); one delivery per
 *   recipient and the event off the outbox in ONE transaction.
 * - `attemptDelivery`: re-reads the subscription (a deleted one gets nothing more; its URL is
 *   checked again, and its address at connect time), claims the delivery (its next attempt moved a
 *   lease ahead, conditioned on the revision read), POSTs the payload signed per Standard Webhooks
 *   (same `webhook-id` on every attempt), and records the outcome: delivered; or pending until the
 *   next delay of the schedule; or, the schedule spent, `failing` (and the subscription marked
 *   failing until a later success clears it).
 * - `sweep`: what is left on the outbox, then every delivery due. Deployed, a schedule runs it every
 *   minute (retries, and any event the stream path missed); the table stream's fast path fans out
 *   and attempts at once. Locally, bin/local/webhook-sender.ts runs `sweep` in process every few
 *   hundred milliseconds.
 * At least once: an attempt whose outcome could not be recorded (a crash) is attempted again when
 * its lease ends, with the same id, so receivers dedupe on `webhook-id`.
 */
import { mapWithConcurrency } from '../concurrency/map-with-concurrency.ts';
import { getHomeRecord } from '../data/registry-repository.ts';
import {
  allSubscriptions,
  commitFanOut,
  dropDelivery,
  dueDeliveries,
  getSubscription,
  outboxEvents,
  replaceDelivery,
  setSubscriptionFailing,
  type WebhookDeliveryRecord,
  type WebhookSubscriptionRecord,
} from '../data/webhook-repository.ts';
import {
  DEFAULT_RETRY_SCHEDULE_MS,
  eventPayload,
  isDelivered,
  nextRetryDelay,
  recipientsOf,
  webhookHeaders,
  type SubscriberOrg,
  type WebhookEvent,
} from '../domain/webhooks.ts';
import { httpTransport, type WebhookTransport } from './transport.ts';

export interface SenderOptions {
  /** Delays in ms before each attempt (the first is 0): DEFAULT_RETRY_SCHEDULE_MS unless a test passes a short one. */
  schedule?: readonly number[];
  transport?: WebhookTransport;
  now?: () => Date;
  /** How long a claimed attempt is hidden from other senders (longer than the transport's timeout). */
  leaseMs?: number;
}

const DEFAULT_LEASE_MS = 120_000;
const SWEEP_EVENTS = 25;
const SWEEP_DELIVERIES = 50;
const CONCURRENCY = 8;

interface Resolved {
  schedule: readonly number[];
  transport: WebhookTransport;
  now: () => Date;
  leaseMs: number;
}

const resolve = (options: SenderOptions): Resolved => ({
  schedule: options.schedule ?? DEFAULT_RETRY_SCHEDULE_MS,
  transport: options.transport ?? httpTransport(),
  now: options.now ?? (() => new Date()),
  leaseMs: options.leaseMs ?? DEFAULT_LEASE_MS,
});

const subscriberOrg = (org: string): SubscriberOrg => {
  const [kind, id] = org.split(':') as ['home' | 'store', string];
  return { kind, id };
};

/** The deliveries this sender created for the event (none when another sender fanned it out first). */
export async function fanOut(event: WebhookEvent, options: SenderOptions = {}): Promise<WebhookDeliveryRecord[]> {
  const { now } = resolve(options);
  const home = await getHomeRecord(event.homeId);
  const storeId = home?.storeId;
  const [own, store] = await Promise.all([allSubscriptions(`home:${event.homeId}`), storeId ? allSubscriptions(`store:${storeId}`) : Promise.resolve([])]);
  const candidates = [...own, ...store].map((s) => ({ ...s, org: subscriberOrg(s.org), record: s }));
  const at = now().toISOString();
  const payload = eventPayload(event);
  const deliveries: WebhookDeliveryRecord[] = recipientsOf(event, storeId, candidates).map(({ record }) => ({
    subscriptionId: record.subscriptionId,
    eventId: event.eventId,
    type: event.type,
    eventTimestamp: event.timestamp,
    payload,
    state: 'pending',
    attemptCount: 0,
    attempts: [],
    nextAttemptAt: at,
    createdAt: at,
    updatedAt: at,
    revision: 0,
  }));
  return (await commitFanOut(event, deliveries)) ? deliveries : [];
}

/** One attempt of one delivery; the delivery as recorded after it (undefined: not this sender's to make, or the subscription is gone). */
export async function attemptDelivery(delivery: WebhookDeliveryRecord, options: SenderOptions = {}): Promise<WebhookDeliveryRecord | undefined> {
  const { schedule, transport, now, leaseMs } = resolve(options);
  if (delivery.state !== 'pending') return undefined;
  const subscription = await getSubscription(delivery.subscriptionId);
  if (!subscription || subscription.deletedAt) {
    // Deleted: no more attempts, and no log left to read (its GET answers 404).
    await dropDelivery(delivery);
    return undefined;
  }
  const started = now();
  const claim: WebhookDeliveryRecord = { ...delivery, nextAttemptAt: new Date(started.getTime() + leaseMs).toISOString(), updatedAt: started.toISOString() };
  if (!(await replaceDelivery(delivery, claim))) return undefined;
  const claimed = { ...claim, revision: delivery.revision + 1 };

  const timestamp = Math.floor(started.getTime() / 1000);
  const result = await transport(subscription.url, webhookHeaders(subscription.secret, delivery.eventId, timestamp, delivery.payload), delivery.payload);
  const ended = now();
  const attemptCount = claimed.attemptCount + 1;
  const attempts = [...claimed.attempts, { at: started.toISOString(), status: result.status, error: result.error, durationMs: result.durationMs }];
  const delivered = result.status !== null && isDelivered(result.status);
  const delay = delivered ? null : nextRetryDelay(attemptCount, schedule);
  const after: WebhookDeliveryRecord = {
    ...claimed,
    attemptCount,
    attempts,
    state: delivered ? 'delivered' : delay === null ? 'failing' : 'pending',
    nextAttemptAt: delay === null ? null : new Date(ended.getTime() + delay).toISOString(),
    updatedAt: ended.toISOString(),
  };
  if (!(await replaceDelivery(claimed, after))) return undefined;
  await noteHealth(subscription, after.state, ended.toISOString());
  return { ...after, revision: claimed.revision + 1 };
}

/** A spent schedule marks the subscription failing; a later success clears it. Written only when it changes. */
async function noteHealth(subscription: WebhookSubscriptionRecord, state: WebhookDeliveryRecord['state'], at: string): Promise<void> {
  if (state === 'delivered' && subscription.failingSince !== null) await setSubscriptionFailing(subscription.subscriptionId, null);
  if (state === 'failing' && subscription.failingSince === null) await setSubscriptionFailing(subscription.subscriptionId, at);
}

/** Fans out and attempts at once: the stream's fast path (deployed) for events just written. */
export async function deliverNow(events: readonly WebhookEvent[], options: SenderOptions = {}): Promise<number> {
  const created = (await mapWithConcurrency(events, CONCURRENCY, (event) => fanOut(event, options))).flat();
  await mapWithConcurrency(created, CONCURRENCY, (delivery) => attemptDelivery(delivery, options));
  return created.length;
}

export interface SweepResult {
  fannedOut: number;
  attempted: number;
}

/** What is left on the outbox, then the deliveries due. */
export async function sweep(options: SenderOptions = {}): Promise<SweepResult> {
  const resolved = resolve(options);
  const events = await outboxEvents(SWEEP_EVENTS);
  const fannedOut = await deliverNow(events, resolved);
  const due = await dueDeliveries(resolved.now().toISOString(), SWEEP_DELIVERIES);
  const attempted = (await mapWithConcurrency(due, CONCURRENCY, (delivery) => attemptDelivery(delivery, resolved))).filter(Boolean).length;
  return { fannedOut, attempted };
}
