/** Catalogue items, stores and homes in the table: the only code that reads or writes them. */
import { GetCommand, PutCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { PreconditionFailedError, WriteConflictError } from '../domain/failures.ts';
import { CARESTOCK_TIME_ZONE } from '../domain/zoned-dates.ts';
import type { Home, HomeInput, Item, ItemInput, Region, RegionInput, Store, StoreInput } from '../schemas/registry.ts';
import { send, tableName, type TransactItem } from './dynamodb-client.ts';
import { keys } from './keys.ts';
import type { Page, PageRequest } from './pagination.ts';
import { queryPartitionPage } from './query-page.ts';
import { batchGetAll, batchWriteAll, queryAll } from './read-all.ts';
import { retryOnConflict } from './retries.ts';
import { t } from '../i18n/messages.ts';

export type { PageRequest } from './pagination.ts';

/** A catalogue item or a store, created or replaced whole (nothing else writes to them). */
const putEntry = (item: Record<string, unknown>) => send(new PutCommand({ TableName: tableName(), Item: item }));

/**
 * Creates or replaces an item's description. An update of those attributes, not a Put: the per-case
 * rate is set by its own route and survives an edit of the name or pack size.
 */
export async function putItem(sku: string, input: ItemInput, now: string): Promise<Item> {
  const fields: Record<string, unknown> = { ...keys.catalogueIndex(sku), entity: 'Item', sku, ...input, updatedAt: now };
  const names = Object.keys(fields);
  const { Attributes } = await send(
    new UpdateCommand({
      TableName: tableName(),
      Key: keys.item(sku),
      // The description is replaced whole: a Welsh name the new one leaves out goes.
      UpdateExpression: 'SET ' + names.map((_, i) => `#f${i} = :f${i}`).join(', ') + (input.nameCy === undefined ? ' REMOVE nameCy' : ''),
      ExpressionAttributeNames: Object.fromEntries(names.map((n, i) => [`#f${i}`, n])),
      ExpressionAttributeValues: Object.fromEntries(names.map((n, i) => [`:f${i}`, fields[n]])),
      ReturnValues: 'ALL_NEW',
    }),
  );
  return Attributes ? toItem(Attributes) : { sku, ...input, updatedAt: now };
}

/** Sets (or, with null, clears) an item's per-case rate; undefined when no item has the SKU (nothing written). */
export async function setPerCaseDailyUsage(sku: string, perCaseDailyUsage: number | null, now: string): Promise<Item | undefined> {
  try {
    const { Attributes } = await send(
      new UpdateCommand({
        TableName: tableName(),
        Key: keys.item(sku),
        UpdateExpression: perCaseDailyUsage === null ? 'SET updatedAt = :now REMOVE perCaseDailyUsage' : 'SET updatedAt = :now, perCaseDailyUsage = :rate',
        ConditionExpression: 'attribute_exists(PK)',
        ExpressionAttributeValues: { ':now': now, ...(perCaseDailyUsage === null ? {} : { ':rate': perCaseDailyUsage }) },
        ReturnValues: 'ALL_NEW',
      }),
    );
    return Attributes ? toItem(Attributes) : undefined;
  } catch (error) {
    if (error instanceof WriteConflictError && error.conditionFailed()) return undefined;
    throw error;
  }
}

export async function getItem(sku: string): Promise<Item | undefined> {
  const { Item: found } = await send(new GetCommand({ TableName: tableName(), Key: keys.item(sku) }));
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
  const indexed = await queryAll({
    TableName: tableName(),
    IndexName: 'GSI1',
    KeyConditionExpression: 'GSI1PK = :pk',
    ExpressionAttributeValues: { ':pk': keys.cataloguePartition },
  });
  const found = new Map(indexed.map((raw) => [String(raw.sku), toItem(raw)] as const));
  const missing = [...new Set(mustInclude)].filter((sku) => !found.has(sku));
  // Catalogue items by key, strongly consistent; unknown SKUs are simply absent.
  const fromTable = await batchGetAll(missing.map((sku) => keys.item(sku)), { consistentRead: true });
  for (const item of fromTable.map(toItem)) found.set(item.sku, item);
  return found;
}

/** Pack size per SKU (stock views round reorder suggestions up to whole packs). */
export const packSizes = (items: ReadonlyMap<string, Item>): Map<string, number> =>
  new Map([...items].map(([sku, item]) => [sku, item.packSize]));

export async function listItems(page: PageRequest): Promise<Page<Item>> {
  return queryPartitionPage({ index: 'GSI1', partition: keys.cataloguePartition, page, map: toItem });
}

export async function putRegion(regionId: string, input: RegionInput, now: string): Promise<Region> {
  const region: Region = { regionId, name: input.name, ...(input.nameCy !== undefined ? { nameCy: input.nameCy } : {}), updatedAt: now };
  await putEntry({ ...keys.region(regionId), ...keys.regionListIndex(regionId), entity: 'Region', ...region });
  return region;
}

export async function getRegion(regionId: string): Promise<Region | undefined> {
  const { Item: found } = await send(new GetCommand({ TableName: tableName(), Key: keys.region(regionId) }));
  return found ? toRegion(found) : undefined;
}

export async function listRegions(page: PageRequest): Promise<Page<Region>> {
  return queryPartitionPage({ index: 'GSI1', partition: keys.regionListPartition, page, map: toRegion });
}

/** Every region, all pages: the rollup names each region's row. */
export async function allRegions(): Promise<Region[]> {
  const items = await queryAll({
    TableName: tableName(),
    IndexName: 'GSI1',
    KeyConditionExpression: 'GSI1PK = :pk',
    ExpressionAttributeValues: { ':pk': keys.regionListPartition },
  });
  return items.map(toRegion);
}

/** Every store, all pages (tens to a few hundred): the rollup walks them. */
export async function allStores(): Promise<Store[]> {
  const items = await queryAll({
    TableName: tableName(),
    IndexName: 'GSI1',
    KeyConditionExpression: 'GSI1PK = :pk',
    ExpressionAttributeValues: { ':pk': keys.storeListPartition },
  });
  return items.map(toStore);
}

/** A store named a region that does not exist. */
export class UnknownRegionError extends PreconditionFailedError {
  override readonly name = 'UnknownRegionError';
  constructor(readonly regionId: string) {
    super(t('failure.unknownRegion', { regionId }));
  }
}

/** The store item as written (keys, index and attributes). */
export function storeItem(storeId: string, input: StoreInput, now: string): { store: Store; item: Record<string, unknown> } {
  const store: Store = {
    storeId,
    name: input.name,
    ...(input.nameCy !== undefined ? { nameCy: input.nameCy } : {}),
    capacityPerDay: input.capacityPerDay,
    timeZone: input.timeZone ?? CARESTOCK_TIME_ZONE,
    closedDates: [...(input.closedDates ?? [])].sort(),
    ...(input.regionId ? { regionId: input.regionId } : {}),
    language: input.language ?? 'en',
    updatedAt: now,
  };
  return { store, item: { ...keys.store(storeId), ...keys.storeListIndex(storeId), entity: 'Store', ...store } };
}

/**
 * Creates or replaces a store. One that names a region is written in one transaction with a check
 * that the region exists (a store never points at nothing); one without, with a plain Put.
 */
export async function putStore(storeId: string, input: StoreInput, now: string): Promise<Store> {
  const { store, item } = storeItem(storeId, input, now);
  if (!input.regionId) {
    await putEntry(item);
    return store;
  }
  const regionId = input.regionId;
  await retryOnConflict(
    async () => {
      try {
        await send(
          new TransactWriteCommand({
            TransactItems: [
              { ConditionCheck: { TableName: tableName(), Key: keys.region(regionId), ConditionExpression: 'attribute_exists(PK)' } },
              { Put: { TableName: tableName(), Item: item } },
            ],
            ReturnConsumedCapacity: 'TOTAL',
          }),
        );
      } catch (error) {
        if (error instanceof WriteConflictError && error.conditionFailed(0)) throw new UnknownRegionError(regionId);
        throw error;
      }
    },
    { exhausted: t('exhausted.store', { storeId }) },
  );
  return store;
}

export async function getStore(storeId: string): Promise<Store | undefined> {
  const { Item: found } = await send(new GetCommand({ TableName: tableName(), Key: keys.store(storeId) }));
  return found ? toStore(found) : undefined;
}

export async function listStores(page: PageRequest): Promise<Page<Store>> {
  return queryPartitionPage({ index: 'GSI1', partition: keys.storeListPartition, page, map: toStore });
}

/** A write that needs a store (a home, request caps) named one that does not exist. */
export class UnknownStoreError extends PreconditionFailedError {
  override readonly name = 'UnknownStoreError';
  constructor(readonly storeId: string) {
    super(t('failure.unknownStore', { storeId }));
  }
}

/**
 * One transaction: a check that the store exists, then `items`. The check failing is an
 * UnknownStoreError; a race with another transaction on the same items is retried (bounded).
 */
export async function transactWithStore(storeId: string, items: readonly TransactItem[]): Promise<void> {
  await retryOnConflict(() => transactWithStoreOnce(storeId, items), {
    exhausted: t('exhausted.storeWith', { storeId }),
  });
}

/**
 * The same, once: for a caller whose items depend on what it read, and which re-reads and retries
 * itself (a WriteConflictError: another write got there first).
 */
export async function transactWithStoreOnce(storeId: string, items: readonly TransactItem[]): Promise<void> {
  try {
    await send(
      new TransactWriteCommand({
        TransactItems: [{ ConditionCheck: { TableName: tableName(), Key: keys.store(storeId), ConditionExpression: 'attribute_exists(PK)' } }, ...items],
        ReturnConsumedCapacity: 'TOTAL',
      }),
    );
  } catch (error) {
    if (error instanceof WriteConflictError && error.conditionFailed(0)) throw new UnknownStoreError(storeId);
    throw error;
  }
}

/**
 * Creates or replaces a home, in one transaction with a check that its store exists (so a home can
 * never point at nothing). For seeding and benches; the API's PUT goes through saveHome
 * (functions/registry/homes.ts), which conditions the write on the store it read.
 */
export async function putHome(homeId: string, input: HomeInput, now: string): Promise<Home> {
  const { home, update } = homeProfileUpdate(homeId, input, now, 'any');
  await transactWithStore(input.storeId, [update]);
  return home;
}

/**
 * A home's profile, written as an update, not a put: the home's last count and its entry in the
 * last-count index belong to the stock-count writer and must survive a concurrent profile edit.
 * `expectedStoreId`: the store it was read with (a move must not miss a concurrent one), null
 * when it was read as absent, 'any' for no condition.
 */
export function homeProfileUpdate(homeId: string, input: HomeInput, now: string, expectedStoreId: string | null | 'any'): { home: Home; update: TransactItem } {
  const home: Home = { homeId, ...input, updatedAt: now };
  const profile: Record<string, unknown> = { ...keys.storeHomesIndex(input.storeId, homeId), entity: 'Home', ...home };
  const names = Object.keys(profile);
  const neverCounted = keys.lastCountIndex(homeId, null);
  const expected = expectedStoreId === 'any' || expectedStoreId === null ? undefined : expectedStoreId;
  const condition =
    expectedStoreId === 'any' ? {} : expected === undefined ? { ConditionExpression: 'attribute_not_exists(PK)' } : { ConditionExpression: '#expectedStore = :expectedStore' };
  const update: TransactItem = {
    Update: {
      TableName: tableName(),
      Key: keys.home(homeId),
      UpdateExpression:
        'SET ' +
        names.map((_, i) => `#f${i} = :f${i}`).join(', ') +
        ', lastCountedAt = if_not_exists(lastCountedAt, :never), GSI2PK = if_not_exists(GSI2PK, :gsi2pk), GSI2SK = if_not_exists(GSI2SK, :gsi2sk)' +
        // Replaced whole: an optional field the new profile leaves out goes.
        removeAbsent(input, ['localAuthority', 'nameCy']),
      ...condition,
      ExpressionAttributeNames: {
        ...Object.fromEntries(names.map((n, i) => [`#f${i}`, n])),
        ...(expected === undefined ? {} : { '#expectedStore': 'storeId' }),
      },
      ExpressionAttributeValues: {
        ...Object.fromEntries(names.map((n, i) => [`:f${i}`, profile[n]])),
        ':never': null,
        ':gsi2pk': neverCounted.GSI2PK,
        ':gsi2sk': neverCounted.GSI2SK,
        ...(expected === undefined ? {} : { ':expectedStore': expected }),
      },
    },
  };
  return { home, update };
}

/** ` REMOVE a, b` for the optional fields `input` leaves out (empty when it has them all). */
function removeAbsent(input: object, optional: readonly string[]): string {
  const absent = optional.filter((field) => (input as Record<string, unknown>)[field] === undefined);
  return absent.length ? ` REMOVE ${absent.join(', ')}` : '';
}

/** The open outbreak as the home item carries it (the whole record is in the home's outbreak history). */
export interface OpenOutbreak {
  outbreakId: string;
  declaredAt: string;
  isolatingResidents: number;
  startedOn: string;
  expectedEndOn: string | null;
}

export interface HomeRecord extends Home {
  lastCountedAt: string | null;
  /** The home's open outbreak; null when none. */
  outbreak?: OpenOutbreak | null;
}

export function toOpenOutbreak(raw: unknown): OpenOutbreak | null {
  if (typeof raw !== 'object' || raw === null || typeof (raw as { outbreakId?: unknown }).outbreakId !== 'string') return null;
  const o = raw as Record<string, unknown>;
  return {
    outbreakId: String(o.outbreakId),
    declaredAt: String(o.declaredAt),
    isolatingResidents: Number(o.isolatingResidents),
    startedOn: String(o.startedOn),
    expectedEndOn: typeof o.expectedEndOn === 'string' ? o.expectedEndOn : null,
  };
}

/** `consistent`: strongly consistent, for a write conditioned on what is read (a move). */
export async function getHomeRecord(homeId: string, { consistent = false } = {}): Promise<HomeRecord | undefined> {
  const { Item: found } = await send(new GetCommand({ TableName: tableName(), Key: keys.home(homeId), ...(consistent ? { ConsistentRead: true } : {}) }));
  return found ? { ...toHome(found), lastCountedAt: (found.lastCountedAt as string | null) ?? null, outbreak: toOpenOutbreak(found.outbreak) } : undefined;
}

export async function getHome(homeId: string): Promise<Home | undefined> {
  const record = await getHomeRecord(homeId);
  if (!record) return undefined;
  const { lastCountedAt: _omit, outbreak: _open, ...home } = record;
  return home;
}

/** Every home of a store, all pages: for the worklist and planning, where a store has tens of homes. */
export async function allStoreHomes(storeId: string): Promise<HomeRecord[]> {
  const items = await queryAll({
    TableName: tableName(),
    IndexName: 'GSI1',
    KeyConditionExpression: 'GSI1PK = :pk',
    ExpressionAttributeValues: { ':pk': keys.storeHomesPartition(storeId) },
  });
  return items.map((raw) => ({ ...toHome(raw), lastCountedAt: (raw.lastCountedAt as string | null) ?? null, outbreak: toOpenOutbreak(raw.outbreak) }));
}

/**
 * The ids of the homes a store serves now: one Query of its homes, only their ids. A store's lists
 * of things that name a home (its request queues, manifests, shortfall records) keep to these: a
 * home that moved took its history with it, and what stayed behind in the old store's partitions
 * (closed requests, deliveries, records) is no longer that store's to read.
 */
export async function storeHomeIds(storeId: string): Promise<Set<string>> {
  const items = await queryAll({
    TableName: tableName(),
    IndexName: 'GSI1',
    KeyConditionExpression: 'GSI1PK = :pk',
    ProjectionExpression: 'homeId',
    ExpressionAttributeValues: { ':pk': keys.storeHomesPartition(storeId) },
  });
  return new Set(items.map((item) => item.homeId as string));
}

const toItem = (raw: Record<string, unknown>): Item => ({
  sku: raw.sku as string,
  name: raw.name as string,
  ...(typeof raw.nameCy === 'string' ? { nameCy: raw.nameCy } : {}),
  unit: raw.unit as string,
  packSize: raw.packSize as number,
  ...(typeof raw.perCaseDailyUsage === 'number' ? { perCaseDailyUsage: raw.perCaseDailyUsage } : {}),
  updatedAt: raw.updatedAt as string,
});

const toStore = (raw: Record<string, unknown>): Store => ({
  storeId: raw.storeId as string,
  name: raw.name as string,
  ...(typeof raw.nameCy === 'string' ? { nameCy: raw.nameCy } : {}),
  capacityPerDay: raw.capacityPerDay as number,
  timeZone: raw.timeZone as string,
  closedDates: (raw.closedDates as string[]) ?? [],
  ...(typeof raw.regionId === 'string' ? { regionId: raw.regionId } : {}),
  // Stores written before issue #19 have no language: English, as a PUT without one.
  language: raw.language === 'cy' || raw.language === 'both' ? raw.language : 'en',
  updatedAt: raw.updatedAt as string,
});

const toRegion = (raw: Record<string, unknown>): Region => ({
  regionId: raw.regionId as string,
  name: raw.name as string,
  ...(typeof raw.nameCy === 'string' ? { nameCy: raw.nameCy } : {}),
  updatedAt: raw.updatedAt as string,
});

const toHome = (raw: Record<string, unknown>): Home => ({
  homeId: raw.homeId as string,
  name: raw.name as string,
  ...(typeof raw.nameCy === 'string' ? { nameCy: raw.nameCy } : {}),
  storeId: raw.storeId as string,
  beds: raw.beds as number,
  deliveryDays: (raw.deliveryDays as Home['deliveryDays']) ?? [],
  ...(typeof raw.localAuthority === 'string' ? { localAuthority: raw.localAuthority } : {}),
  updatedAt: raw.updatedAt as string,
});

// Bulk onboarding (functions/registry/imports.ts): reads by key in batches of 100, strongly
// consistent (the import decides what to write from them), and writes in batches of 25.

export async function storesById(storeIds: readonly string[]): Promise<Map<string, Store>> {
  const found = await batchGetAll(storeIds.map((id) => keys.store(id)), { consistentRead: true });
  return new Map(found.map((raw) => [String(raw.storeId), toStore(raw)]));
}

/**
 * Each store's alert language (issue #19), for the shortfall job's digests and events: one BatchGet
 * per 100 stores, only the two attributes (eventually consistent: a language changed a moment ago
 * may take the next run). A store written before languages existed, or not found, is English.
 */
export async function storeLanguages(storeIds: readonly string[]): Promise<Map<string, Store['language']>> {
  const found = await batchGetAll(storeIds.map((id) => keys.store(id)), { projection: { expression: 'storeId, #language', names: { '#language': 'language' } } });
  return new Map(found.map((raw) => [String(raw.storeId), raw.language === 'cy' || raw.language === 'both' ? raw.language : 'en']));
}

export async function regionIdsThatExist(regionIds: readonly string[]): Promise<Set<string>> {
  const found = await batchGetAll(regionIds.map((id) => keys.region(id)), { consistentRead: true, projection: { expression: 'regionId' } });
  return new Set(found.map((raw) => String(raw.regionId)));
}

export async function homesById(homeIds: readonly string[]): Promise<Map<string, HomeRecord>> {
  const found = await batchGetAll(homeIds.map((id) => keys.home(id)), { consistentRead: true });
  return new Map(found.map((raw) => [String(raw.homeId), { ...toHome(raw), lastCountedAt: (raw.lastCountedAt as string | null) ?? null }]));
}

/** Stores Put whole (closedDates as given: the import keeps an existing store's). */
export async function putStoresBatch(stores: readonly { storeId: string; input: StoreInput }[], now: string): Promise<void> {
  await batchWriteAll(stores.map(({ storeId, input }) => storeItem(storeId, input, now).item));
}

/**
 * New homes Put whole, as putHome leaves a new home: never counted, in the last-count index as such.
 * Only for homes the import read as absent; an existing home is changed with putHome, which keeps
 * its last count.
 */
export async function putNewHomesBatch(homes: readonly { homeId: string; input: HomeInput }[], now: string): Promise<void> {
  await batchWriteAll(
    homes.map(({ homeId, input }) => ({
      ...keys.home(homeId),
      ...keys.storeHomesIndex(input.storeId, homeId),
      entity: 'Home',
      homeId,
      ...input,
      updatedAt: now,
      lastCountedAt: null,
      ...keys.lastCountIndex(homeId, null),
    })),
  );
}
