/**
 * The commissioner's export: every home a store serves × every catalogue item, with on hand,
 * usage, days of supply, run-out date and status, projected to the start of a chosen day (or to
 * now, for today). Reads: the store, the catalogue, the store's homes (one Query each), then each
 * home's positions (one Query per home, a bounded number in flight), the same reads as the worklist.
 */
import { allStoreHomes, catalogue, getStore, packSizes } from '../data/registry-repository.ts';
import { readPositions } from '../data/stock-repository.ts';
import { addDays, dayNumber } from '../domain/calendar-date.ts';
import type { PositionView } from '../domain/stock-position.ts';
import { dateInZone, startOfDateInZone } from '../domain/zoned-dates.ts';
import { formatCsv, type CsvValue } from '../http/csv-writer.ts';
import { mapWithConcurrency } from '../concurrency/map-with-concurrency.ts';
import { badRequest, notFound } from '../http/problem.ts';
import type { Item } from '../schemas/registry.ts';
import { viewPositions } from './read-stock.ts';
import type { Locale } from '../i18n/locale.ts';
import { message, t, type MessageId } from '../i18n/messages.ts';

/** How far ahead an export may project: further, the figures say more about the formula than the homes. */
export const MAX_EXPORT_DAYS_AHEAD = 28;
const HOMES_IN_FLIGHT = 16;

export const EXPORT_COLUMNS = [
  'date',
  'storeId',
  'homeId',
  'homeName',
  'sku',
  'itemName',
  'unit',
  'status',
  'onHand',
  'projectedOnHand',
  'dailyUsage',
  'daysOfSupply',
  'runoutDate',
  'suggestedOrder',
  'lastCounted',
] as const;

export interface StoreExport {
  filename: string;
  csv: string;
  rowCount: number;
}

/** The headers of the export in `locale` (English: the columns' ids). */
export const exportHeader = (locale: Locale): string[] => EXPORT_COLUMNS.map((column) => message(locale, `csv.stock.${column}`));

/**
 * `locale`: Welsh gives Welsh headers and status words (coch, ambr, gwyrdd, anhysbys), the homes' and
 * items' Welsh names where they have one (else the name), and homes in Welsh alphabetical order.
 */
export async function exportStoreStock(storeId: string, requestedDate: string | undefined, now: Date, locale: Locale = 'en'): Promise<StoreExport> {
  const store = await getStore(storeId);
  if (!store) throw notFound(t('notFound.store', { storeId }));
  const zone = store.timeZone;
  const today = dateInZone(now, zone);
  const date = requestedDate ?? today;
  checkDate(date, today);
  const asOf = date === today ? now : startOfDateInZone(date, zone);

  const [homes, itemsBySku] = await Promise.all([allStoreHomes(storeId), catalogue()]);
  const sizes = packSizes(itemsBySku);
  const positions = await mapWithConcurrency(homes, HOMES_IN_FLIGHT, async (home) =>
    viewPositions(await readPositions({ kind: 'home', id: home.homeId }), sizes, asOf),
  );

  const rows: CsvValue[][] = [];
  const nameOf = (named: { name: string; nameCy?: string | undefined }) => (locale === 'cy' ? (named.nameCy ?? named.name) : named.name);
  const collation = locale === 'cy' ? 'cy-GB' : 'en-GB';
  const sortedHomes = homes
    .map((home, i) => ({ home: { homeId: home.homeId, name: nameOf(home) }, views: positions[i]! }))
    .sort((a, b) => a.home.name.localeCompare(b.home.name, collation) || compare(a.home.homeId, b.home.homeId));
  for (const { home, views } of sortedHomes) {
    const bySku = new Map(views.map((v) => [v.sku, v]));
    // Every catalogue item, counted or not (a gap is what a commissioner looks for), and any
    // position whose item has since left the catalogue.
    const skus = [...new Set([...itemsBySku.keys(), ...bySku.keys()])].sort(compare);
    for (const sku of skus) {
      const item = itemsBySku.get(sku);
      rows.push(row(date, storeId, home, item && { ...item, name: nameOf(item) }, sku, bySku.get(sku), zone, locale));
    }
  }
  return { filename: `carestock-${storeId}-${date}.csv`, csv: formatCsv(exportHeader(locale), rows), rowCount: rows.length };
}

function row(date: string, storeId: string, home: { homeId: string; name: string }, item: Item | undefined, sku: string, view: PositionView | undefined, zone: string, locale: Locale): CsvValue[] {
  return [
    date,
    storeId,
    home.homeId,
    home.name,
    sku,
    item?.name ?? null,
    item?.unit ?? null,
    message(locale, `status.${view?.status ?? 'unknown'}` as MessageId),
    view?.onHand ?? null,
    view?.projectedOnHand ?? null,
    view ? round2(view.dailyUsage) : null,
    view?.daysOfSupply ?? null,
    view?.runoutDate ? dateInZone(new Date(view.runoutDate), zone) : null,
    view?.suggestedOrder ?? null,
    view?.countedAt ? dateInZone(new Date(view.countedAt), zone) : null,
  ];
}

function checkDate(date: string, today: string): void {
  const offset = dayNumber(date) - dayNumber(today);
  if (offset < 0 || offset > MAX_EXPORT_DAYS_AHEAD) {
    throw badRequest(t('stock.exportDate', { today, last: addDays(today, MAX_EXPORT_DAYS_AHEAD) }), [
      { in: 'query', path: 'date', message: t('stock.exportDate.field', { today, days: MAX_EXPORT_DAYS_AHEAD }) },
    ]);
  }
}

const round2 = (n: number) => Math.round(n * 100) / 100;
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
