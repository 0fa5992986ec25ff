/**
 * Today's shortfall records (written by the morning job) as two lists: homes short of something,
 * worst first with their items, and homes gone silent (no recent count), by name.
 */
import type { Item, Shortfall } from './api-types.ts';
import { compareStatus, worstOf } from './status.ts';
import { compareDays, toDrivingRow, type DrivingRow, type WorklistContext } from './worklist.ts';

export interface ShortHome {
  homeId: string;
  name: string;
  items: DrivingRow[];
}

export interface TodaysShortfalls {
  short: ShortHome[];
  silent: { homeId: string; name: string }[];
}

export function todaysShortfalls(
  records: readonly Shortfall[],
  homeNames: ReadonlyMap<string, string>,
  context: WorklistContext & { items: ReadonlyMap<string, Item> },
): TodaysShortfalls {
  const locale = context.m?.locale ?? 'en-GB';
  const nameOf = (homeId: string) => homeNames.get(homeId) ?? homeId;
  // Short or out (red/amber) items make a home short; silent and never-counted ones (unknown) put it in the second list.
  const short = records
    .filter((r) => r.items.some(isShortOrOut))
    .map((r) => {
      const items = r.items.filter(isShortOrOut).sort((a, b) => compareStatus(a.status, b.status) || compareDays(a.daysOfSupply, b.daysOfSupply));
      return { record: r, worst: worstOf(items.map((i) => i.status)), fewest: items[0]?.daysOfSupply ?? null, items };
    })
    .sort((a, b) => compareStatus(a.worst, b.worst) || compareDays(a.fewest, b.fewest) || nameOf(a.record.homeId).localeCompare(nameOf(b.record.homeId), locale))
    .map(({ record, items }) => ({ homeId: record.homeId, name: nameOf(record.homeId), items: items.map((i) => toDrivingRow(i, context)) }));
  const silent = records
    .filter((r) => r.reasons.includes('silent') || r.reasons.includes('never-counted'))
    .map((r) => ({ homeId: r.homeId, name: nameOf(r.homeId) }))
    .sort((a, b) => a.name.localeCompare(b.name, locale));
  return { short, silent };
}

const isShortOrOut = (item: Shortfall['items'][number]) => (item.reason ?? 'short') === 'short' || item.reason === 'out';
