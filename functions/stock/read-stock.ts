/**
 * A location's stock as a store manager reads it: every position projected to now, worst first,
 * and the location's status (its worst item's). One Query for the stock (profile and positions
 * together) and, in parallel, one for the catalogue's pack sizes (reorder suggestions are whole packs).
 */
import type { LocationRef } from '../data/keys.ts';
import { catalogue, getHomeRecord, getStore, packSizes } from '../data/registry-repository.ts';
import { listStockHistory, readLocationStock, type PositionRecord, type StockEvent } from '../data/stock-repository.ts';
import type { Page } from '../data/pagination.ts';
import { compareStatusSeverity, viewPosition, worstStatus, type PositionView } from '../domain/stock-position.ts';
import { notFound } from '../http/problem.ts';
import type { LocationStock } from '../schemas/stock.ts';
import { noSuchLocation } from './locations.ts';
import { stockRules } from './stock-config.ts';

export async function readStock(location: LocationRef, now: Date): Promise<LocationStock> {
  const [stock, items] = await Promise.all([readLocationStock(location), catalogue()]);
  if (!stock.profile) throw notFound(noSuchLocation(location));
  const positions = viewPositions(stock.positions, packSizes(items), now);
  return { status: worstStatus(positions.map((p) => p.status)), asOf: now.toISOString(), positions };
}

/** Views worst first; within a status, fewest days of supply first (unbounded last), then SKU. */
export function viewPositions(records: readonly PositionRecord[], packSizes: ReadonlyMap<string, number>, now: Date): PositionView[] {
  return records
    .map((r) => viewPosition(r.state, now, packSizes.get(r.state.sku) ?? 1, stockRules))
    .sort(compareViews);
}

export function compareViews(a: PositionView, b: PositionView): number {
  return (
    compareStatusSeverity(a.status, b.status) ||
    (a.daysOfSupply ?? Number.POSITIVE_INFINITY) - (b.daysOfSupply ?? Number.POSITIVE_INFINITY) ||
    (a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : 0)
  );
}

/** The API's view of an event: the version it produced stays internal. */
export type HistoryView = Omit<StockEvent, 'positionVersion'>;

/** A position's history, newest first; the location's profile is read alongside, so a missing location is a 404. */
export async function readHistory(
  location: LocationRef,
  sku: string,
  page: { limit?: number | undefined; cursor?: string | undefined },
): Promise<Page<HistoryView>> {
  const [history, exists] = await Promise.all([
    listStockHistory(location, sku, page),
    (location.kind === 'home' ? getHomeRecord(location.id) : getStore(location.id)).then((found) => found !== undefined),
  ]);
  if (!exists) throw notFound(noSuchLocation(location));
  return { items: history.items.map(({ positionVersion: _internal, ...event }) => event), nextCursor: history.nextCursor };
}
