/**
 * Homes and stores as spreadsheets: a header row, then one row a line, columns in any order and
 * any letter case. Rows become the JSON body shape, so CSV and JSON pass the same validation and
 * name faults the same way (`/rows/<row from 0>/<column>`, with the CSV line in the message).
 */
import { t } from '../i18n/messages.ts';
import { CsvError, type ParsedCsv } from '../http/csv.ts';

export const homeCsvColumns = ['homeId', 'name', 'nameCy', 'storeId', 'beds', 'deliveryDays', 'localAuthority'] as const;
export const storeCsvColumns = ['storeId', 'name', 'nameCy', 'regionId', 'capacityPerDay', 'timeZone', 'language'] as const;

const WHOLE = /^[+-]?\d+$/;

/** A number when the cell is a whole one; otherwise the text itself, so the schema names the cell's fault. */
const number = (value: string) => (WHOLE.test(value.trim()) ? Number(value.trim()) : value.trim());

function requireColumns(table: ParsedCsv, required: readonly string[]): void {
  const missing = required.filter((column) => !table.header.includes(column));
  if (missing.length > 0) throw new CsvError(1, t('csv.missingColumns', { count: missing.length, columns: missing.join(', ') }));
}

/** Optional text: an empty cell means "not given". */
const optional = (key: string, value: string | undefined) => (value === undefined || value.trim() === '' ? {} : { [key]: value });

export function homesCsvToBody(table: ParsedCsv): unknown {
  requireColumns(table, ['homeId', 'name', 'storeId', 'beds', 'deliveryDays']);
  return {
    rows: table.rows.map(({ values }) => ({
      homeId: values.homeId!.trim(),
      name: values.name,
      ...optional('nameCy', values.nameCy),
      storeId: values.storeId!.trim(),
      beds: number(values.beds!),
      deliveryDays: values.deliveryDays!.trim() === '' ? [] : values.deliveryDays!.trim().split(/[\s;|]+/).map((d) => d.toUpperCase()),
      ...optional('localAuthority', values.localAuthority),
    })),
  };
}

export function storesCsvToBody(table: ParsedCsv): unknown {
  requireColumns(table, ['storeId', 'name', 'capacityPerDay']);
  return {
    rows: table.rows.map(({ values }) => ({
      storeId: values.storeId!.trim(),
      name: values.name,
      ...optional('nameCy', values.nameCy),
      capacityPerDay: number(values.capacityPerDay!),
      ...optional('regionId', values.regionId?.trim()),
      ...optional('timeZone', values.timeZone?.trim()),
      ...optional('language', values.language?.trim()),
    })),
  };
}

export const homesCsv = { columns: homeCsvColumns, toBody: homesCsvToBody, namesLines: true };
export const storesCsv = { columns: storeCsvColumns, toBody: storesCsvToBody, namesLines: true };
