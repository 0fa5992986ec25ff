/**
 * Today's count: one field per item the location holds, then every other catalogue item it may
 * add. Beside each field, the last count and what the API expects on the shelf now (the last count
 * less the usage since), so a slip of a digit shows before it is sent. Blank fields are not sent:
 * a count of some items is a count of those items.
 */
import { english, type Translator } from '../i18n/translate.ts';
import type { Item, Position } from './api-types.ts';
import { fieldId, lineIndexOf, readWholeNumber, type FieldMessage } from './form-fields.ts';
import { formatDate, formatQuantity, isoDateInZone } from './format.ts';
import { itemName } from './names.ts';

export interface CountRow {
  sku: string;
  name: string;
  unit: string;
  fieldId: string;
  /** "120 on Tue 1 Dec", or "never counted". */
  lastCount: string;
  /** "about 60", or "—" when never counted. */
  expected: string;
  held: boolean;
}

export interface CountPost {
  countedAt: string;
  lines: { sku: string; onHand: number }[];
}

export function buildCountRows(positions: readonly Position[], items: ReadonlyMap<string, Item>, context: { timeZone: string; today: string; m?: Translator }): CountRow[] {
  const m = context.m ?? english;
  const held = new Map(positions.map((p) => [p.sku, p]));
  const row = (sku: string, position: Position | undefined): CountRow => ({
    sku,
    name: itemName(items, sku, m),
    unit: items.get(sku)?.unit ?? 'unit',
    fieldId: fieldId('count', sku),
    lastCount: position?.countedAt
      ? m.t('count.lastOn', { quantity: formatQuantity(position.onHand, m), date: formatDate(isoDateInZone(position.countedAt, context.timeZone), context.today, m) })
      : m.t('count.never'),
    expected: position?.countedAt ? m.t('format.about', { quantity: formatQuantity(Math.max(0, Math.round(position.projectedOnHand)), m) }) : '—',
    held: position !== undefined,
  });
  const byName = (a: CountRow, b: CountRow) => a.name.localeCompare(b.name, m.locale);
  const mine = [...held.values()].map((p) => row(p.sku, p)).sort(byName);
  const others = [...items.keys()].filter((sku) => !held.has(sku)).map((sku) => row(sku, undefined)).sort(byName);
  return [...mine, ...others];
}

export type CountCheck = { ok: true; post: CountPost } | { ok: false; errors: FieldMessage[] };

/** Whole numbers ≥ 0 only, at least one filled in; checked before anything is sent. */
export function checkCount(rows: readonly CountRow[], values: Readonly<Record<string, string>>, countedAt: Date, m: Translator = english): CountCheck {
  const errors: FieldMessage[] = [];
  const lines: { sku: string; onHand: number }[] = [];
  for (const row of rows) {
    const read = readWholeNumber(values[row.sku] ?? '', m.t('field.countOf', { name: row.name }), m);
    if (read.kind === 'invalid') errors.push({ fieldId: row.fieldId, message: read.message });
    if (read.kind === 'number') lines.push({ sku: row.sku, onHand: read.value });
  }
  if (errors.length === 0 && lines.length === 0) errors.push({ fieldId: rows[0]?.fieldId ?? null, message: m.t('count.enterOne') });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, post: { countedAt: countedAt.toISOString(), lines } };
}

/** Which field an API error pointer names, given the lines that were sent. */
export function countFieldFor(post: CountPost): (pointer: string) => string | null {
  return (pointer) => {
    const index = lineIndexOf(pointer);
    const sku = index === null ? undefined : post.lines[index]?.sku;
    return sku ? fieldId('count', sku) : null;
  };
}

/**
 * A spreadsheet's count as form values: a header row naming `sku` and `onHand` (other columns,
 * such as `countedAt`, ignored), one row per item. The form is filled, not sent: the person checks
 * the figures beside the expected ones, then submits.
 */
export function countFromCsv(text: string, rows: readonly CountRow[], m: Translator = english): { values: Record<string, string>; errors: FieldMessage[] } {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/).filter((l) => l.trim() !== '');
  const header = (lines[0] ?? '').split(',').map((h) => h.trim().replace(/^"|"$/g, ''));
  const skuColumn = header.indexOf('sku');
  const countColumn = header.indexOf('onHand');
  if (skuColumn < 0 || countColumn < 0) {
    return { values: {}, errors: [{ fieldId: 'count-csv', message: m.t('count.csvHeader') }] };
  }
  const known = new Map(rows.map((r) => [r.sku, r]));
  const values: Record<string, string> = {};
  const errors: FieldMessage[] = [];
  lines.slice(1).forEach((line, i) => {
    const cells = line.split(',').map((c) => c.trim().replace(/^"|"$/g, ''));
    const sku = cells[skuColumn] ?? '';
    if (!known.has(sku)) errors.push({ fieldId: 'count-csv', message: sku ? m.t('count.csvUnknown', { row: i + 2, sku }) : m.t('count.csvBlank', { row: i + 2 }) });
    else values[sku] = cells[countColumn] ?? '';
  });
  return { values, errors };
}

/** After the API answered: each counted item's new days of supply and status, in words. */
export function countOutcome(positions: readonly Position[], counted: readonly string[], items: ReadonlyMap<string, Item>, m: Translator = english): { sku: string; name: string; position: Position }[] {
  const wanted = new Set(counted);
  return positions.filter((p) => wanted.has(p.sku)).map((p) => ({ sku: p.sku, name: itemName(items, p.sku, m), position: p }));
}
