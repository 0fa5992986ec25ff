/**
 * The daily rollup, pure: a store's figures from its homes' and its own positions at the job's
 * `asOf`, and a region's or the nation's as the sum of their stores'. No AWS, no clock.
 *
 * A home's overall status is its worst position's (stock-position.ts, as the worklist shows it);
 * short and silent are the shortfall rules' (assess-shortfalls.ts), so the rollup, the worklists and
 * the job's records agree. Stock held per item is in units and in days of the store's usage: the
 * store's demand for an item is what its homes use of it a day (the sum of their usage), so
 * `homesDays` is how long the homes' stock lasts them and `storeDays` how long the store's would.
 */
import type { PositionRecord } from '../data/stock-items.ts';
import { isShort, isSilent } from './assess-shortfalls.ts';
import { positionStatus, projectedOnHand, worstStatus, type StockStatus } from './stock-position.ts';
import type { StockRules } from './stock-rules.ts';

export interface StatusCounts {
  red: number;
  amber: number;
  green: number;
  unknown: number;
}

export interface ItemFigures {
  sku: string;
  /** Homes whose position of this item is red, amber, unknown at asOf (homes without the item are in none). */
  red: number;
  amber: number;
  unknown: number;
  /** Projected on hand at asOf, summed over the homes, and the store's own. */
  homesOnHand: number;
  storeOnHand: number;
  /** Units a day the homes use (the sum of their positions' usage): the store's demand. */
  dailyUsage: number;
  /** homesOnHand ÷ dailyUsage, 2 decimals; null when nothing is used. */
  homesDays: number | null;
  /** storeOnHand ÷ dailyUsage, 2 decimals; null when nothing is used. */
  storeDays: number | null;
}

export interface RollupFigures {
  stores: number;
  homes: number;
  /** Homes by overall status (their worst item's). */
  status: StatusCounts;
  /** Homes with any item under the shortfall threshold (the job's "short"). */
  short: number;
  /** Homes never counted or not counted within the staleness limit (the job's "silent"). */
  silent: number;
  /** Homes in outbreak: 0 until outbreaks exist. */
  outbreak: number;
  /** By SKU. */
  items: ItemFigures[];
}

export interface RollupHome {
  homeId: string;
  lastCountedAt: string | null;
  positions: readonly PositionRecord[];
  /** Whether the home has declared an outbreak (none can yet). */
  outbreak?: boolean;
}

export interface RollupStore {
  homes: readonly RollupHome[];
  /** The store's own positions (its warehouse stock). */
  positions: readonly PositionRecord[];
}

export const emptyFigures = (): RollupFigures => ({
  stores: 0,
  homes: 0,
  status: { red: 0, amber: 0, green: 0, unknown: 0 },
  short: 0,
  silent: 0,
  outbreak: 0,
  items: [],
});

/** Days a quantity lasts at a daily usage, to 2 decimals; null when nothing is used. */
export function daysAt(onHand: number, dailyUsage: number): number | null {
  return dailyUsage > 0 ? Math.round((onHand / dailyUsage) * 100) / 100 : null;
}

type ItemSums = Omit<ItemFigures, 'homesDays' | 'storeDays'>;

const emptyItem = (sku: string): ItemSums => ({ sku, red: 0, amber: 0, unknown: 0, homesOnHand: 0, storeOnHand: 0, dailyUsage: 0 });

function finishItems(sums: Iterable<ItemSums>): ItemFigures[] {
  return [...sums]
    .map((s) => ({ ...s, dailyUsage: roundUsage(s.dailyUsage), homesDays: daysAt(s.homesOnHand, s.dailyUsage), storeDays: daysAt(s.storeOnHand, s.dailyUsage) }))
    .sort((a, b) => (a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : 0));
}

// Sums of rates kept to 6 decimals, as rates are (domain/rates.ts): no binary fractions in the figures.
const roundUsage = (value: number) => Math.round(value * 1e6) / 1e6;

/** One store's figures at asOf. */
export function storeFigures(store: RollupStore, asOf: Date, rules: StockRules): RollupFigures {
  const figures = emptyFigures();
  figures.stores = 1;
  const items = new Map<string, ItemSums>();
  const item = (sku: string) => items.get(sku) ?? items.set(sku, emptyItem(sku)).get(sku)!;
  for (const home of store.homes) {
    const statuses: StockStatus[] = [];
    for (const { state } of home.positions) {
      const status = positionStatus(state, asOf, rules);
      statuses.push(status);
      const sums = item(state.sku);
      if (status === 'red' || status === 'amber' || status === 'unknown') sums[status] += 1;
      sums.homesOnHand += projectedOnHand(state, asOf);
      sums.dailyUsage += state.dailyUsage;
    }
    figures.homes += 1;
    figures.status[worstStatus(statuses)] += 1;
    if (home.positions.some((p) => isShort(p, asOf, rules))) figures.short += 1;
    if (isSilent(home.lastCountedAt, asOf, rules)) figures.silent += 1;
    if (home.outbreak) figures.outbreak += 1;
  }
  for (const { state } of store.positions) item(state.sku).storeOnHand += projectedOnHand(state, asOf);
  figures.items = finishItems(items.values());
  return figures;
}

/** A region's or the nation's figures: the sum of its stores' (days recomputed from the summed units). */
export function sumFigures(list: readonly RollupFigures[]): RollupFigures {
  const total = emptyFigures();
  const items = new Map<string, ItemSums>();
  for (const f of list) {
    total.stores += f.stores;
    total.homes += f.homes;
    for (const s of ['red', 'amber', 'green', 'unknown'] as const) total.status[s] += f.status[s];
    total.short += f.short;
    total.silent += f.silent;
    total.outbreak += f.outbreak;
    for (const i of f.items) {
      const sums = items.get(i.sku) ?? items.set(i.sku, emptyItem(i.sku)).get(i.sku)!;
      sums.red += i.red;
      sums.amber += i.amber;
      sums.unknown += i.unknown;
      sums.homesOnHand += i.homesOnHand;
      sums.storeOnHand += i.storeOnHand;
      sums.dailyUsage += i.dailyUsage;
    }
  }
  total.items = finishItems(items.values());
  return total;
}

/**
 * Worst first, for the overview's rows: most homes red, then amber, then unknown, then silent;
 * ties by name. A total order given distinct names.
 */
export function compareWorstFirst(a: { figures: RollupFigures; name: string }, b: { figures: RollupFigures; name: string }): number {
  return (
    b.figures.status.red - a.figures.status.red ||
    b.figures.status.amber - a.figures.status.amber ||
    b.figures.status.unknown - a.figures.status.unknown ||
    b.figures.silent - a.figures.silent ||
    (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)
  );
}
