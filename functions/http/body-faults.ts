/**
 * Field errors that say how to fix the input, not only what the schema refused: a number written
 * with thousands separators is named as such (`"3,000"`: write 3000), and a fault in a CSV upload
 * names its row, its physical line and its column as a spreadsheet shows them. The JSON Pointer
 * (`/lines/<row>/<column>`, `/rows/<row>/<column>`) stays as it is, so clients can still match it to their own lines.
 */
import type { ParsedCsv } from './csv.ts';
import type { FieldError } from './problem.ts';
import { t } from '../i18n/messages.ts';

/** `3,000`, `1.200`, `12 000`, `1'500`, with or without decimals: a number a spreadsheet formatted. */
const THOUSANDS = /^[+-]?\d{1,3}(?:([,. '\u00a0\u202f])\d{3})(?:\1\d{3})*(?:(?!\1)[.,]\d+)?$/;

export function thousandsSeparated(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  const match = THOUSANDS.exec(text);
  if (!match) return undefined;
  const separator = match[1]!;
  const decimal = separator === '.' ? ',' : '.';
  const [whole, fraction] = text.split(decimal);
  return whole!.split(separator).join('') + (fraction === undefined ? '' : `.${fraction}`);
}

function valueAt(body: unknown, pointer: string): unknown {
  let node = body;
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

const columnLetter = (index: number): string => (index >= 26 ? columnLetter(Math.floor(index / 26) - 1) : '') + String.fromCharCode(65 + (index % 26));

/** Rewrites the body's field errors: separator hints always, row and column for a CSV upload. */
export function explainBodyErrors(errors: readonly FieldError[], body: unknown, csv?: ParsedCsv): FieldError[] {
  return errors.map((error) => {
    if (error.in !== 'body') return error;
    let { path, message } = error;
    const plain = thousandsSeparated(valueAt(body, path));
    if (plain !== undefined) message = t('body.thousands', { value: String(valueAt(body, path)).trim(), plain });
    if (!csv) return { ...error, message };
    // A CSV post's countedAt is every row's (they must agree): its fault is the first row's cell.
    if (path === '/countedAt') path = '/lines/0/countedAt';
    // Rows of a CSV body become a list (`/lines/<row>` of a count, `/rows/<row>` of an import).
    const match = /^\/(?:lines|rows)\/(\d+)(?:\/([^/]+))?/.exec(path);
    const row = match ? csv.rows[Number(match[1])] : undefined;
    if (!match || !row) return { ...error, path, message };
    const column = match[2] !== undefined ? csv.header.indexOf(match[2]) : -1;
    const at = { row: Number(match[1]) + 1, line: row.line };
    const where = column >= 0 ? t('body.csvRowColumn', { ...at, letter: columnLetter(column), column: match[2]! }) : t('body.csvRow', at);
    return { ...error, path, message: `${where}: ${message}` };
  });
}
