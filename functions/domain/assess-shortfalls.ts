/**
 * The shortfall rules, pure: which positions make a home short at `asOf`, which homes are silent,
 * the bounds the job queries the indexes with, and the record each flagged home gets. No AWS, no
 * clock: the use case reads, this decides.
 *
 * The index bounds and the rules agree exactly: `daysOfSupply(p, asOf) < shortfallDays` holds
 * precisely when the stored run-out date is before `asOf + shortfallDays` (see stock-position.ts),
 * and a home is silent precisely when its last count sorts before `asOf − staleAfterDays`. The
 * index narrows; the rules below decide, so nothing the index returns is taken on trust.
 */
import type { PositionRecord } from '../data/stock-items.ts';
import { MS_PER_DAY, canonicalInstant, instantMs } from './instants.ts';
import { compareStatusSeverity, daysOfSupply, viewPosition } from './stock-position.ts';
import type { StockRules } from './stock-rules.ts';
import { CARESTOCK_TIME_ZONE, dateInZone } from './zoned-dates.ts';
import type { ShortfallBody, ShortfallItemBody, ShortfallReason } from '../schemas/shortfalls.ts';

/** Dates of shortfall records are dates in the job's own zone. */
export const shortfallDate = (asOf: Date): string => dateInZone(asOf, CARESTOCK_TIME_ZONE);

/** Upper bound (exclusive) of run-out dates that can be short at asOf. */
export const runoutHorizon = (asOf: Date, rules: StockRules): string => canonicalInstant(asOf.getTime() + rules.shortfallDays * MS_PER_DAY);

/** Last counts strictly before this are stale at asOf (a count exactly at the limit still counts). */
export const staleBefore = (asOf: Date, rules: StockRules): string => canonicalInstant(asOf.getTime() - rules.staleAfterDays * MS_PER_DAY);

/** Strictly less than shortfallDays of projected supply at asOf; usage 0 (or never counted) is never short. */
export function isShort(position: PositionRecord, asOf: Date, rules: StockRules): boolean {
  const days = daysOfSupply(position.state, asOf);
  return days !== null && days < rules.shortfallDays;
}

/** Never counted, or the newest count older than the staleness limit at asOf. */
export function isSilent(lastCountedAt: string | null, asOf: Date, rules: StockRules): boolean {
  return lastCountedAt === null || asOf.getTime() - instantMs(lastCountedAt) > rules.staleAfterDays * MS_PER_DAY;
}

/**
 * Per home, its short items worst first (status, then fewest days, then SKU), from the positions the
 * run-out index returned. Store positions and positions that are not short at asOf are dropped.
 */
export function shortItemsByHome(
  positions: readonly PositionRecord[],
  asOf: Date,
  rules: StockRules,
  packSizes: ReadonlyMap<string, number>,
): Map<string, ShortfallItemBody[]> {
  const byHome = new Map<string, ShortfallItemBody[]>();
  for (const position of positions) {
    if (position.location.kind !== 'home' || !isShort(position, asOf, rules)) continue;
    const { sku, daysOfSupply, runoutDate, status, suggestedOrder } = viewPosition(position.state, asOf, packSizes.get(position.state.sku) ?? 1, rules);
    const list = byHome.get(position.location.id) ?? [];
    list.push({ sku, daysOfSupply, runoutDate, status, suggestedOrder });
    byHome.set(position.location.id, list);
  }
  for (const list of byHome.values()) list.sort(compareItems);
  return byHome;
}

/** Worst status first, then fewest days of supply, then SKU: a total order. */
export function compareItems(a: ShortfallItemBody, b: ShortfallItemBody): number {
  return (
    compareStatusSeverity(a.status, b.status) ||
    (a.daysOfSupply ?? Number.POSITIVE_INFINITY) - (b.daysOfSupply ?? Number.POSITIVE_INFINITY) ||
    compare(a.sku, b.sku)
  );
}

export interface HomeToRecord {
  homeId: string;
  storeId: string;
}

export interface NamedHome extends HomeToRecord {
  name: string;
}

/**
 * Store and name of each home, from the attribution its positions carry (stock-items.ts): the
 * store to alert without reading the home. A home any of whose positions carries none (written
 * before attribution began) or whose positions disagree (moved or renamed, and only some lines
 * counted since) is left out, and the job reads its profile. A home moved to another store is
 * re-attributed by the move itself (as many positions as its transaction holds), so its alert goes
 * to the new store.
 */
export function attributedHomes(positions: readonly PositionRecord[]): Map<string, NamedHome> {
  const byHome = new Map<string, NamedHome | null>();
  for (const { location, attribution } of positions) {
    if (location.kind !== 'home') continue;
    const seen = byHome.get(location.id);
    if (seen === null) continue;
    const agrees = attribution !== undefined && (seen === undefined || (seen.storeId === attribution.storeId && seen.name === attribution.homeName));
    byHome.set(location.id, agrees ? { homeId: location.id, storeId: attribution.storeId, name: attribution.homeName } : null);
  }
  return new Map([...byHome].filter((entry): entry is [string, NamedHome] => entry[1] !== null));
}

/**
 * One record per flagged home: reasons in a fixed order (short, silent), items only when short.
 * Sorted by store then home, the order the table keeps them in. A deterministic function of its
 * inputs, so a retry with the same asOf writes the same records.
 */
export function shortfallRecords(
  date: string,
  short: ReadonlyMap<string, ShortfallItemBody[]>,
  silent: ReadonlySet<string>,
  homes: ReadonlyMap<string, HomeToRecord>,
): ShortfallBody[] {
  const records: ShortfallBody[] = [];
  for (const homeId of new Set([...short.keys(), ...silent])) {
    const home = homes.get(homeId);
    if (!home) continue; // positions of a home that no longer has a profile: nobody to tell
    const reasons: ShortfallReason[] = [];
    if (short.has(homeId)) reasons.push('short');
    if (silent.has(homeId)) reasons.push('silent');
    records.push({ date, storeId: home.storeId, homeId, reasons, items: short.get(homeId) ?? [] });
  }
  return records.sort((a, b) => compare(a.storeId, b.storeId) || compare(a.homeId, b.homeId));
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
