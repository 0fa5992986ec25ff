/**
 * The shortfall rules, pure: which positions flag a home at `asOf` (the one at-risk rule,
 * `assessPosition` in stock-position.ts), which homes are silent, the bounds the job queries the
 * indexes with, and the record each flagged home gets. No AWS, no clock: the use case reads, this decides.
 *
 * The at-risk index (at-risk.ts) returns every position the rule can flag at asOf, and a home is
 * silent precisely when its last count sorts before `asOf − staleAfterDays`. The index narrows; the
 * rule decides, so nothing the index returns is taken on trust.
 */
import type { PositionRecord } from '../data/stock-items.ts';
import { MS_PER_DAY, canonicalInstant, instantMs } from './instants.ts';
import { assessPosition, compareStatusSeverity, daysOfSupply, viewPosition } from './stock-position.ts';
import { orderReasons, type HomeReason } from './at-risk.ts';
import type { StockRules } from './stock-rules.ts';
import { CARESTOCK_TIME_ZONE, dateInZone } from './zoned-dates.ts';
import type { ShortfallBody, ShortfallItemBody, ShortfallReason } from '../schemas/shortfalls.ts';

/** Dates of shortfall records are dates in the job's own zone. */
export const shortfallDate = (asOf: Date): string => dateInZone(asOf, CARESTOCK_TIME_ZONE);

/** Upper bound (exclusive) of run-out dates that can be short at asOf. */
export const runoutHorizon = (asOf: Date, rules: StockRules): string => canonicalInstant(asOf.getTime() + rules.shortfallDays * MS_PER_DAY);

/** Last counts strictly before this are stale at asOf (a count exactly at the limit still counts). */
export const staleBefore = (asOf: Date, rules: StockRules): string => canonicalInstant(asOf.getTime() - rules.staleAfterDays * MS_PER_DAY);

/** Strictly less than shortfallDays of forecast supply at asOf; usage 0 (or never counted) is never short by days. */
export function isShort(position: PositionRecord, asOf: Date, rules: StockRules): boolean {
  const days = daysOfSupply(position.state, asOf);
  return days !== null && days < rules.shortfallDays;
}

/** Never counted, or the newest count older than the staleness limit at asOf. */
export function isSilent(lastCountedAt: string | null, asOf: Date, rules: StockRules): boolean {
  return lastCountedAt === null || asOf.getTime() - instantMs(lastCountedAt) > rules.staleAfterDays * MS_PER_DAY;
}

/**
 * Per home, its flagged items worst first (status, then fewest days, then SKU), each with its reason,
 * from the positions the at-risk index returned: every position the rule does not call green at
 * asOf. Store positions, and positions green at asOf, are dropped.
 */
export function flaggedItemsByHome(
  positions: readonly PositionRecord[],
  asOf: Date,
  rules: StockRules,
  packSizes: ReadonlyMap<string, number>,
): Map<string, ShortfallItemBody[]> {
  const byHome = new Map<string, ShortfallItemBody[]>();
  for (const position of positions) {
    if (position.location.kind !== 'home') continue;
    const { reason } = assessPosition(position.state, asOf, rules);
    if (reason === null) continue;
    const { sku, daysOfSupply, runoutDate, status, suggestedOrder, usageBasis } = viewPosition(position.state, asOf, packSizes.get(position.state.sku) ?? 1, rules);
    const list = byHome.get(position.location.id) ?? [];
    list.push({ sku, reason, daysOfSupply, runoutDate, status, suggestedOrder, usageBasis });
    byHome.set(position.location.id, list);
  }
  for (const list of byHome.values()) list.sort(compareItems);
  return byHome;
}

/** Only the short items (under shortfallDays, or at the reorder level): kept for the callers that ask that alone. */
export function shortItemsByHome(
  positions: readonly PositionRecord[],
  asOf: Date,
  rules: StockRules,
  packSizes: ReadonlyMap<string, number>,
): Map<string, ShortfallItemBody[]> {
  return flaggedItemsByHome(positions.filter((p) => isShort(p, asOf, rules)), asOf, rules, packSizes);
}

/** Homes with an open outbreak, from the positions read (every position of such a home carries it). */
export function homesInOutbreak(positions: readonly PositionRecord[]): Set<string> {
  return new Set(positions.filter((p) => p.location.kind === 'home' && p.state.outbreak).map((p) => p.location.id));
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
  /** The Welsh name, when the home has one: a Welsh store's alerts use it. */
  nameCy?: string;
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
    byHome.set(
      location.id,
      agrees ? { homeId: location.id, storeId: attribution.storeId, name: attribution.homeName, ...(attribution.homeNameCy !== undefined ? { nameCy: attribution.homeNameCy } : {}) } : null,
    );
  }
  return new Map([...byHome].filter((entry): entry is [string, NamedHome] => entry[1] !== null));
}

/**
 * One record per flagged home: its items' reasons and `silent` when the home itself has gone quiet,
 * in a fixed order (short, silent, out, never-counted), and `outbreak` when the home has an open
 * outbreak. Sorted by store then home, the order the table keeps them in. A deterministic function
 * of its inputs, so a retry with the same asOf writes the same records.
 */
export function shortfallRecords(
  date: string,
  flagged: ReadonlyMap<string, ShortfallItemBody[]>,
  silent: ReadonlySet<string>,
  homes: ReadonlyMap<string, HomeToRecord>,
  inOutbreak: ReadonlySet<string> = new Set(),
): ShortfallBody[] {
  const records: ShortfallBody[] = [];
  for (const homeId of new Set([...flagged.keys(), ...silent])) {
    const home = homes.get(homeId);
    if (!home) continue; // positions of a home that no longer has a profile: nobody to tell
    const items = flagged.get(homeId) ?? [];
    const reasons: HomeReason[] = items.map((i) => i.reason);
    if (silent.has(homeId)) reasons.push('silent');
    if (inOutbreak.has(homeId)) reasons.push('outbreak');
    records.push({ date, storeId: home.storeId, homeId, reasons: orderReasons(reasons), items });
  }
  return records.sort((a, b) => compare(a.storeId, b.storeId) || compare(a.homeId, b.homeId));
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
