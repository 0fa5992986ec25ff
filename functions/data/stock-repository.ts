/**
 * Stock positions and their history in the table: the only code that reads or writes them.
 *
 * Write protocol, for every writer (counts here; receipts, dispatch and inbound in other features):
 * a position is written whole with `positionPut`, conditioned on the version that was read, and
 * stores version + 1, with the home's attribution it read (the count writer: the home's profile).
 * A writer that loses the race gets a WriteConflictError (failures.ts), re-reads and re-applies
 * (retryOnConflict). Nothing updates a position attribute in place, so no update can be lost
 * and the at-risk index attributes always match the state.
 *
 * For other features:
 * - requests (days of supply, inbound): `readPositions`, `getPosition`, `getPositionsBatch`,
 *   then `positionPut` inside their own transaction.
 * - deliveries (dispatch, receipt): `receiptTransactItems` in functions/stock/receipts.ts builds the
 *   position Put and the receipt's history event for their transaction.
 * - shortfall job: `positionsAtRiskBy(asOf)` reads only the positions the at-risk rule can flag,
 *   shard by shard, from the at-risk index (GSI2 `RUNOUT#<shard>`, domain/at-risk.ts).
 */
import { TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { randomUUID } from 'node:crypto';
import { WriteConflictError } from '../domain/failures.ts';
import type { PositionState } from '../domain/stock-position.ts';
import { atRiskBound } from '../domain/at-risk.ts';
import { TIME_INDEX_SHARDS } from './table-definition.ts';
import { send, tableName, type TransactItem } from './dynamodb-client.ts';
import { batchGetAll, batchWriteAll, queryAll } from './read-all.ts';
import { retryOnConflict } from './retries.ts';
import { keys, locationPk, type LocationRef } from './keys.ts';
import type { Page } from './pagination.ts';
import { queryPartitionPage } from './query-page.ts';
import {
  deterministicEventId,
  isPositionItem,
  positionItem,
  stockEventItem,
  toPositionRecord,
  toStockEvent,
  type HomeAttribution,
  type PositionRecord,
  type StockEvent,
} from './stock-items.ts';
import { t } from '../i18n/messages.ts';

export {
  positionItem,
  toPositionState,
  toPositionRecord,
  stockEventItem,
  toStockEvent,
  deterministicEventId,
  type HomeAttribution,
  type PositionRecord,
  type StockEvent,
  type StockEventKind,
} from './stock-items.ts';

export type { TransactItem } from './dynamodb-client.ts';

/** DynamoDB's limit of actions in one TransactWriteItems. */
export const MAX_TRANSACT_ITEMS = 100;

/**
 * A whole-position Put for TransactWriteItems (or, unwrapped, a PutCommand), conditioned on the
 * version read: `expectedVersion` 0 means "must not exist yet". Stores expectedVersion + 1.
 * `attribution`: the home's, from its profile (counts) or from the record read (every other
 * writer: `current.attribution`), so that no write drops it (stock-items.ts).
 */
export function positionPut(location: LocationRef, state: PositionState, expectedVersion: number, attribution: HomeAttribution | undefined): TransactItem {
  const Item = positionItem(location, state, expectedVersion + 1, attribution);
  if (expectedVersion === 0) {
    return { Put: { TableName: tableName(), Item, ConditionExpression: 'attribute_not_exists(PK)' } };
  }
  return {
    Put: {
      TableName: tableName(),
      Item,
      ConditionExpression: '#version = :expected',
      ExpressionAttributeNames: { '#version': 'version' },
      ExpressionAttributeValues: { ':expected': expectedVersion },
    },
  };
}

/** A stock movement that is not a count: units leaving (a dispatch) or reaching (a receipt) a position. */
export interface StockMovement {
  kind: 'dispatch' | 'receipt';
  sku: string;
  /** Canonical UTC instant. */
  at: string;
  quantity: number;
  /** What the units belong to (a delivery); it also makes the event id unique per delivery. */
  reference: string;
  recordedAt: string;
  recordedBy: string;
}

/**
 * A movement as two entries of the caller's transaction: the position's new state (conditioned on
 * the version read, carrying its attribution forward) and the movement's history event.
 */
export function movementTransactItems(location: LocationRef, position: PositionState, current: PositionRecord | undefined, movement: StockMovement): TransactItem[] {
  const expectedVersion = current?.version ?? 0;
  const { kind, sku, at, quantity, reference, recordedAt, recordedBy } = movement;
  const event = stockEventItem(location, {
    eventId: deterministicEventId(kind, [sku, at, reference]),
    kind,
    sku,
    at,
    onHand: null,
    quantity,
    applied: true,
    lateReason: null,
    observedUsage: null,
    dailyUsage: position.dailyUsage,
    positionVersion: expectedVersion + 1,
    reference,
    recordedAt,
    recordedBy,
  });
  return [positionPut(location, position, expectedVersion, current?.attribution), { Put: { TableName: tableName(), Item: event } }];
}

/**
 * A location's profile (undefined when the location does not exist) and every position, in one
 * Query. Positions come in SKU order. `consistent`: strongly consistent, for writes conditioned on it.
 */
export async function readLocationStock(
  location: LocationRef,
  { consistent = false } = {},
): Promise<{ profile: Record<string, unknown> | undefined; positions: PositionRecord[] }> {
  const range = keys.locationStockRange(location);
  const items = await queryAll({
    TableName: tableName(),
    ...(consistent ? { ConsistentRead: true } : {}),
    KeyConditionExpression: 'PK = :pk AND SK BETWEEN :from AND :to',
    ExpressionAttributeValues: { ':pk': range.PK, ':from': range.from, ':to': range.to },
  });
  return {
    profile: items.find((raw) => !isPositionItem(raw)),
    positions: items.filter(isPositionItem).map(toPositionRecord),
  };
}

/** Every position of a location, one Query (a location holds tens of positions, well under 1 MB). */
export async function readPositions(location: LocationRef): Promise<PositionRecord[]> {
  const items = await queryAll({
    TableName: tableName(),
    KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
    ExpressionAttributeValues: { ':pk': locationPk(location), ':prefix': keys.positionPrefix },
  });
  return items.map(toPositionRecord);
}

export async function getPosition(location: LocationRef, sku: string): Promise<PositionRecord | undefined> {
  const [found] = await getPositionsBatch([{ location, sku }]);
  return found;
}

/** Positions of any locations × SKUs, one BatchGet per 100 keys; missing positions are absent. */
export async function getPositionsBatch(refs: readonly { location: LocationRef; sku: string }[]): Promise<PositionRecord[]> {
  return (await batchGetAll(refs.map((r) => keys.position(r.location, r.sku)))).map(toPositionRecord);
}

/**
 * Writes up to 100 positions in ONE transaction, each conditioned on the version it was read at:
 * all of them or none. Throws WriteConflictError when any of them changed meanwhile.
 */
export interface PositionWrite {
  location: LocationRef;
  /** The new state. */
  state: PositionState;
  /** The version it was computed from (0: the position did not exist). */
  expectedVersion: number;
  /** The home's store and name, stored on the position for the shortfall job. */
  attribution?: HomeAttribution | undefined;
}

export async function commitPositions(writes: readonly PositionWrite[]): Promise<void> {
  if (writes.length === 0) return;
  if (writes.length > MAX_TRANSACT_ITEMS) throw new RangeError(`at most ${MAX_TRANSACT_ITEMS} positions per commit, got ${writes.length}`);
  await send(
    new TransactWriteCommand({
      TransactItems: writes.map((w) => positionPut(w.location, w.state, w.expectedVersion, w.attribution)),
      // Makes the SDK's own retry of a transaction whose answer was lost a no-op, not a false conflict.
      ClientRequestToken: randomUUID(),
      ReturnConsumedCapacity: 'TOTAL',
    }),
  );
}

/** History events as idempotent Puts (deterministic keys), in bounded batches (read-all.ts). */
export async function putStockEvents(location: LocationRef, events: readonly StockEvent[]): Promise<void> {
  await batchWriteAll(events.map((event) => stockEventItem(location, event)));
}

/**
 * Moves a home forward in the last-count index (silent homes) — only forward: an older count, or
 * a home that does not exist, changes nothing. Idempotent, so it can follow the positions' commit.
 */
export async function advanceLastCount(homeId: string, countedAt: string): Promise<boolean> {
  const index = keys.lastCountIndex(homeId, countedAt);
  // A profile edit's transaction on the home at the same moment is a race: retried, not a refusal.
  return retryOnConflict(
    async () => {
      try {
        await send(
          new UpdateCommand({
            TableName: tableName(),
            Key: keys.home(homeId),
            UpdateExpression: 'SET lastCountedAt = :at, GSI2PK = :gsi2pk, GSI2SK = :gsi2sk',
            ConditionExpression:
              'attribute_exists(PK) AND (attribute_not_exists(lastCountedAt) OR attribute_type(lastCountedAt, :nullType) OR lastCountedAt < :at)',
            ExpressionAttributeValues: { ':at': countedAt, ':gsi2pk': index.GSI2PK, ':gsi2sk': index.GSI2SK, ':nullType': 'NULL' },
            ReturnConsumedCapacity: 'TOTAL',
          }),
        );
        return true;
      } catch (error) {
        if (error instanceof WriteConflictError && error.conditionFailed()) return false;
        throw error;
      }
    },
    { exhausted: t('exhausted.homeCount', { homeId }) },
  );
}

/** A position's history, newest first, paginated with a cursor bound to that position. */
export async function listStockHistory(
  location: LocationRef,
  sku: string,
  page: { limit?: number | undefined; cursor?: string | undefined },
): Promise<Page<StockEvent>> {
  return queryPartitionPage({ partition: keys.stockHistoryPartition(location, sku), descending: true, page, map: toStockEvent });
}

/**
 * Every position whose at-risk index entry is at or before asOf (domain/at-risk.ts): one Query per
 * shard of the write-sharded index, in parallel. The caller re-checks each with the rule.
 */
export async function positionsAtRiskBy(asOf: Date): Promise<PositionRecord[]> {
  const shards = Array.from({ length: TIME_INDEX_SHARDS }, (_, shard) => shard);
  const perShard = await Promise.all(
    shards.map((shard) =>
      queryAll({
        TableName: tableName(),
        IndexName: 'GSI2',
        KeyConditionExpression: 'GSI2PK = :pk AND GSI2SK < :before',
        ExpressionAttributeValues: { ':pk': keys.atRiskShardPartition(shard), ':before': atRiskBound(asOf) },
      }),
    ),
  );
  return perShard.flat().map(toPositionRecord);
}
