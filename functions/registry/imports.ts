/**
 * Bulk onboarding, all or nothing: check every row first, then write. The checks read in batches
 * (BatchGetItem, 100 keys a call, strongly consistent): the rows' existing items, to tell new from
 * changed from unchanged, and what the rows name (stores, regions). Any fault: 400 naming every bad
 * row and field, nothing written. Then the writes, in batches of 25 (BatchWriteItem, in parallel):
 * so 1,000 new homes are 10 + 1 reads and 40 writes in three steps, whatever else is in the table.
 *
 * Batched, not transactional: a transaction takes at most 100 items, so 1,000 rows would be ten
 * transactions anyway, atomic one by one and not together, at twice the write cost. Atomicity
 * that matters here is "a bad file writes nothing", which the checks give; a crash between batches
 * leaves some rows written, and sending the same file again finishes the job, since every write is
 * a whole-item Put of what the row says and rows already stored as given are skipped.
 * An existing home that changed goes through saveHome, as PUT /v1/homes/{id} does (its store checked
 * in the same transaction, its last count kept; another store is a move with its open work), one
 * call each: re-imports change few homes.
 */
import { mapWithConcurrency } from '../concurrency/map-with-concurrency.ts';
import type { Actor } from '../access/principal.ts';
import { homesById, putNewHomesBatch, putStoresBatch, regionIdsThatExist, storesById, type HomeRecord } from '../data/registry-repository.ts';
import { CARESTOCK_TIME_ZONE } from '../domain/zoned-dates.ts';
import { badRequest, type FieldError } from '../http/problem.ts';
import type { HomeImportRow, ImportResult, StoreImportRow } from '../schemas/imports.ts';
import type { HomeInput, Store, StoreInput } from '../schemas/registry.ts';
import { saveHome } from './homes.ts';
import { t } from '../i18n/messages.ts';

const CHANGED_HOMES_IN_FLIGHT = 16;

/** Every id that appears twice: the second (and later) rows. */
function duplicates(ids: readonly string[], field: string): FieldError[] {
  const first = new Map<string, number>();
  return ids.flatMap((id, index) => {
    if (!first.has(id)) {
      first.set(id, index);
      return [];
    }
    return [{ in: 'body' as const, path: `/rows/${index}/${field}`, message: t('import.repeatedId', { id, first: first.get(id)! }) }];
  });
}

function refuse(errors: FieldError[], what: 'homes' | 'stores'): never {
  throw badRequest(t('import.faults', { what: t(`import.what.${what}`), count: errors.length }), errors);
}

function result(dryRun: boolean, rows: number, created: string[], updated: string[]): ImportResult {
  const unchanged = rows - created.length - updated.length;
  const changed = created.length + updated.length > 0;
  const counts = { created: created.length, updated: updated.length, unchanged };
  const message = changed ? t(dryRun ? 'import.wouldChange' : 'import.changed', counts) : t(dryRun ? 'import.wouldNotChange' : 'import.unchanged', { rows });
  return { dryRun, rows, created, updated, unchanged, changed, message };
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((v, i) => v === b[i]);

function homeUnchanged(stored: HomeRecord, row: HomeImportRow): boolean {
  return (
    stored.name === row.name &&
    (stored.nameCy ?? undefined) === (row.nameCy ?? undefined) &&
    stored.storeId === row.storeId &&
    stored.beds === row.beds &&
    sameList(stored.deliveryDays, row.deliveryDays) &&
    (stored.localAuthority ?? undefined) === (row.localAuthority ?? undefined)
  );
}

export async function importHomes(rows: readonly HomeImportRow[], dryRun: boolean, actor: Actor, now: Date): Promise<ImportResult> {
  const errors = duplicates(rows.map((r) => r.homeId), 'homeId');
  const [stores, existing] = await Promise.all([storesById([...new Set(rows.map((r) => r.storeId))]), homesById([...new Set(rows.map((r) => r.homeId))])]);
  rows.forEach((row, index) => {
    if (!stores.has(row.storeId)) errors.push({ in: 'body', path: `/rows/${index}/storeId`, message: t('import.storeMissing', { storeId: row.storeId }) });
  });
  if (errors.length) refuse(errors.sort(byRow), 'homes');

  const input = ({ homeId: _id, ...home }: HomeImportRow): HomeInput => home;
  const created = rows.filter((r) => !existing.has(r.homeId));
  const updated = rows.filter((r) => existing.has(r.homeId) && !homeUnchanged(existing.get(r.homeId)!, r));
  if (!dryRun) {
    const at = now.toISOString();
    // Changed homes first (each its own transaction, which may still be refused), then the new ones.
    await mapWithConcurrency(updated, CHANGED_HOMES_IN_FLIGHT, async (r) => {
      // As PUT /v1/homes/{id}: another store is a move, which takes the home's open work with it.
      await saveHome(r.homeId, input(r), actor, now);
    });
    await putNewHomesBatch(created.map((r) => ({ homeId: r.homeId, input: input(r) })), at);
  }
  return result(dryRun, rows.length, created.map((r) => r.homeId), updated.map((r) => r.homeId));
}

function storeInputOf(row: StoreImportRow, stored: Store | undefined): StoreInput {
  const { storeId: _id, ...fields } = row;
  return { ...fields, timeZone: row.timeZone ?? CARESTOCK_TIME_ZONE, closedDates: stored?.closedDates ?? [] };
}

function storeUnchanged(stored: Store, row: StoreImportRow): boolean {
  return (
    stored.name === row.name &&
    (stored.nameCy ?? undefined) === (row.nameCy ?? undefined) &&
    stored.language === (row.language ?? 'en') &&
    stored.capacityPerDay === row.capacityPerDay &&
    stored.timeZone === (row.timeZone ?? CARESTOCK_TIME_ZONE) &&
    (stored.regionId ?? undefined) === (row.regionId ?? undefined)
  );
}

export async function importStores(rows: readonly StoreImportRow[], dryRun: boolean, now: Date): Promise<ImportResult> {
  const errors = duplicates(rows.map((r) => r.storeId), 'storeId');
  const named = [...new Set(rows.flatMap((r) => (r.regionId ? [r.regionId] : [])))];
  const [regions, existing] = await Promise.all([regionIdsThatExist(named), storesById([...new Set(rows.map((r) => r.storeId))])]);
  rows.forEach((row, index) => {
    if (row.regionId && !regions.has(row.regionId)) errors.push({ in: 'body', path: `/rows/${index}/regionId`, message: t('registry.regionMissing.field', { regionId: row.regionId }) });
  });
  if (errors.length) refuse(errors.sort(byRow), 'stores');

  const created = rows.filter((r) => !existing.has(r.storeId));
  const updated = rows.filter((r) => existing.has(r.storeId) && !storeUnchanged(existing.get(r.storeId)!, r));
  if (!dryRun) await putStoresBatch([...created, ...updated].map((r) => ({ storeId: r.storeId, input: storeInputOf(r, existing.get(r.storeId)) })), now.toISOString());
  return result(dryRun, rows.length, created.map((r) => r.storeId), updated.map((r) => r.storeId));
}

const rowOf = (e: FieldError) => Number(/^\/rows\/(\d+)/.exec(e.path)?.[1] ?? -1);
const byRow = (a: FieldError, b: FieldError) => rowOf(a) - rowOf(b);
