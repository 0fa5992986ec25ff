/**
 * Shortfall records, the alert ledger, and the two reads the shortfall job needs besides the
 * run-out index (stock-repository's `positionsRunningOutBefore`): homes by last count, and home
 * profiles by id. Every read is a Query or a BatchGet on a key; nothing here scans.
 *
 * Record item (one per home per date, written once, never updated):
 *   { PK: SHORTFALL#<date>, SK: <storeId>#<homeId>, entity: 'Shortfall', date, storeId, homeId,
 *     reasons, items, asOf }                       ← asOf: the instant it was projected to (provenance)
 * Ledger item (one per store per date): { PK: SHORTFALL-ALERTS#<date>, SK: STORE#<storeId>,
 *   entity: 'ShortfallAlerts', date, storeId, alertedHomes: String Set }
 */
import { PutCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { WriteConflictError } from '../domain/failures.ts';
import type { ShortfallBody, ShortfallReason } from '../schemas/shortfalls.ts';
import { send, tableName, type TransactItem } from './dynamodb-client.ts';
import { keys } from './keys.ts';
import { batchGetAll, queryAll } from './read-all.ts';
import type { Page } from './pagination.ts';
import { queryPartitionPage } from './query-page.ts';
import { TIME_INDEX_SHARDS } from './table-definition.ts';

export const SHORTFALL_ENTITY = 'Shortfall';
const LEDGER_ENTITY = 'ShortfallAlerts';

export interface HomeProfile {
  homeId: string;
  storeId: string;
  name: string;
  nameCy?: string;
  lastCountedAt: string | null;
}

const toHomeProfile = (raw: Record<string, unknown>): HomeProfile => ({
  homeId: String(raw.homeId),
  storeId: String(raw.storeId),
  name: String(raw.name ?? raw.homeId),
  ...(typeof raw.nameCy === 'string' ? { nameCy: raw.nameCy } : {}),
  lastCountedAt: typeof raw.lastCountedAt === 'string' ? raw.lastCountedAt : null,
});

/**
 * Homes never counted or last counted strictly before `before` (a canonical UTC instant), from the
 * last-count shards of GSI2: one Query per shard, in parallel. Reads the silent homes only.
 */
export async function homesLastCountedBefore(before: string): Promise<HomeProfile[]> {
  const perShard = await Promise.all(
    Array.from({ length: TIME_INDEX_SHARDS }, (_, shard) =>
      queryAll({
        TableName: tableName(),
        IndexName: 'GSI2',
        // `<instant>#<homeId>` < `<instant>`: a count exactly at `before` is not older than it.
        KeyConditionExpression: 'GSI2PK = :pk AND GSI2SK < :before',
        ExpressionAttributeValues: { ':pk': keys.lastCountShardPartition(shard), ':before': before },
      }),
    ),
  );
  return perShard.flat().map(toHomeProfile);
}

/** Home profiles by id, one BatchGet per 100 (unprocessed keys retried); unknown homes are absent. */
export async function homeProfiles(homeIds: readonly string[]): Promise<Map<string, HomeProfile>> {
  const items = await batchGetAll([...new Set(homeIds)].map((id) => keys.home(id)), {
    projection: { expression: 'homeId, storeId, #name, nameCy, lastCountedAt', names: { '#name': 'name' } },
  });
  return new Map(items.map((raw) => [String(raw.homeId), toHomeProfile(raw)] as const));
}

export function toShortfall(raw: Record<string, unknown>): ShortfallBody {
  return {
    date: String(raw.date),
    storeId: String(raw.storeId),
    homeId: String(raw.homeId),
    reasons: (raw.reasons as ShortfallReason[]) ?? [],
    // Records written before items carried a reason and a usage basis were short, by the estimate.
    items: ((raw.items as Partial<ShortfallBody['items'][number]>[] | undefined) ?? []).map((item) => ({ reason: 'short', usageBasis: 'estimate', ...item }) as ShortfallBody['items'][number]),
  };
}

/**
 * Writes a home's record for its date unless one exists: a re-run, a retry after a crash or a
 * concurrent run keeps the first record as it was. 'present' when it already existed.
 */
export async function putShortfallRecord(record: ShortfallBody, asOf: string): Promise<'written' | 'present'> {
  try {
    await send(
      new PutCommand({
        TableName: tableName(),
        Item: { ...keys.shortfall(record.date, record.storeId, record.homeId), entity: SHORTFALL_ENTITY, ...record, asOf },
        ConditionExpression: 'attribute_not_exists(PK)',
        ReturnConsumedCapacity: 'TOTAL',
      }),
    );
    return 'written';
  } catch (error) {
    if (error instanceof WriteConflictError && error.conditionFailed()) return 'present';
    throw error;
  }
}

/** Every record of a date (the job reads today's and yesterday's: as many as homes flagged). */
export async function shortfallRecordsOf(date: string): Promise<ShortfallBody[]> {
  const items = await queryAll({
    TableName: tableName(),
    KeyConditionExpression: 'PK = :pk',
    ExpressionAttributeValues: { ':pk': keys.shortfallPartition(date) },
  });
  return items.map(toShortfall);
}

/** A page of a date's records, all stores or one store's (`SK begins_with <storeId>#`). */
export async function listShortfalls(
  date: string,
  storeId: string | undefined,
  page: { limit?: number | undefined; cursor?: string | undefined },
): Promise<Page<ShortfallBody>> {
  // One store's list is a prefix of the date's partition; a cursor of another store's list is refused.
  const sortKeyPrefix = storeId === undefined ? undefined : keys.shortfallStorePrefix(storeId);
  return queryPartitionPage({ partition: keys.shortfallPartition(date), ...(sortKeyPrefix === undefined ? {} : { sortKeyPrefix }), page, map: toShortfall });
}

/** Per store, the homes already alerted for a date (stores without a ledger item are absent). */
export async function alertLedgers(date: string): Promise<Map<string, Set<string>>> {
  const items = await queryAll({
    TableName: tableName(),
    KeyConditionExpression: 'PK = :pk',
    ExpressionAttributeValues: { ':pk': keys.shortfallAlertsPartition(date) },
  });
  return new Map(items.map((raw) => [String(raw.storeId), new Set((raw.alertedHomes as Set<string> | undefined) ?? [])]));
}

/**
 * Adds homes to a store's ledger for a date, after their events and the store's digest went out.
 * ADD on a String Set merges: idempotent, and safe against a concurrent run. With each home goes
 * its `shortfall.flagged` webhook event (the outbox), in the same transaction (chunks of 99 homes):
 * the events' ids are stable per date, store and home, so a concurrent run that got there first
 * fails only their conditions, and this run then has nothing left to write for them.
 */
export async function recordAlerted(date: string, storeId: string, homeIds: readonly string[], webhookEvents: readonly TransactItem[] = []): Promise<void> {
  const ledger = (homes: readonly string[]) => {
    const add = homes.length > 0; // DynamoDB refuses an empty set; the item alone says "digest sent".
    return {
      TableName: tableName(),
      Key: keys.shortfallAlerts(date, storeId),
      UpdateExpression: `SET entity = :entity, #date = :date, storeId = :storeId${add ? ' ADD alertedHomes :homes' : ''}`,
      ExpressionAttributeNames: { '#date': 'date' },
      ExpressionAttributeValues: { ':entity': LEDGER_ENTITY, ':date': date, ':storeId': storeId, ...(add ? { ':homes': new Set(homes) } : {}) },
    };
  };
  if (webhookEvents.length === 0) {
    await send(new UpdateCommand({ ...ledger(homeIds), ReturnConsumedCapacity: 'TOTAL' }));
    return;
  }
  for (let start = 0; start < homeIds.length; start += LEDGER_CHUNK) {
    const events = webhookEvents.slice(start, start + LEDGER_CHUNK);
    try {
      await send(new TransactWriteCommand({ TransactItems: [{ Update: ledger(homeIds.slice(start, start + LEDGER_CHUNK)) }, ...events], ReturnConsumedCapacity: 'TOTAL' }));
    } catch (error) {
      // Only the events' conditions failed (the ledger update has none): another run wrote them, with
      // the ledger. The ledger is added to again on its own (ADD merges), so it holds them whatever happened since.
      const eventsAlreadyThere = error instanceof WriteConflictError && error.reasons.length > 0 && error.reasons.every((r, i) => (i === 0 ? r.code === 'None' : r.code === 'ConditionalCheckFailed' || r.code === 'None'));
      if (!eventsAlreadyThere) throw error;
      await send(new UpdateCommand({ ...ledger(homeIds.slice(start, start + LEDGER_CHUNK)), ReturnConsumedCapacity: 'TOTAL' }));
    }
  }
}

/** Homes (and their webhook events) per ledger transaction: 99 events and the ledger update. */
const LEDGER_CHUNK = 99;
