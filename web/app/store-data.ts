/**
 * Everything the store page shows, read in one go: the store, the catalogue, its worklist with every
 * home's positions (`?positions=all`, for the chart: one call, not one per home), today's shortfall
 * records and the next days' deliveries.
 * Reads that an older API cannot answer (404: no such route yet) come back as null, and the page
 * says that part is not available rather than failing whole.
 */
import type { Delivery, Item, Shortfall, Store, StoreHome } from '../model/api-types.ts';
import { addDays, isoDateInZone } from '../model/format.ts';
import { mapLimited, type Api } from './api.ts';

export const DELIVERY_DAYS = 7;

export interface StoreSnapshot {
  store: Store;
  today: string;
  items: Map<string, Item>;
  /** The worklist, each home with its every position (`positions`). */
  homes: StoreHome[];
  shortfalls: Shortfall[] | null;
  deliveries: Delivery[] | null;
}

const DEFAULT_ZONE = 'Europe/London';

export async function loadItems(api: Api): Promise<Map<string, Item>> {
  const items = await api.getAll<Item>('/v1/items?limit=100');
  return new Map(items.map((i) => [i.sku, i]));
}

async function optionalList<T>(api: Api, path: string): Promise<T[] | null> {
  const first = await api.getOptional<{ items: T[]; nextCursor: string | null }>(path);
  if (first === null) return null;
  if (first.nextCursor === null) return first.items;
  return api.getAll<T>(path);
}

export async function loadStoreSnapshot(api: Api, storeId: string, itemsCache: { items?: Map<string, Item> }): Promise<StoreSnapshot> {
  const base = `/v1/stores/${encodeURIComponent(storeId)}`;
  const [store, items, homes] = await Promise.all([
    api.get<Store>(base),
    itemsCache.items ? Promise.resolve(itemsCache.items) : loadItems(api),
    api.getAll<StoreHome>(`${base}/homes?positions=all&limit=100`),
  ]);
  itemsCache.items = items;
  const today = isoDateInZone(new Date(), store.timeZone || DEFAULT_ZONE);
  const dates = Array.from({ length: DELIVERY_DAYS }, (_, i) => addDays(today, i));
  const [shortfalls, deliveryDays] = await Promise.all([
    optionalList<Shortfall>(api, `${base}/shortfalls?date=${today}`),
    mapLimited(dates, 4, (date) => optionalList<Delivery>(api, `${base}/deliveries?date=${date}`)),
  ]);
  const deliveries = deliveryDays.every((d) => d === null) ? null : deliveryDays.flatMap((d) => d ?? []);
  return { store: { ...store, timeZone: store.timeZone || DEFAULT_ZONE }, today, items, homes, shortfalls, deliveries };
}
