/**
 * What every form on the page shares: whole-number fields read the same way, errors as a list of
 * { field, message } (the error summary links each to its field), and the API's problem+json
 * answers mapped onto the form's own fields by their JSON pointer (`/lines/3/onHand`).
 */
import { english, type Translator } from '../i18n/translate.ts';

export interface FieldMessage {
  /** The id of the field the message is about; null when it is about the form as a whole. */
  fieldId: string | null;
  message: string;
}

export interface ProblemDetails {
  status: number;
  title?: string | undefined;
  detail?: string | undefined;
  errors?: { in?: string; path: string; message: string }[] | undefined;
}

export type WholeNumber = { kind: 'blank' } | { kind: 'number'; value: number } | { kind: 'invalid'; message: string };

/** A count or a quantity as typed: blank, a whole number ≥ 0 (spaces and thousands commas allowed), or why not (what the page can tell by itself). */
export function readWholeNumber(text: string, label: string, m: Translator = english): WholeNumber {
  const trimmed = text.trim().replace(/,(?=\d{3}\b)/g, '');
  if (trimmed === '') return { kind: 'blank' };
  if (/^-\d/.test(trimmed)) return { kind: 'invalid', message: m.t('field.negative', { label }) };
  if (/^\d+[.]\d*$/.test(trimmed) || /^[.]\d+$/.test(trimmed)) {
    return Number(trimmed) === Math.floor(Number(trimmed))
      ? { kind: 'number', value: Number(trimmed) }
      : { kind: 'invalid', message: m.t('field.whole', { label }) };
  }
  if (!/^\d+$/.test(trimmed)) return { kind: 'invalid', message: m.t('field.wholeLike', { label }) };
  // No upper bound here: the API owns its ranges (and may change them); its problem names the field.
  return { kind: 'number', value: Number(trimmed) };
}

/**
 * The API's problem as form errors: each field error on the field its pointer names (when the
 * form can tell which), the rest, and the detail, about the form as a whole.
 */
export function problemToMessages(problem: ProblemDetails, fieldFor: (pointer: string) => string | null, m: Translator = english): FieldMessage[] {
  const fieldErrors = (problem.errors ?? []).map((e) => ({ fieldId: e.in === 'body' || e.in === undefined ? fieldFor(e.path) : null, message: e.message }));
  const general = problem.detail ?? problem.title ?? m.t('api.answeredProblem', { status: String(problem.status) });
  // The detail of a validation problem only says "see errors"; keep it only when nothing more specific is there.
  return fieldErrors.length > 0 && problem.status === 400 ? fieldErrors : [{ fieldId: null, message: general }, ...fieldErrors];
}

/** `/lines/3/onHand` → 3, for forms that sent lines in a known order. */
export function lineIndexOf(pointer: string): number | null {
  const match = /^\/lines\/(\d+)(?:\/|$)/.exec(pointer);
  return match ? Number(match[1]) : null;
}

/** A field id from a prefix and a SKU (SKUs are upper-case letters, digits and hyphens: safe in ids). */
export function fieldId(prefix: string, sku: string): string {
  return `${prefix}-${sku}`;
}
