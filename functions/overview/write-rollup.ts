/**
 * The daily rollup, written after the shortfall job (scheduled and on demand) for its date: one
 * item per store, per region (and one for the stores in none) and one for the nation.
 *
 * read    every region and store (two Queries), each store's homes (one Query a store) and every
 *         position (one Query a home, as the worklist reads them; and one a store for its own).
 *         Stock held per item needs every position: there is no cheaper exact answer, so this
 *         step reads the whole stock once a day, and the national views never do: they read
 *         these few hundred items (see the README's note and `npm run bench -- --only overview`).
 * compute the pure rules of domain/rollup.ts at the job's asOf.
 * write   Puts of whole items (BatchWriteItem, 25 a request): the keys are the date's, so a re-run
 *         for the date rewrites the same items (idempotent), with the figures as of the re-run.
 */
import { mapWithConcurrency } from '../concurrency/map-with-concurrency.ts';
import { NO_REGION, putRollups, type RollupRecord } from '../data/rollup-repository.ts';
import { allRegions, allStoreHomes, allStores } from '../data/registry-repository.ts';
import { readPositions } from '../data/stock-repository.ts';
import { shortfallDate } from '../domain/assess-shortfalls.ts';
import { storeFigures, sumFigures, type RollupFigures } from '../domain/rollup.ts';
import type { StockRules } from '../domain/stock-rules.ts';
import type { Store } from '../schemas/registry.ts';
import { stockRules } from '../stock/stock-config.ts';

const STORES_IN_FLIGHT = 4;
const HOMES_IN_FLIGHT = 16;

export interface RollupSummary {
  date: string;
  stores: number;
  regions: number;
  homes: number;
  items: number;
}

export async function writeDailyRollup(asOf: Date, rules: StockRules = stockRules): Promise<RollupSummary> {
  const date = shortfallDate(asOf);
  const asOfIso = asOf.toISOString();
  const [regions, stores] = await Promise.all([allRegions(), allStores()]);
  const perStore = await mapWithConcurrency(stores, STORES_IN_FLIGHT, async (store) => ({ store, figures: await figuresOfStore(store, asOf, rules) }));

  const records: RollupRecord[] = perStore.map(({ store, figures }) => ({
    date,
    asOf: asOfIso,
    scope: { kind: 'store', id: store.storeId },
    name: store.name,
    ...(store.nameCy !== undefined ? { nameCy: store.nameCy } : {}),
    regionId: store.regionId ?? NO_REGION,
    figures,
  }));
  const byRegion = new Map<string, RollupFigures[]>([...regions.map((r): [string, RollupFigures[]] => [r.regionId, []]), [NO_REGION, []]]);
  for (const { store, figures } of perStore) {
    const regionId = store.regionId !== undefined && byRegion.has(store.regionId) ? store.regionId : NO_REGION;
    byRegion.get(regionId)!.push(figures);
  }
  const named = new Map(regions.map((r) => [r.regionId, r]));
  for (const [regionId, list] of byRegion) {
    // The stores-in-no-region item is always written, so a re-run after the last one joined a region leaves none behind.
    const region = named.get(regionId);
    const names = region ? { name: region.name, ...(region.nameCy !== undefined ? { nameCy: region.nameCy } : {}) } : { name: 'Stores in no region', nameCy: 'Storfeydd heb ranbarth' };
    records.push({ date, asOf: asOfIso, scope: { kind: 'region', id: regionId }, ...names, figures: sumFigures(list) });
  }
  const nation = sumFigures(perStore.map((s) => s.figures));
  records.push({ date, asOf: asOfIso, scope: { kind: 'nation' }, name: 'All regions', nameCy: 'Pob rhanbarth', figures: nation });
  await putRollups(records);
  return { date, stores: stores.length, regions: regions.length, homes: nation.homes, items: records.length };
}

async function figuresOfStore(store: Store, asOf: Date, rules: StockRules): Promise<RollupFigures> {
  const [homes, own] = await Promise.all([allStoreHomes(store.storeId), readPositions({ kind: 'store', id: store.storeId })]);
  const withPositions = await mapWithConcurrency(homes, HOMES_IN_FLIGHT, async (home) => ({
    homeId: home.homeId,
    lastCountedAt: home.lastCountedAt,
    positions: await readPositions({ kind: 'home', id: home.homeId }),
  }));
  return storeFigures({ homes: withPositions, positions: own }, asOf, rules);
}
