/**
 * A store's morning worklist: every home it serves with its overall status and the positions that
 * need attention, worst first. The homes come from one Query on the store's index; each home's
 * positions from one Query, a bounded number in flight (a store serves tens of homes).
 *
 * The order is computed, not stored (statuses move with the clock), so pages are cut by keyset:
 * the cursor carries the last home's sort key, and the next page starts after it.
 */
import * as z from 'zod/mini';
import { catalogue, allStoreHomes, packSizes, type HomeRecord } from '../data/registry-repository.ts';
import { mapWithConcurrency } from '../concurrency/map-with-concurrency.ts';
import { readPositions } from '../data/stock-repository.ts';
import { decodeCursorOf, DEFAULT_PAGE_SIZE, encodeCursorOf, type Page } from '../data/pagination.ts';
import { compareStatusSeverity, worstStatus, type StockStatus } from '../domain/stock-position.ts';
import type { WorklistHome } from '../schemas/stock.ts';
import { viewPositions } from './read-stock.ts';

const HOMES_IN_FLIGHT = 16;

export interface WorklistQuery {
  status?: StockStatus | undefined;
  limit?: number | undefined;
  cursor?: string | undefined;
  /** `all`: each home carries every position, not only its drivers. */
  positions?: 'all' | undefined;
}

export async function storeWorklist(storeId: string, query: WorklistQuery, now: Date): Promise<Page<WorklistHome>> {
  const after = decodeWorklistCursor(query.cursor, storeId);
  const [homes, catalogueItems] = await Promise.all([allStoreHomes(storeId), catalogue()]);
  const sizes = packSizes(catalogueItems);
  const entries = await mapWithConcurrency(homes, HOMES_IN_FLIGHT, async (home) => worklistEntry(home, sizes, now, query.positions === 'all'));
  const ordered = entries
    .filter((entry) => query.status === undefined || entry.status === query.status)
    .sort(compareEntries)
    .filter((entry) => after === undefined || compareEntries(entry, after) > 0);
  const limit = query.limit ?? DEFAULT_PAGE_SIZE;
  const items = ordered.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: ordered.length > limit && last ? encodeWorklistCursor(storeId, last) : null };
}

async function worklistEntry(home: HomeRecord, sizes: ReadonlyMap<string, number>, now: Date, allPositions: boolean): Promise<WorklistHome> {
  const positions = viewPositions(await readPositions({ kind: 'home', id: home.homeId }), sizes, now);
  const { outbreak, ...profile } = home;
  return {
    ...profile,
    outbreak: outbreak ? { outbreakId: outbreak.outbreakId, isolatingResidents: outbreak.isolatingResidents, startedOn: outbreak.startedOn, expectedEndOn: outbreak.expectedEndOn } : null,
    status: worstStatus(positions.map((p) => p.status)),
    drivers: positions.filter((p) => p.status !== 'green'),
    ...(allPositions ? { positions } : {}),
  };
}

type SortKey = Pick<WorklistHome, 'status' | 'homeId'> & { drivers: { daysOfSupply: number | null }[] };

/** Worst status first; then the home closest to running out; then by id, so the order is total. */
function compareEntries(a: SortKey, b: SortKey): number {
  return (
    compareStatusSeverity(a.status, b.status) ||
    fewestDays(a) - fewestDays(b) ||
    (a.homeId < b.homeId ? -1 : a.homeId > b.homeId ? 1 : 0)
  );
}

const fewestDays = (entry: SortKey) => entry.drivers[0]?.daysOfSupply ?? Number.POSITIVE_INFINITY;

const cursorShape = z.strictObject({
  storeId: z.string(),
  status: z.enum(['red', 'amber', 'green', 'unknown']),
  days: z.nullable(z.number()),
  homeId: z.string(),
});

function encodeWorklistCursor(storeId: string, last: WorklistHome): string {
  return encodeCursorOf({ storeId, status: last.status, days: last.drivers[0]?.daysOfSupply ?? null, homeId: last.homeId });
}

function decodeWorklistCursor(cursor: string | undefined, storeId: string): SortKey | undefined {
  const key = decodeCursorOf(cursor, cursorShape, (k) => k.storeId === storeId);
  return key && { status: key.status, homeId: key.homeId, drivers: [{ daysOfSupply: key.days }] };
}
