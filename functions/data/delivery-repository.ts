/**
 * Deliveries and delivery days in the table: the only code that reads or writes them (item shapes
 * in delivery-items.ts).
 *
 * Write protocol: a delivery is written whole, conditioned on the version and status read (or on
 * not existing yet), always inside a TransactWriteItems with the request transitions that go with
 * it (commitRequestChanges) and, depending on the move, the delivery-day booking or the position
 * Puts. Reads that a write conditions on are strongly consistent: the delivery, its requests, and
 * the delivery days (a base-table range, not an index), so concurrent planners agree on capacity.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { batchGetAll, queryAll } from './read-all.ts';
import { deliveryItem, toDeliveryRecord, type DeliveryRecord, type DeliveryStatus } from './delivery-items.ts';
import { send, tableName, type TransactItem } from './dynamodb-client.ts';
import { keys } from './keys.ts';
import type { Page } from './pagination.ts';
import { queryPartitionPage } from './query-page.ts';
import type { PageRequest } from './registry-repository.ts';

export { deliveryFitsOneTransaction, toDeliveryView, type DeliveryRecord, type DeliveryStatus, type DeliveryView } from './delivery-items.ts';

export async function getDelivery(deliveryId: string): Promise<DeliveryRecord | undefined> {
  const { Item } = await send(
    new GetCommand({ TableName: tableName(), Key: keys.delivery(deliveryId), ConsistentRead: true, ReturnConsumedCapacity: 'TOTAL' }),
  );
  return Item ? toDeliveryRecord(Item) : undefined;
}

/** Strongly consistent, 100 keys per BatchGet; unknown ids are absent. */
export async function getDeliveries(deliveryIds: readonly string[]): Promise<DeliveryRecord[]> {
  return (await batchGetAll(deliveryIds.map((id) => keys.delivery(id)), { consistentRead: true })).map(toDeliveryRecord);
}

/** The homes a store delivers to on each date from `from` to `to` (inclusive), strongly consistent. */
export async function readDeliveryDays(storeId: string, from: string, to: string): Promise<Map<string, string[]>> {
  const items = await queryAll({
    TableName: tableName(),
    KeyConditionExpression: 'PK = :pk AND SK BETWEEN :from AND :to',
    ExpressionAttributeValues: { ':pk': keys.deliveryDayPartition(storeId), ':from': from, ':to': to },
    ConsistentRead: true,
  });
  return new Map(items.map((item) => [item.SK as string, [...((item.homeIds as Set<string> | undefined) ?? [])].sort()]));
}

/** A store's deliveries on one date, by home (the manifest's order). */
export async function storeDeliveriesOn(storeId: string, date: string): Promise<DeliveryRecord[]> {
  const items = await queryAll({
    TableName: tableName(),
    IndexName: 'GSI1',
    KeyConditionExpression: 'GSI1PK = :pk AND begins_with(GSI1SK, :date)',
    ExpressionAttributeValues: { ':pk': keys.storeDeliveriesPartition(storeId), ':date': `${date}#` },
  });
  return items.map(toDeliveryRecord);
}

/** A home's deliveries, latest date first. */
export async function listHomeDeliveries(homeId: string, page: PageRequest): Promise<Page<DeliveryRecord>> {
  return queryPartitionPage({ index: 'GSI3', partition: keys.homeDeliveriesPartition(homeId), descending: true, page, map: toDeliveryRecord });
}

/**
 * The delivery written whole, as a transaction entry: a new one must not exist yet; an existing one
 * must still be at the version and status it was read at.
 */
export function deliveryPut(record: DeliveryRecord, expected: { version: number; status: DeliveryStatus } | 'new'): TransactItem {
  const Item = deliveryItem(record);
  if (expected === 'new') return { Put: { TableName: tableName(), Item, ConditionExpression: 'attribute_not_exists(PK)' } };
  return {
    Put: {
      TableName: tableName(),
      Item,
      ConditionExpression: '#version = :version AND #status = :status',
      ExpressionAttributeNames: { '#version': 'version', '#status': 'status' },
      ExpressionAttributeValues: { ':version': expected.version, ':status': expected.status },
    },
  };
}

/** Books a home onto a store's delivery day: refused when the day is at capacity or the home is already on it. */
export function dayBooking(storeId: string, date: string, homeId: string, capacityPerDay: number): TransactItem {
  return {
    Update: {
      TableName: tableName(),
      Key: keys.deliveryDay(storeId, date),
      UpdateExpression: 'ADD #homes :home SET #entity = :entity, #storeId = :storeId, #date = :date',
      ConditionExpression: 'attribute_not_exists(#homes) OR (size(#homes) < :capacity AND NOT contains(#homes, :homeId))',
      ExpressionAttributeNames: { '#homes': 'homeIds', '#entity': 'entity', '#storeId': 'storeId', '#date': 'date' },
      ExpressionAttributeValues: {
        ':home': new Set([homeId]),
        ':homeId': homeId,
        ':capacity': capacityPerDay,
        ':entity': 'DeliveryDay',
        ':storeId': storeId,
        ':date': date,
      },
    },
  };
}

/**
 * Takes a home off a store's delivery day, freeing its slot: goes with the cancelling of the
 * home's delivery, whose own condition (still planned, at the version read) guards the pair, so
 * this needs none. DELETE on a set drops the attribute with its last member, which dayBooking
 * and readDeliveryDays read as an empty day.
 */
export function dayRelease(storeId: string, date: string, homeId: string): TransactItem {
  return {
    Update: {
      TableName: tableName(),
      Key: keys.deliveryDay(storeId, date),
      UpdateExpression: 'DELETE #homes :home',
      ExpressionAttributeNames: { '#homes': 'homeIds' },
      ExpressionAttributeValues: { ':home': new Set([homeId]) },
    },
  };
}
