/**
 * The store's worklist: its homes worst first, each with the items that give it its status.
 * The API's worklist (GET /v1/stores/{storeId}/homes) names a home's status and its drivers (every
 * position not green); where an entry lacks them, they are derived here from its `positions` (every
 * position, with `?positions=all`) by the same rule.
 */
import { english, type Translator } from '../i18n/translate.ts';
import type { DrivingItem, Item, Position, StockStatus, StoreHome } from './api-types.ts';
import { daysBetween, formatDayRelative, formatDays, formatRunout, isoDateInZone } from './format.ts';
import { itemName, langOf, nameIn } from './names.ts';
import { compareStatus, presentStatus, worstOf, type StatusPresentation, type Thresholds } from './status.ts';
import { describeOutbreak } from './outbreak.ts';

export interface DrivingRow {
  sku: string;
  itemName: string;
  /** 'en' when `itemName` is the English one on a Welsh page. */
  itemLang: 'en' | undefined;
  status: StatusPresentation;
  daysOfSupply: number | null;
  daysText: string;
  runoutIso: string | null;
  runoutText: string;
}

export interface HomeRow {
  homeId: string;
  name: string;
  /** 'en' when `name` is the English one on a Welsh page. */
  nameLang: 'en' | undefined;
  status: StatusPresentation;
  driving: DrivingRow[];
  /** Driving items beyond those shown. */
  moreDriving: number;
  /** Fewest days of supply among its driving items; null when none has a figure. */
  fewestDays: number | null;
  /** "today 08:10", "yesterday 17:30", "Fri 20 Nov", "never", or null when the API does not say. */
  lastCount: string | null;
  /** "Outbreak: 4 residents isolating since …" while the home has an open outbreak, else null. */
  outbreak: string | null;
}

/** When a home last counted, as a manager asks "did they count this morning?". */
export function describeLastCount(lastCountedAt: string | null | undefined, timeZone: string, today: string, m: Translator = english): string | null {
  if (lastCountedAt === undefined) return null;
  if (lastCountedAt === null) return m.t('worklist.never');
  const date = isoDateInZone(lastCountedAt, timeZone);
  const day = formatDayRelative(date, today, m);
  const offset = daysBetween(today, date);
  if (offset !== 0 && offset !== -1) return day;
  const time = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(lastCountedAt));
  return `${day} ${time}`;
}

export interface WorklistContext {
  items: ReadonlyMap<string, Item>;
  timeZone: string;
  /** YYYY-MM-DD in the store's zone. */
  today: string;
  thresholds?: Thresholds;
  /** The page's language (English when not given). */
  m?: Translator;
  /** How many driving items a row shows before "and N more". */
  maxDriving?: number;
}

/** Fewest days first; "no figure" (never counted, or no usage) after every figure. */
export function compareDays(a: number | null, b: number | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a - b;
}

/** The positions that need attention (every one not green), worst first, then fewest days. */
export function drivingPositions(positions: readonly Position[]): Position[] {
  return positions
    .filter((p) => p.status !== 'green')
    .sort((a, b) => compareStatus(a.status, b.status) || compareDays(a.daysOfSupply, b.daysOfSupply) || a.sku.localeCompare(b.sku));
}

export function toDrivingRow(item: DrivingItem, context: WorklistContext): DrivingRow {
  const m = context.m ?? english;
  const runout = formatRunout(item.runoutDate, context.timeZone, context.today, m);
  return {
    sku: item.sku,
    itemName: itemName(context.items, item.sku, m),
    itemLang: langOf(context.items.get(item.sku), m),
    status: presentStatus(item.status, context.thresholds, m),
    daysOfSupply: item.daysOfSupply,
    daysText: item.status === 'unknown' && item.daysOfSupply === null ? m.t('worklist.notCountedRecently') : formatDays(item.daysOfSupply, m),
    runoutIso: runout.iso,
    runoutText: runout.text,
  };
}

/**
 * One row per home, worst first: status (red, amber, unknown, green), then fewest days of supply,
 * then name. A home's `positions` stand in where its entry lacks a status or drivers.
 */
export function buildWorklist(homes: readonly StoreHome[], context: WorklistContext): HomeRow[] {
  const maxDriving = context.maxDriving ?? 3;
  const m = context.m ?? english;
  const rows = homes.map((home): HomeRow => {
    const positions = home.positions ?? [];
    const status: StockStatus = home.status ?? worstOf(positions.map((p) => p.status));
    const driving: DrivingItem[] = home.drivers ?? drivingPositions(positions);
    const sorted = [...driving].sort((a, b) => compareStatus(a.status, b.status) || compareDays(a.daysOfSupply, b.daysOfSupply));
    const fewest = sorted.reduce<number | null>((min, d) => (d.daysOfSupply !== null && (min === null || d.daysOfSupply < min) ? d.daysOfSupply : min), null);
    return {
      homeId: home.homeId,
      name: nameIn(home, m),
      nameLang: m.lang === 'cy' && !home.nameCy ? 'en' : undefined,
      status: presentStatus(status, context.thresholds, m),
      driving: sorted.slice(0, maxDriving).map((d) => toDrivingRow(d, context)),
      moreDriving: Math.max(0, sorted.length - maxDriving),
      fewestDays: fewest,
      lastCount: describeLastCount(home.lastCountedAt, context.timeZone, context.today, m),
      outbreak: describeOutbreak(home.outbreak, context.today, m),
    };
  });
  return rows.sort(
    (a, b) => compareStatus(a.status.status, b.status.status) || compareDays(a.fewestDays, b.fewestDays) || a.name.localeCompare(b.name, m.locale),
  );
}
