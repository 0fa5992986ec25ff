/** Catalogue items, stores and homes in the table: the only code that reads or writes them. */
import { GetCommand, PutCommand, QueryCommand, TransactWriteCommand, BatchGetCommand } from '@aws-sdk/lib-dynamodb';
import type { Home, HomeInput, Item, ItemInput, Store, StoreInput } from '../schemas/registry.ts';
import { documentClient, tableName } from './dynamodb-client.ts';
import { keys } from './keys.ts';
import { decodeCursor, encodeCursor, DEFAULT_PAGE_SIZE, type Page } from './pagination.ts';

export const DEFAULT_TIME_ZONE = 'Europe/London';

export interface PageRequest {
  limit?: number | undefined;
  cursor?: string | undefined;
}

export async function putItem(sku: string, input: ItemInput, now: string): Promise<Item> {
  const item: Item = { sku, ...input, updatedAt: now };
  await documentClient.send(
    new PutCommand({ TableName: tableName(), Item: { ...keys.item(sku), ...keys.catalogueIndex(sku), entity: 'Item', ...item } }),
  );
  return item;
}

export async function getItem(sku: string): Promise<Item | undefined> {
  const { Item: found } = await documentClient.send(new GetCommand({ TableName: tableName(), Key: keys.item(sku) }));
  return found ? toItem(found) : undefined;
}

/**
 * The whole catalogue by SKU, in SKU order: one Query on the catalogue index, all pages. Every SKU
 * check (counts, requests, caps) and every pack-size read uses it. The catalogue is tens of small
 * items, about 0.5–1 RCU a read, where a BatchGet costs 0.5 RCU per SKU however small the item
 * (50 of the 51 RCU of a 100-line count).
 *
 * An index read is eventually consistent: an item put a moment ago may not be in it yet. So SKUs
 * in `mustInclude` that the Query did not return are read once more from the table, strongly
 * consistent (one BatchGet for all of them): a check never refuses an item that exists. Only
 * unknown SKUs pay for that, and those are almost always typos the caller refuses anyway.
 */
export async function catalogue(mustInclude: Iterable<string> = []): Promise<Map<string, Item>> {
  const found = new Map<string, Item>();
  let start: Record<string, unknown> | undefined;
  do {
    const page = await documentClient.send(
      new QueryCommand({
        TableName: tableName(),
        IndexName: 'GSI1',
        KeyConditionExpression: 'GSI1PK = :pk',
        ExpressionAttributeValues: { ':pk': keys.cataloguePartition },
        ExclusiveStartKey: start,
        ReturnConsumedCapacity: 'TOTAL',
      }),
    );
    for (const raw of page.Items ?? []) found.set(String(raw.sku), toItem(raw));
    start = page.LastEvaluatedKey;
  } while (start);
  const missing = [...new Set(mustInclude)].filter((sku) => !found.has(sku));
  for (const item of await itemsFromTable(missing)) found.set(item.sku, item);
  return found;
}

/** Catalogue items by key, strongly consistent, one BatchGet per 100 SKUs; unknown SKUs are absent. */
async function itemsFromTable(skus: readonly string[]): Promise<Item[]> {
  const found: Item[] = [];
  for (let start = 0; start < skus.length; start += 100) {
    let request: Record<string, { Keys: Record<string, unknown>[]; ConsistentRead: boolean }> | undefined = {
      [tableName()]: { Keys: skus.slice(start, start + 100).map((sku) => keys.item(sku)), ConsistentRead: true },
    };
    while (request && Object.keys(request).length > 0) {
      const result = await documentClient.send(new BatchGetCommand({ RequestItems: request, ReturnConsumedCapacity: 'TOTAL' }));
      found.push(...(result.Responses?.[tableName()] ?? []).map(toItem));
      request = result.UnprocessedKeys as typeof request;
    }
  }
  return found;
}

/** Pack size per SKU (stock views round reorder suggestions up to whole packs). */
export const packSizes = (items: ReadonlyMap<string, Item>): Map<string, number> =>
  new Map([...items].map(([sku, item]) => [sku, item.packSize]));

export async function listItems(page: PageRequest): Promise<Page<Item>> {
  return queryIndexPage('GSI1', 'GSI1PK', keys.cataloguePartition, page, toItem);
}

export async function putStore(storeId: string, input: StoreInput, now: string): Promise<Store> {
  const store: Store = {
    storeId,
    name: input.name,
    capacityPerDay: input.capacityPerDay,
    timeZone: input.timeZone ?? DEFAULT_TIME_ZONE,
    closedDates: [...(input.closedDates ?? [])].sort(),
    updatedAt: now,
  };
  await documentClient.send(
    new PutCommand({ TableName: tableName(), Item: { ...keys.store(storeId), ...keys.storeListIndex(storeId), entity: 'Store', ...store } }),
  );
  return store;
}

export async function getStore(storeId: string): Promise<Store | undefined> {
  const { Item: found } = await documentClient.send(new GetCommand({ TableName: tableName(), Key: keys.store(storeId) }));
  return found ? toStore(found) : undefined;
}

export async function listStores(page: PageRequest): Promise<Page<Store>> {
  return queryIndexPage('GSI1', 'GSI1PK', keys.storeListPartition, page, toStore);
}

export class UnknownStoreError extends Error {}

/**
 * Creates or replaces a home, in one transaction with a check that its store exists (so a home can
 * never point at nothing). An update, not a put: the home's last count and its entry in the
 * last-count index belong to the stock-count writer and must survive a concurrent profile edit.
 */
export async function putHome(homeId: string, input: HomeInput, now: string): Promise<Home> {
  const home: Home = { homeId, ...input, updatedAt: now };
  const profile: Record<string, unknown> = { ...keys.storeHomesIndex(input.storeId, homeId), entity: 'Home', ...home };
  const names = Object.keys(profile);
  const neverCounted = keys.lastCountIndex(homeId, null);
  try {
    await documentClient.send(
      new TransactWriteCommand({
        TransactItems: [
          { ConditionCheck: { TableName: tableName(), Key: keys.store(input.storeId), ConditionExpression: 'attribute_exists(PK)' } },
          {
            Update: {
              TableName: tableName(),
              Key: keys.home(homeId),
              UpdateExpression:
                'SET ' +
                names.map((_, i) => `#f${i} = :f${i}`).join(', ') +
                ', lastCountedAt = if_not_exists(lastCountedAt, :never), GSI2PK = if_not_exists(GSI2PK, :gsi2pk), GSI2SK = if_not_exists(GSI2SK, :gsi2sk)',
              ExpressionAttributeNames: Object.fromEntries(names.map((n, i) => [`#f${i}`, n])),
              ExpressionAttributeValues: {
                ...Object.fromEntries(names.map((n, i) => [`:f${i}`, profile[n]])),
                ':never': null,
                ':gsi2pk': neverCounted.GSI2PK,
                ':gsi2sk': neverCounted.GSI2SK,
              },
            },
          },
        ],
      }),
    );
  } catch (error) {
    const reasons = (error as { CancellationReasons?: { Code?: string }[] }).CancellationReasons;
    if (reasons?.[0]?.Code === 'ConditionalCheckFailed') throw new UnknownStoreError(input.storeId);
    throw error;
  }
  return home;
}

export interface HomeRecord extends Home {
  lastCountedAt: string | null;
}

export async function getHomeRecord(homeId: string): Promise<HomeRecord | undefined> {
  const { Item: found } = await documentClient.send(new GetCommand({ TableName: tableName(), Key: keys.home(homeId) }));
  return found ? { ...toHome(found), lastCountedAt: (found.lastCountedAt as string | null) ?? null } : undefined;
}

export async function getHome(homeId: string): Promise<Home | undefined> {
  const record = await getHomeRecord(homeId);
  if (!record) return undefined;
  const { lastCountedAt: _omit, ...home } = record;
  return home;
}

export async function listStoreHomes(storeId: string, page: PageRequest): Promise<Page<Home>> {
  return queryIndexPage('GSI1', 'GSI1PK', keys.storeHomesPartition(storeId), page, toHome);
}

/** Every home of a store, all pages: for the worklist and planning, where a store has tens of homes. */
export async function allStoreHomes(storeId: string): Promise<HomeRecord[]> {
  const homes: HomeRecord[] = [];
  let cursor: string | undefined;
  do {
    const page = await queryIndexPage('GSI1', 'GSI1PK', keys.storeHomesPartition(storeId), { limit: 100, cursor }, (raw) => ({
      ...toHome(raw),
      lastCountedAt: (raw.lastCountedAt as string | null) ?? null,
    }));
    homes.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return homes;
}

async function queryIndexPage<T>(
  indexName: string,
  partitionAttribute: string,
  partition: string,
  page: PageRequest,
  map: (raw: Record<string, unknown>) => T,
): Promise<Page<T>> {
  const result = await documentClient.send(
    new QueryCommand({
      TableName: tableName(),
      IndexName: indexName,
      KeyConditionExpression: '#pk = :pk',
      ExpressionAttributeNames: { '#pk': partitionAttribute },
      ExpressionAttributeValues: { ':pk': partition },
      Limit: page.limit ?? DEFAULT_PAGE_SIZE,
      ExclusiveStartKey: decodeCursor(page.cursor, { attribute: partitionAttribute, value: partition }),
    }),
  );
  return { items: (result.Items ?? []).map(map), nextCursor: encodeCursor(result.LastEvaluatedKey) };
}

const toItem = (raw: Record<string, unknown>): Item => ({
  sku: raw.sku as string,
  name: raw.name as string,
  unit: raw.unit as string,
  packSize: raw.packSize as number,
  updatedAt: raw.updatedAt as string,
});

const toStore = (raw: Record<string, unknown>): Store => ({
  storeId: raw.storeId as string,
  name: raw.name as string,
  capacityPerDay: raw.capacityPerDay as number,
  timeZone: raw.timeZone as string,
  closedDates: (raw.closedDates as string[]) ?? [],
  updatedAt: raw.updatedAt as string,
});

const toHome = (raw: Record<string, unknown>): Home => ({
  homeId: raw.homeId as string,
  name: raw.name as string,
  storeId: raw.storeId as string,
  beds: raw.beds as number,
  deliveryDays: (raw.deliveryDays as Home['deliveryDays']) ?? [],
  updatedAt: raw.updatedAt as string,
});
