/**
 * What a store is told each morning, pure: its flagged homes worst first, and the homes that were
 * short yesterday and are not today (resolved). Also the one event each newly flagged home gets.
 */
import { compareStatusSeverity, type StockStatus } from './stock-position.ts';
import type { ShortfallBody, ShortfallItemBody, ShortfallReason } from '../schemas/shortfalls.ts';

export interface ShortfallEvent {
  /** `<date>/<storeId>/<homeId>`: the same on a re-send, so consumers can drop duplicates. */
  id: string;
  date: string;
  asOf: string;
  storeId: string;
  homeId: string;
  homeName: string;
  reasons: ShortfallReason[];
  items: ShortfallItemBody[];
}

export interface DigestHome {
  homeId: string;
  name: string;
  reasons: ShortfallReason[];
  /** The worst item's status; `unknown` for a home that is only silent. */
  status: StockStatus;
  fewestDaysOfSupply: number | null;
  items: ShortfallItemBody[];
  /** Flagged since the store's last digest of this date (on a first run: every home). */
  isNew: boolean;
}

export interface StoreDigest {
  storeId: string;
  date: string;
  asOf: string;
  homes: DigestHome[];
  resolved: { homeId: string; name: string }[];
}

export const shortfallId = (record: Pick<ShortfallBody, 'date' | 'storeId' | 'homeId'>) => `${record.date}/${record.storeId}/${record.homeId}`;

export function shortfallEvent(record: ShortfallBody, asOf: string, homeName: string): ShortfallEvent {
  return { id: shortfallId(record), date: record.date, asOf, storeId: record.storeId, homeId: record.homeId, homeName, reasons: record.reasons, items: record.items };
}

/**
 * `today` and `yesterday` are the store's records of the two dates; `names` maps home ids to
 * names (an unknown id stands for itself); `newHomes` are the homes this digest is the first to report.
 */
export function storeDigest(input: {
  storeId: string;
  date: string;
  asOf: string;
  today: readonly ShortfallBody[];
  yesterday: readonly ShortfallBody[];
  names: ReadonlyMap<string, string>;
  newHomes: ReadonlySet<string>;
}): StoreDigest {
  const nameOf = (homeId: string) => input.names.get(homeId) ?? homeId;
  const homes = input.today
    .map((record): DigestHome => ({
      homeId: record.homeId,
      name: nameOf(record.homeId),
      reasons: record.reasons,
      status: record.items[0]?.status ?? 'unknown',
      fewestDaysOfSupply: record.items.reduce<number | null>((least, i) => (i.daysOfSupply !== null && (least === null || i.daysOfSupply < least) ? i.daysOfSupply : least), null),
      items: record.items,
      isNew: input.newHomes.has(record.homeId),
    }))
    .sort(
      (a, b) =>
        compareStatusSeverity(a.status, b.status) ||
        (a.fewestDaysOfSupply ?? Infinity) - (b.fewestDaysOfSupply ?? Infinity) ||
        a.name.localeCompare(b.name, 'en-GB') ||
        (a.homeId < b.homeId ? -1 : 1),
    );
  const shortToday = new Set(input.today.filter((r) => r.reasons.includes('short')).map((r) => r.homeId));
  const resolved = input.yesterday
    .filter((r) => r.reasons.includes('short') && !shortToday.has(r.homeId))
    .map((r) => ({ homeId: r.homeId, name: nameOf(r.homeId) }))
    .sort((a, b) => a.name.localeCompare(b.name, 'en-GB') || (a.homeId < b.homeId ? -1 : 1));
  return { storeId: input.storeId, date: input.date, asOf: input.asOf, homes, resolved };
}

/** SNS subjects: ASCII, one line, under 100 characters. */
export function digestSubject(digest: StoreDigest): string {
  const short = digest.homes.filter((h) => h.reasons.includes('short')).length;
  const silent = digest.homes.filter((h) => h.reasons.includes('silent')).length;
  return `Carestock ${digest.date} ${digest.storeId}: ${short} short, ${silent} silent, ${digest.resolved.length} resolved`.slice(0, 99);
}

/** The digest as an e-mail subscriber reads it. */
export function digestText(digest: StoreDigest): string {
  const lines = [`Shortfalls for store ${digest.storeId} on ${digest.date} (projected to ${digest.asOf}).`, ''];
  if (digest.homes.length === 0) lines.push('No home is short or silent today.');
  else lines.push(`${digest.homes.length} home${digest.homes.length === 1 ? '' : 's'} need${digest.homes.length === 1 ? 's' : ''} attention, worst first:`);
  for (const home of digest.homes) {
    lines.push(`- ${home.name} (${home.homeId})${home.isNew ? ' [new]' : ''}: ${home.reasons.join(', ')}`);
    for (const item of home.items) {
      const days = item.daysOfSupply === null ? 'no usage' : `${item.daysOfSupply} days`;
      lines.push(`    ${item.sku}: ${item.status}, ${days}, runs out ${item.runoutDate ?? 'never'}, suggested order ${item.suggestedOrder}`);
    }
    if (home.reasons.includes('silent')) lines.push('    no recent stock count: please call the home');
  }
  if (digest.resolved.length > 0) {
    lines.push('', 'Short yesterday, not today (resolved):');
    for (const home of digest.resolved) lines.push(`- ${home.name} (${home.homeId})`);
  }
  return lines.join('\n');
}
