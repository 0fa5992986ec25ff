/**
 * A stock count as a spreadsheet: a header row, then one row a line. Columns `countedAt, sku, onHand`
 * and optionally `reorderLevel, targetLevel, dailyUsage`, in any order and any letter case. The rows
 * become the JSON body shape, so CSV and JSON pass the same validation and name faults the same way
 * (`/lines/<row index from 0>/onHand`).
 */
import type { ParsedCsv } from '../http/csv.ts';
import { CsvError } from '../http/csv.ts';
import { badRequest, type FieldError } from '../http/problem.ts';
import { t } from '../i18n/messages.ts';

export const countCsvColumns = ['countedAt', 'sku', 'onHand', 'reorderLevel', 'targetLevel', 'dailyUsage'] as const;
const required = ['countedAt', 'sku', 'onHand'] as const;
const numeric = ['onHand', 'reorderLevel', 'targetLevel', 'dailyUsage'] as const;

const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** A number when the cell is one; otherwise the text itself, so the schema names the cell's fault. */
function cell(value: string): number | string {
  const text = value.trim();
  return DECIMAL.test(text) ? Number(text) : text;
}

export function countCsvToBody(table: ParsedCsv): unknown {
  const missing = required.filter((column) => !table.header.includes(column));
  if (missing.length > 0) throw new CsvError(1, t('csv.missingColumns', { count: missing.length, columns: missing.join(', ') }));

  const lines = table.rows.map(({ values }) => {
    const line: Record<string, unknown> = { sku: values.sku?.trim() };
    for (const column of numeric) {
      const value = values[column];
      // An empty optional cell means "not given"; an empty onHand stays '' and is refused by the schema.
      if (value === undefined || (value.trim() === '' && column !== 'onHand')) continue;
      line[column] = cell(value);
    }
    return line;
  });

  // One count per post, as in JSON: every row must give the same instant.
  const instants = table.rows.map(({ values }) => (values.countedAt ?? '').trim());
  const first = instants[0];
  const errors: FieldError[] = [];
  instants.forEach((instant, index) => {
    if (index > 0 && !sameInstant(instant, first ?? '')) {
      errors.push({
        in: 'body',
        path: `/lines/${index}/countedAt`,
        message: t('csv.countedAtDiffers', { instant, line: table.rows[index]!.line, first: first ?? '' }),
      });
    }
  });
  if (errors.length > 0) throw badRequest(t('csv.countedAtRows', { count: errors.length }), errors);
  return { countedAt: first, lines };
}

function sameInstant(a: string, b: string): boolean {
  if (a === b) return true;
  const ms = [Date.parse(a), Date.parse(b)];
  return !Number.isNaN(ms[0]) && ms[0] === ms[1];
}

export const countCsv = { columns: countCsvColumns, toBody: countCsvToBody };
