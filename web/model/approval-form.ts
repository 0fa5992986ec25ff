/**
 * The store's decision on a request: each line prefilled with what was asked, lowered for a
 * partial approval; the home's weekly cap beside each line, and an override reason asked for
 * exactly when an approved line is above it (the API refuses it otherwise). Rejecting needs a reason.
 */
import { english, type Translator } from '../i18n/translate.ts';
import type { Item } from './api-types.ts';
import { itemName } from './names.ts';
import { fieldId, lineIndexOf, readWholeNumber, type FieldMessage } from './form-fields.ts';
import { weeklyCap } from './request-form.ts';

export interface ApprovalRow {
  sku: string;
  name: string;
  fieldId: string;
  requested: number;
  cap: number | null;
}

export interface Approval {
  lines: { sku: string; quantity: number }[];
  overrideReason?: string;
}

export function buildApprovalRows(
  requestId: string,
  lines: readonly { sku: string; quantity: number }[],
  items: ReadonlyMap<string, Item>,
  caps: { beds: number | null; capsPerBedPerWeek: Readonly<Record<string, number>> | null },
  m: Translator = english,
): ApprovalRow[] {
  return lines.map((l) => ({
    sku: l.sku,
    name: itemName(items, l.sku, m),
    fieldId: fieldId(`approve-${requestId.slice(0, 8)}`, l.sku),
    requested: l.quantity,
    cap: weeklyCap(caps.beds, caps.capsPerBedPerWeek, l.sku),
  }));
}

export function prefillApproval(rows: readonly ApprovalRow[]): Record<string, string> {
  return Object.fromEntries(rows.map((r) => [r.sku, String(r.requested)]));
}

/** Lines whose approved quantity (as typed) is above the home's weekly cap. */
export function linesOverCap(rows: readonly ApprovalRow[], values: Readonly<Record<string, string>>): ApprovalRow[] {
  return rows.filter((r) => {
    const read = readWholeNumber(values[r.sku] ?? '', r.name);
    return r.cap !== null && read.kind === 'number' && read.value > r.cap;
  });
}

export type ApprovalCheck = { ok: true; approval: Approval; partial: boolean } | { ok: false; errors: FieldMessage[] };

export function checkApproval(rows: readonly ApprovalRow[], values: Readonly<Record<string, string>>, overrideReason: string, overrideId: string, m: Translator = english): ApprovalCheck {
  const errors: FieldMessage[] = [];
  const lines: { sku: string; quantity: number }[] = [];
  for (const row of rows) {
    const read = readWholeNumber(values[row.sku] ?? '', m.t('field.approvedOf', { name: row.name }), m);
    if (read.kind === 'invalid') errors.push({ fieldId: row.fieldId, message: read.message });
    else if (read.kind === 'number' && read.value > row.requested) {
      errors.push({ fieldId: row.fieldId, message: m.t('approve.atMost', { count: row.requested }) });
    } else lines.push({ sku: row.sku, quantity: read.kind === 'number' ? read.value : 0 });
  }
  if (errors.length === 0 && lines.every((l) => l.quantity === 0)) {
    errors.push({ fieldId: rows[0]?.fieldId ?? null, message: m.t('approve.atLeastOne') });
  }
  const reason = overrideReason.trim();
  if (linesOverCap(rows, values).length > 0 && reason === '') {
    errors.push({ fieldId: overrideId, message: m.t('approve.overrideNeeded') });
  }
  if (errors.length > 0) return { ok: false, errors };
  const partial = lines.some((l) => l.quantity < (rows.find((r) => r.sku === l.sku)?.requested ?? 0));
  return { ok: true, approval: { lines, ...(reason ? { overrideReason: reason } : {}) }, partial };
}

export function approvalFieldFor(rows: readonly ApprovalRow[], approval: Approval, overrideId: string): (pointer: string) => string | null {
  return (pointer) => {
    if (pointer === '/overrideReason') return overrideId;
    const index = lineIndexOf(pointer);
    const sku = index === null ? undefined : approval.lines[index]?.sku;
    return rows.find((r) => r.sku === sku)?.fieldId ?? null;
  };
}

export function checkRejection(reason: string, reasonId: string, m: Translator = english): { ok: true; reason: string } | { ok: false; errors: FieldMessage[] } {
  const text = reason.trim();
  if (text === '') return { ok: false, errors: [{ fieldId: reasonId, message: m.t('reject.reasonNeeded') }] };
  if (text.length > 500) return { ok: false, errors: [{ fieldId: reasonId, message: m.t('reject.reasonTooLong') }] };
  return { ok: true, reason: text };
}
