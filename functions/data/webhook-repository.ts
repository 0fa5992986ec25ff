/**
 * Webhooks in the table (issue #21): subscriptions, the outbox of events, and each subscription's
 * delivery log. The only code that reads or writes them.
 *
 * - A subscription is created in ONE transaction with its organisation's count item (`ADD 1`,
 *   conditioned on the limit), and deleted in one with `ADD -1`: concurrent creations never pass
 *   the limit.
 * - An event is ONE Put (`webhookEventPut`) that a use case adds to the very write of the change it
 *   reports: no event without the change, no change without its event. It sits on the sparse
 *   outbox partition of GSI2 until fanned out.
 * - Fan-out is ONE transaction: a delivery per recipient (must not exist) and the event taken off
 *   the outbox (must still be on it). Two senders fanning out the same event: one wins, the other's
 *   transaction is cancelled and it moves on; so each (event × subscription) is delivered from one log item.
 * - A delivery attempt is claimed first (conditioned on the attempt count read, its next attempt
 *   moved a lease ahead, so no other sender picks it up meanwhile), then its outcome recorded
 *   (conditioned on the same count). Pending deliveries sit on the sparse `WEBHOOK-DUE` partition of
 *   GSI2 by next attempt time; delivered and failing ones leave it.
 * Events and deliveries carry `ttl` (30 days): DynamoDB deletes them; DynamoDB Local never does.
 */
import { DeleteCommand, GetCommand, PutCommand, QueryCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { WebhookEvent, WebhookEventType } from '../domain/webhooks.ts';
import { WriteConflictError } from '../domain/failures.ts';
import { send, tableName, type TransactItem } from './dynamodb-client.ts';
import { keys } from './keys.ts';
import type { Page, PageRequest } from './pagination.ts';
import { queryPartitionPage } from './query-page.ts';
import { queryAll } from './read-all.ts';

export const WEBHOOK_RETENTION_DAYS = 30;
const ttlOf = (iso: string) => Math.floor(Date.parse(iso) / 1000) + WEBHOOK_RETENTION_DAYS * 86_400;

export interface WebhookSubscriptionRecord {
  subscriptionId: string;
  /** `home:<id>` or `store:<id>`. */
  org: string;
  url: string;
  description: string | null;
  /** Empty: every event type. */
  eventTypes: WebhookEventType[];
  /** `whsec_…`: shown once, at creation; read only by the sender. */
  secret: string;
  createdAt: string;
  createdBy: string;
  /** Set when a delivery spent its retries; cleared by the next success. */
  failingSince: string | null;
  /** A deleted subscription is a tombstone: no deliveries, not listed. */
  deletedAt?: string | null;
}

export type DeliveryState = 'pending' | 'delivered' | 'failing';

export interface DeliveryAttempt {
  at: string;
  /** The endpoint's HTTP status, or null when there was none (refused address, timeout, connection). */
  status: number | null;
  error: string | null;
  durationMs: number;
}

export interface WebhookDeliveryRecord {
  subscriptionId: string;
  eventId: string;
  type: WebhookEventType;
  eventTimestamp: string;
  /** The exact body every attempt sends. */
  payload: string;
  state: DeliveryState;
  attemptCount: number;
  attempts: DeliveryAttempt[];
  /** While pending: when the next attempt is due. */
  nextAttemptAt: string | null;
  createdAt: string;
  updatedAt: string;
  /** Every write adds one; each is conditioned on the one read (claims and outcomes never cross). */
  revision: number;
}

/** The organisation already holds the most subscriptions it may. */
export class SubscriptionLimitError extends Error {
  override readonly name = 'SubscriptionLimitError';
}

// ---------------------------------------------------------------------------------------------
// Subscriptions

const subscriptionItem = ({ deletedAt: _deleted, ...record }: WebhookSubscriptionRecord) => ({
  ...keys.webhook(record.subscriptionId),
  ...keys.orgWebhooksIndex(record.org, record.createdAt, record.subscriptionId),
  entity: 'WebhookSubscription',
  ...record,
});

const toSubscription = (item: Record<string, unknown>): WebhookSubscriptionRecord => ({
  subscriptionId: item.subscriptionId as string,
  org: item.org as string,
  url: item.url as string,
  description: (item.description as string | null) ?? null,
  eventTypes: (item.eventTypes as WebhookEventType[]) ?? [],
  secret: item.secret as string,
  createdAt: item.createdAt as string,
  createdBy: item.createdBy as string,
  failingSince: (item.failingSince as string | null) ?? null,
  deletedAt: (item.deletedAt as string | null) ?? null,
});

/** Creates it if the organisation holds fewer than `limit` (SubscriptionLimitError otherwise). */
export async function createSubscription(record: WebhookSubscriptionRecord, limit: number): Promise<void> {
  try {
    await send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Update: {
              TableName: tableName(),
              Key: keys.orgWebhookCount(record.org),
              UpdateExpression: 'ADD #count :one SET entity = :entity',
              ConditionExpression: 'attribute_not_exists(#count) OR #count < :limit',
              ExpressionAttributeNames: { '#count': 'count' },
              ExpressionAttributeValues: { ':one': 1, ':limit': limit, ':entity': 'WebhookCount' },
            },
          },
          { Put: { TableName: tableName(), Item: subscriptionItem(record), ConditionExpression: 'attribute_not_exists(PK)' } },
        ],
        ReturnConsumedCapacity: 'TOTAL',
      }),
    );
  } catch (error) {
    if (error instanceof WriteConflictError && error.conditionFailed(0)) throw new SubscriptionLimitError(`${record.org} already has ${limit} webhook subscriptions`);
    throw error;
  }
}

/** Strongly consistent: the sender reads it before each attempt (a deleted subscription gets nothing more). */
export async function getSubscription(subscriptionId: string): Promise<WebhookSubscriptionRecord | undefined> {
  const { Item } = await send(new GetCommand({ TableName: tableName(), Key: keys.webhook(subscriptionId), ConsistentRead: true, ReturnConsumedCapacity: 'TOTAL' }));
  return Item ? toSubscription(Item) : undefined;
}

/** An organisation's subscriptions, oldest first. */
export function listSubscriptions(org: string, page: PageRequest): Promise<Page<WebhookSubscriptionRecord>> {
  return queryPartitionPage({ index: 'GSI1', partition: keys.orgWebhooksPartition(org), page, map: toSubscription });
}

/** Every subscription of an organisation (at most the limit): the fan-out's read. */
export async function allSubscriptions(org: string): Promise<WebhookSubscriptionRecord[]> {
  const items = await queryAll({
    TableName: tableName(),
    IndexName: 'GSI1',
    KeyConditionExpression: 'GSI1PK = :pk',
    ExpressionAttributeValues: { ':pk': keys.orgWebhooksPartition(org) },
  });
  return items.map(toSubscription);
}

/**
 * Deletes it: a tombstone (`deletedAt`, off its organisation's list, expiring with the log) in one
 * transaction with the slot given back, conditioned on it not being deleted yet (a race:
 * WriteConflictError, for the caller to re-read). The tombstone keeps the owner, so deleting again
 * is answered as the first time, and the sender stops.
 */
export async function deleteSubscription(record: WebhookSubscriptionRecord, at: string): Promise<void> {
  await send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Update: {
              TableName: tableName(),
              Key: keys.webhook(record.subscriptionId),
              UpdateExpression: 'SET deletedAt = :at, #ttl = :ttl REMOVE GSI1PK, GSI1SK',
              ConditionExpression: 'attribute_exists(PK) AND attribute_not_exists(deletedAt)',
              ExpressionAttributeNames: { '#ttl': 'ttl' },
              ExpressionAttributeValues: { ':at': at, ':ttl': ttlOf(at) },
            },
          },
          {
            Update: {
              TableName: tableName(),
              Key: keys.orgWebhookCount(record.org),
              UpdateExpression: 'ADD #count :minusOne',
              ConditionExpression: '#count > :zero',
              ExpressionAttributeNames: { '#count': 'count' },
              ExpressionAttributeValues: { ':minusOne': -1, ':zero': 0 },
            },
          },
        ],
        ReturnConsumedCapacity: 'TOTAL',
      }),
    );
}

/** Sets or clears `failingSince` (only when it changes: the sender checks first). Gone: nothing. */
export async function setSubscriptionFailing(subscriptionId: string, failingSince: string | null): Promise<void> {
  try {
    await send(
      new UpdateCommand({
        TableName: tableName(),
        Key: keys.webhook(subscriptionId),
        UpdateExpression: 'SET failingSince = :f',
        ConditionExpression: 'attribute_exists(PK)',
        ExpressionAttributeValues: { ':f': failingSince },
        ReturnConsumedCapacity: 'TOTAL',
      }),
    );
  } catch (error) {
    if (!(error instanceof WriteConflictError)) throw error;
  }
}

// ---------------------------------------------------------------------------------------------
// The outbox

/** The event as one action of the change's own transaction (or as the change's single write's companion). */
export function webhookEventPut(event: WebhookEvent): TransactItem {
  return {
    Put: {
      TableName: tableName(),
      Item: {
        ...keys.webhookEvent(event.eventId),
        ...keys.webhookOutboxIndex(event.timestamp, event.eventId),
        entity: 'WebhookEvent',
        ...event,
        ttl: ttlOf(event.timestamp),
      },
      ConditionExpression: 'attribute_not_exists(PK)',
    },
  };
}

const toEvent = (item: Record<string, unknown>): WebhookEvent => ({
  eventId: item.eventId as string,
  type: item.type as WebhookEventType,
  timestamp: item.timestamp as string,
  homeId: item.homeId as string,
  data: (item.data as Record<string, unknown>) ?? {},
});

/** Events not fanned out yet, oldest first (strongly consistent reads are not offered on an index: a just-written event may wait a tick). */
export async function outboxEvents(limit: number): Promise<WebhookEvent[]> {
  const result = await send(
    new QueryCommand({
      TableName: tableName(),
      IndexName: 'GSI2',
      KeyConditionExpression: 'GSI2PK = :pk',
      ExpressionAttributeValues: { ':pk': keys.webhookOutboxPartition },
      Limit: limit,
      ReturnConsumedCapacity: 'TOTAL',
    }),
  );
  return (result.Items ?? []).filter((item) => item.entity === 'WebhookEvent').map(toEvent);
}

/** An event from a stream record's new image (the deployed sender's fast path). */
export const eventFromImage = (image: Record<string, unknown>): WebhookEvent | undefined => (image.entity === 'WebhookEvent' ? toEvent(image) : undefined);

// ---------------------------------------------------------------------------------------------
// Deliveries

const deliveryItem = (record: WebhookDeliveryRecord) => ({
  ...keys.webhookDelivery(record.subscriptionId, record.eventTimestamp, record.eventId),
  ...(record.state === 'pending' && record.nextAttemptAt ? keys.webhookDueIndex(record.nextAttemptAt, record.subscriptionId, record.eventId) : {}),
  entity: 'WebhookDelivery',
  ...record,
  ttl: ttlOf(record.createdAt),
});

const toDelivery = (item: Record<string, unknown>): WebhookDeliveryRecord => ({
  subscriptionId: item.subscriptionId as string,
  eventId: item.eventId as string,
  type: item.type as WebhookEventType,
  eventTimestamp: item.eventTimestamp as string,
  payload: item.payload as string,
  state: item.state as DeliveryState,
  attemptCount: item.attemptCount as number,
  attempts: (item.attempts as DeliveryAttempt[]) ?? [],
  nextAttemptAt: (item.nextAttemptAt as string | null) ?? null,
  createdAt: item.createdAt as string,
  updatedAt: item.updatedAt as string,
  revision: (item.revision as number) ?? 0,
});

/**
 * One transaction: the deliveries (each must be new) and the event off the outbox (it must still be
 * on it). False when another sender fanned it out first (nothing written here).
 */
export async function commitFanOut(event: WebhookEvent, deliveries: readonly WebhookDeliveryRecord[]): Promise<boolean> {
  const takeOff: TransactItem = {
    Update: {
      TableName: tableName(),
      Key: keys.webhookEvent(event.eventId),
      UpdateExpression: 'REMOVE GSI2PK, GSI2SK SET fannedOutTo = :n',
      ConditionExpression: 'attribute_exists(GSI2PK)',
      ExpressionAttributeValues: { ':n': deliveries.length },
    },
  };
  try {
    await send(
      new TransactWriteCommand({
        TransactItems: [takeOff, ...deliveries.map((d) => ({ Put: { TableName: tableName(), Item: deliveryItem(d), ConditionExpression: 'attribute_not_exists(PK)' } }))],
        ReturnConsumedCapacity: 'TOTAL',
      }),
    );
    return true;
  } catch (error) {
    if (error instanceof WriteConflictError && error.reasons.some((r) => r.code === 'ConditionalCheckFailed')) return false;
    throw error;
  }
}

/** Pending deliveries due at or before `now`, soonest first. */
export async function dueDeliveries(now: string, limit: number): Promise<WebhookDeliveryRecord[]> {
  const result = await send(
    new QueryCommand({
      TableName: tableName(),
      IndexName: 'GSI2',
      KeyConditionExpression: 'GSI2PK = :pk AND GSI2SK < :upper',
      ExpressionAttributeValues: { ':pk': keys.webhookDuePartition, ':upper': `${now}#~` },
      Limit: limit,
      ReturnConsumedCapacity: 'TOTAL',
    }),
  );
  return (result.Items ?? []).filter((item) => item.entity === 'WebhookDelivery').map(toDelivery);
}

export async function getDelivery(subscriptionId: string, eventTimestamp: string, eventId: string): Promise<WebhookDeliveryRecord | undefined> {
  const { Item } = await send(
    new GetCommand({ TableName: tableName(), Key: keys.webhookDelivery(subscriptionId, eventTimestamp, eventId), ConsistentRead: true, ReturnConsumedCapacity: 'TOTAL' }),
  );
  return Item ? toDelivery(Item) : undefined;
}

/**
 * Writes `after` over `before`, conditioned on the attempt count and state read: a claim (the next
 * attempt moved a lease ahead) or an attempt's outcome. False when another sender got there first.
 */
export async function replaceDelivery(before: WebhookDeliveryRecord, after: WebhookDeliveryRecord): Promise<boolean> {
  try {
    await send(
      new PutCommand({
        TableName: tableName(),
        Item: deliveryItem({ ...after, revision: before.revision + 1 }),
        ConditionExpression: 'revision = :revision',
        ExpressionAttributeValues: { ':revision': before.revision },
        ReturnConsumedCapacity: 'TOTAL',
      }),
    );
    return true;
  } catch (error) {
    if (error instanceof WriteConflictError) return false;
    throw error;
  }
}

/** A subscription's delivery log, newest event first. */
export function listDeliveries(subscriptionId: string, page: PageRequest): Promise<Page<WebhookDeliveryRecord>> {
  return queryPartitionPage({ partition: keys.webhookDeliveriesPartition(subscriptionId), descending: true, page, map: toDelivery });
}

/** Removes a deleted subscription's pending deliveries from the due index, as the sender meets them. */
export async function dropDelivery(record: WebhookDeliveryRecord): Promise<void> {
  await send(
    new DeleteCommand({
      TableName: tableName(),
      Key: keys.webhookDelivery(record.subscriptionId, record.eventTimestamp, record.eventId),
      ReturnConsumedCapacity: 'TOTAL',
    }),
  );
}
