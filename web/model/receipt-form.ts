/**
 * Confirming a delivery: each dispatched line prefilled with what left the store, the received
 * quantities editable, and every difference listed before the home confirms (a receipt cannot be
 * taken back). "Received by" starts as the signed-in person.
 */
import { english, type Translator } from '../i18n/translate.ts';
import type { Item, Line } from './api-types.ts';
import { itemName } from './names.ts';
import { fieldId, lineIndexOf, readWholeNumber, type FieldMessage } from './form-fields.ts';

export interface ReceiptRow {
  sku: string;
  name: string;
  fieldId: string;
  dispatched: number;
}

export interface Discrepancy {
  sku: string;
  name: string;
  dispatched: number;
  received: number;
}

export interface Receipt {
  receivedBy: string;
  lines: { sku: string; quantity: number }[];
}

export function buildReceiptRows(lines: readonly Line[], items: ReadonlyMap<string, Item>, deliveryId: string, m: Translator = english): ReceiptRow[] {
  return lines.map((l) => ({ sku: l.sku, name: itemName(items, l.sku, m), fieldId: fieldId(`receipt-${deliveryId.slice(0, 8)}`, l.sku), dispatched: l.quantity }));
}

/** Everything arrived, until someone says otherwise. */
export function prefillReceipt(rows: readonly ReceiptRow[]): Record<string, string> {
  return Object.fromEntries(rows.map((r) => [r.sku, String(r.dispatched)]));
}

/** Lines whose received quantity (as typed, when it reads as a whole number) differs from what was dispatched. */
export function findDiscrepancies(rows: readonly ReceiptRow[], values: Readonly<Record<string, string>>): Discrepancy[] {
  return rows.flatMap((r) => {
    const read = readWholeNumber(values[r.sku] ?? '', r.name);
    return read.kind === 'number' && read.value !== r.dispatched ? [{ sku: r.sku, name: r.name, dispatched: r.dispatched, received: read.value }] : [];
  });
}

export type ReceiptCheck = { ok: true; receipt: Receipt } | { ok: false; errors: FieldMessage[] };

export function checkReceipt(rows: readonly ReceiptRow[], values: Readonly<Record<string, string>>, receivedBy: string, receivedById: string, m: Translator = english): ReceiptCheck {
  const errors: FieldMessage[] = [];
  const lines: { sku: string; quantity: number }[] = [];
  for (const row of rows) {
    const read = readWholeNumber(values[row.sku] ?? '', m.t('field.receivedOf', { name: row.name }), m);
    if (read.kind === 'invalid') errors.push({ fieldId: row.fieldId, message: read.message });
    else if (read.kind === 'blank') errors.push({ fieldId: row.fieldId, message: m.t('receipt.enterQuantity', { name: row.name }) });
    else lines.push({ sku: row.sku, quantity: read.value });
  }
  const name = receivedBy.trim();
  if (name === '') errors.push({ fieldId: receivedById, message: m.t('receipt.enterName') });
  else if (name.length > 200) errors.push({ fieldId: receivedById, message: m.t('receipt.nameTooLong') });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, receipt: { receivedBy: name, lines } };
}

export function receiptFieldFor(rows: readonly ReceiptRow[], receipt: Receipt, receivedById: string): (pointer: string) => string | null {
  return (pointer) => {
    if (pointer === '/receivedBy') return receivedById;
    const index = lineIndexOf(pointer);
    const sku = index === null ? undefined : receipt.lines[index]?.sku;
    return rows.find((r) => r.sku === sku)?.fieldId ?? null;
  };
}
