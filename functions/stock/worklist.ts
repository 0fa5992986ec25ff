/**
 * A store's morning worklist: every home it serves with its overall status and the positions that
 * need attention, worst first. The homes come from one Query on the store's index; each home's
 * positions from one Query, a bounded number in flight (a store serves tens of homes).
 *
 * The order is computed, not stored (statuses move with the clock), so pages are cut by keyset:
 * the cursor carries the last home's sort key, and the next page starts after it.
 */
import * as z from 'zod/mini';
import { catalogPackSizes, allStoreHomes, type HomeRecord } from '../data/registry-repository.ts';
import { readPositions } from '../data/stock-repository.ts';
import { DEFAULT_PAGE_SIZE, type Page } from '../data/pagination.ts';
import { compareStatusSeverity, worstStatus, type StockStatus } from '../domain/stock-position.ts';
import { badRequest } from '../http/problem.ts';
import type { WorklistHome } from '../schemas/stock.ts';
import { viewPositions } from './read-stock.ts';

const HOMES_IN_FLIGHT = 16;

export interface WorklistQuery {
  status?: StockStatus | undefined;
  limit?: number | undefined;
  cursor?: string | undefined;
}

export async function storeWorklist(storeId: string, query: WorklistQuery, now: Date): Promise<Page<WorklistHome>> {
  const after = decodeWorklistCursor(query.cursor, storeId);
  const [homes, packSizes] = await Promise.all([allStoreHomes(storeId), catalogPackSizes()]);
  const entries = await mapInFlight(homes, HOMES_IN_FLIGHT, async (home) => worklistEntry(home, packSizes, now));
  const ordered = entries
    .filter((entry) => query.status === undefined || entry.status === query.status)
    .sort(compareEntries)
    .filter((entry) => after === undefined || compareEntries(entry, after) > 0);
  const limit = query.limit ?? DEFAULT_PAGE_SIZE;
  const items = ordered.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: ordered.length > limit && last ? encodeWorklistCursor(storeId, last) : null };
}

async function worklistEntry(home: HomeRecord, packSizes: ReadonlyMap<string, number>, now: Date): Promise<WorklistHome> {
  const positions = viewPositions(await readPositions({ kind: 'home', id: home.homeId }), packSizes, now);
  return {
    ...home,
    status: worstStatus(positions.map((p) => p.status)),
    drivers: positions.filter((p) => p.status !== 'green'),
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
  const key = { storeId, status: last.status, days: last.drivers[0]?.daysOfSupply ?? null, homeId: last.homeId };
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

function decodeWorklistCursor(cursor: string | undefined, storeId: string): SortKey | undefined {
  if (cursor === undefined) return undefined;
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    decoded = undefined;
  }
  const parsed = cursorShape.safeParse(decoded);
  if (!parsed.success || parsed.data.storeId !== storeId) {
    throw badRequest('The cursor is not valid for this list.', [
      { in: 'query', path: 'cursor', message: 'Use the nextCursor of a previous page of this same list.' },
    ]);
  }
  const { status, days, homeId } = parsed.data;
  return { status, homeId, drivers: [{ daysOfSupply: days }] };
}

async function mapInFlight<T, R>(values: readonly T[], limit: number, map: (value: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(values.length);
  let next = 0;
  const worker = async () => {
    while (next < values.length) {
      const index = next++;
      results[index] = await map(values[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, values.length) }, worker));
  return results;
}
