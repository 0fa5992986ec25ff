/**
 * A home's request for PPE: each item prefilled from the API's suggested order (already whole
 * packs), any quantity typed rounded up to whole packs (the store ships packs), the store's cap
 * shown where it set one, an optional note and needed-by date.
 */
import { english, type Translator } from '../i18n/translate.ts';
import type { Item, Position } from './api-types.ts';
import { nameIn } from './names.ts';
import { fieldId, lineIndexOf, readWholeNumber, type FieldMessage } from './form-fields.ts';
import { formatQuantity } from './format.ts';

export interface RequestRow {
  sku: string;
  name: string;
  unit: string;
  packSize: number;
  fieldId: string;
  suggested: number;
  /** Whole units a week for this home (beds × the store's cap per bed), or null where no cap is set. */
  cap: number | null;
}

export interface RequestSubmission {
  lines: { sku: string; quantity: number }[];
  neededBy?: string;
  note?: string;
}

/** Up to the next whole pack: 130 in packs of 50 is 150. */
export function roundUpToPacks(quantity: number, packSize: number): number {
  const size = Number.isInteger(packSize) && packSize > 0 ? packSize : 1;
  return Math.ceil(quantity / size) * size;
}

/** floor(beds × cap per bed), as the API computes it; null where the store set no cap for the SKU. The store's approval form uses it. */
export function weeklyCap(beds: number | null, capsPerBedPerWeek: Readonly<Record<string, number>> | null, sku: string): number | null {
  if (beds === null || !capsPerBedPerWeek || !Object.hasOwn(capsPerBedPerWeek, sku)) return null;
  return Math.floor(Math.max(0, beds) * Math.max(0, capsPerBedPerWeek[sku] ?? 0) + 1e-9);
}

/**
 * Items the API suggests ordering first (most first), then every other catalogue item; each with
 * the home's weekly cap in units where its store set one (GET /v1/homes/{homeId}/request-caps).
 */
export function buildRequestRows(positions: readonly Position[], items: ReadonlyMap<string, Item>, weeklyCaps: Readonly<Record<string, number>> | null, m: Translator = english): RequestRow[] {
  const suggested = new Map(positions.map((p) => [p.sku, p.suggestedOrder]));
  return [...items.values()]
    .map((item) => ({
      sku: item.sku,
      name: nameIn(item, m),
      unit: item.unit,
      packSize: item.packSize,
      fieldId: fieldId('request', item.sku),
      suggested: roundUpToPacks(suggested.get(item.sku) ?? 0, item.packSize),
      cap: weeklyCaps && Object.hasOwn(weeklyCaps, item.sku) ? (weeklyCaps[item.sku] ?? null) : null,
    }))
    .sort((a, b) => b.suggested - a.suggested || a.name.localeCompare(b.name, m.locale));
}

/** The form's first values: the suggestion where there is one, blank elsewhere. */
export function prefillRequest(rows: readonly RequestRow[]): Record<string, string> {
  return Object.fromEntries(rows.map((r) => [r.sku, r.suggested > 0 ? String(r.suggested) : '']));
}

/** "3 packs of 50 (150 masks)"; what a typed quantity becomes once rounded up. */
export function describePacks(row: RequestRow, quantity: number, m: Translator = english): string {
  const rounded = roundUpToPacks(quantity, row.packSize);
  return m.t('request.packs', { count: rounded / row.packSize, size: row.packSize, total: formatQuantity(rounded, m) });
}

export type RequestCheck = { ok: true; submission: RequestSubmission } | { ok: false; errors: FieldMessage[] };

export function checkRequest(
  rows: readonly RequestRow[],
  values: Readonly<Record<string, string>>,
  extra: { note: string; neededBy: string; today: string },
  m: Translator = english,
): RequestCheck {
  const errors: FieldMessage[] = [];
  const lines: { sku: string; quantity: number }[] = [];
  for (const row of rows) {
    const read = readWholeNumber(values[row.sku] ?? '', m.t('field.quantityOf', { name: row.name }), m);
    if (read.kind === 'invalid') errors.push({ fieldId: row.fieldId, message: read.message });
    if (read.kind === 'number' && read.value > 0) lines.push({ sku: row.sku, quantity: roundUpToPacks(read.value, row.packSize) });
  }
  if (errors.length === 0 && lines.length === 0) errors.push({ fieldId: rows[0]?.fieldId ?? null, message: m.t('request.enterOne') });
  const neededBy = extra.neededBy.trim();
  if (neededBy !== '' && !/^\d{4}-\d{2}-\d{2}$/.test(neededBy)) errors.push({ fieldId: 'request-needed-by', message: m.t('request.neededByFormat') });
  else if (neededBy !== '' && neededBy < extra.today) errors.push({ fieldId: 'request-needed-by', message: m.t('request.neededByPast') });
  const note = extra.note.trim();
  if (note.length > 500) errors.push({ fieldId: 'request-note', message: m.t('request.noteTooLong') });
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, submission: { lines, ...(neededBy ? { neededBy } : {}), ...(note ? { note } : {}) } };
}

export function requestFieldFor(submission: RequestSubmission): (pointer: string) => string | null {
  return (pointer) => {
    if (pointer === '/neededBy') return 'request-needed-by';
    if (pointer === '/note') return 'request-note';
    const index = lineIndexOf(pointer);
    const sku = index === null ? undefined : submission.lines[index]?.sku;
    return sku ? fieldId('request', sku) : null;
  };
}

/** Lines above the weekly cap, which the store must approve with a reason. */
export function overCap(rows: readonly RequestRow[], submission: RequestSubmission): { sku: string; name: string; quantity: number; cap: number }[] {
  const bySku = new Map(rows.map((r) => [r.sku, r]));
  return submission.lines.flatMap((l) => {
    const row = bySku.get(l.sku);
    return row && row.cap !== null && l.quantity > row.cap ? [{ sku: l.sku, name: row.name, quantity: l.quantity, cap: row.cap }] : [];
  });
}
