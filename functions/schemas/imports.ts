/** Bulk onboarding: homes and stores from a spreadsheet (CSV) or JSON, up to 1,000 rows, all or nothing. */
import * as z from 'zod/mini';
import { homeId, storeId } from './common.ts';
import { homeInput, storeInput } from './registry.ts';
import type { CsvBody, OperationFragment } from './operation.ts';
import { t } from '../i18n/messages.ts';

export const MAX_IMPORT_ROWS = 1000;
/** 1,000 rows of a home or a store fit in well under this, as JSON or CSV. */
export const MAX_IMPORT_BYTES = 1024 * 1024;

const rowsOf = <S extends z.ZodMiniType>(row: S) => z.array(row).check(z.minLength(1, { error: () => t('field.atLeastOneRow') }), z.maxLength(MAX_IMPORT_ROWS, { error: () => t('field.atMostRows', { max: MAX_IMPORT_ROWS }) }));

export const homeImportRow = z.strictObject({ homeId, ...homeInput.shape }).register(z.globalRegistry, { id: 'HomeImportRow', description: 'One home of an import: its id and profile, as PUT /v1/homes/{homeId} takes it.' });
export const homesImport = z.strictObject({ rows: rowsOf(homeImportRow) }).register(z.globalRegistry, {
  id: 'HomesImport',
  description: 'Homes to create or replace, one a row, as PUT /v1/homes/{homeId} takes them (the id in the row). Every store named must exist.',
  examples: [{ rows: [{ homeId: 'ty-newydd', name: 'Tŷ Newydd Care Home', nameCy: 'Cartref Gofal Tŷ Newydd', storeId: 'newport-jes', beds: 30, deliveryDays: ['MON', 'THU'], localAuthority: 'Newport' }] }],
});

const { closedDates: _closedDates, ...storeFields } = storeInput.shape;
export const storeImportRow = z.strictObject({ storeId, ...storeFields }).register(z.globalRegistry, { id: 'StoreImportRow', description: 'One store of an import: its id, name (and Welsh name), region, capacity, time zone and alert language.' });
export const storesImport = z.strictObject({ rows: rowsOf(storeImportRow) }).register(z.globalRegistry, {
  id: 'StoresImport',
  description: 'Stores to create or replace, one a row (the id in the row). Every region named must exist. An existing store keeps its closed dates.',
  examples: [{ rows: [{ storeId: 'newport-jes', name: 'Newport JES', nameCy: 'Storfa Offer ar y Cyd Casnewydd', regionId: 'gwent', capacityPerDay: 3, timeZone: 'Europe/London', language: 'both' }] }],
});

export const importQuery = z.strictObject({ dryRun: z.optional(z.enum(['true', 'false'])) });

export const importResult = z
  .object({
    dryRun: z.boolean(),
    rows: z.int(),
    /** Ids created (or, on a dry run, that would be). */
    created: z.array(z.string()),
    /** Ids whose stored profile differed from the row, replaced (or that would be). */
    updated: z.array(z.string()),
    /** Rows already stored exactly as given. */
    unchanged: z.int(),
    /** false when the file changes nothing: the same file imported again. */
    changed: z.boolean(),
    message: z.string(),
  })
  .register(z.globalRegistry, {
    id: 'ImportResult',
    description: 'What the import changed (or, with `dryRun=true`, would change): ids created and updated, and how many rows were already stored as given.',
    examples: [{ dryRun: false, rows: 3, created: ['ty-newydd'], updated: ['maes-y-coed'], unchanged: 1, changed: true, message: '1 created, 1 updated, 1 unchanged.' }],
  });

export type HomeImportRow = z.infer<typeof homeImportRow>;
export type StoreImportRow = z.infer<typeof storeImportRow>;
export type ImportResult = z.infer<typeof importResult>;

const homesCsv: CsvBody = {
  columns: [
    { name: 'homeId', required: true, description: 'The home’s id: a lowercase slug.' },
    { name: 'name', required: true, description: 'The home’s name.' },
    { name: 'nameCy', required: false, description: 'The home’s name in Welsh (empty: none; the English name is shown).' },
    { name: 'storeId', required: true, description: 'The store that serves it (must exist).' },
    { name: 'beds', required: true, description: 'Beds, a whole number.' },
    { name: 'deliveryDays', required: true, description: 'Rota days, separated by spaces or semicolons: `MON THU`.' },
    { name: 'localAuthority', required: false, description: 'Its local authority (empty: none).' },
  ],
  example: 'homeId,name,nameCy,storeId,beds,deliveryDays,localAuthority\r\nty-newydd,Tŷ Newydd Care Home,Cartref Gofal Tŷ Newydd,newport-jes,30,MON THU,Newport\r\n',
  description: 'One home a row; `rows/<n>` in an error is the n-th row from 0, and its message names the CSV line and column.',
};

const storesCsv: CsvBody = {
  columns: [
    { name: 'storeId', required: true, description: 'The store’s id: a lowercase slug.' },
    { name: 'name', required: true, description: 'The store’s name.' },
    { name: 'nameCy', required: false, description: 'The store’s name in Welsh (empty: none; the English name is shown).' },
    { name: 'regionId', required: false, description: 'Its region (must exist; empty: none).' },
    { name: 'capacityPerDay', required: true, description: 'Deliveries a day, a whole number.' },
    { name: 'timeZone', required: false, description: 'IANA time zone (empty: Europe/London).' },
    { name: 'language', required: false, description: 'The language of its alerts: `cy`, `en` or `both` (empty: `en`).' },
  ],
  example: 'storeId,name,nameCy,regionId,capacityPerDay,timeZone,language\r\nnewport-jes,Newport JES,Storfa Offer ar y Cyd Casnewydd,gwent,3,Europe/London,both\r\n',
  description: 'One store a row; `rows/<n>` in an error is the n-th row from 0, and its message names the CSV line and column.',
};

const importDescription = (what: string) =>
  `Creates or replaces up to ${MAX_IMPORT_ROWS} ${what} from CSV or JSON, all or nothing: every row is checked first (fields, ids repeated in the file, ` +
  'what each row names must exist), and one bad row writes nothing; the 400 names every bad row and field. The same file again changes nothing and ' +
  'says so (`changed: false`). `?dryRun=true` answers what would change and writes nothing. Administrators only. No Idempotency-Key: an import is ' +
  'idempotent by nature (a row already stored as given is left alone).';

export const operations = {
  'POST /v1/homes/import': {
    description: `${importDescription('homes')} Writes new homes in batches of 25 (BatchWriteItem); an existing home that changed is replaced as PUT does, keeping its last count.`,
    query: importQuery,
    body: homesImport,
    csv: homesCsv,
    responses: { 200: importResult },
    localized: true,
    problems: { 400: 'A row is not valid, an id appears twice, or a store it names does not exist: every fault, by row (and CSV line) and field. Nothing was written.' },
  },
  'POST /v1/stores/import': {
    description: `${importDescription('stores')} Writes in batches of 25 (BatchWriteItem).`,
    query: importQuery,
    body: storesImport,
    csv: storesCsv,
    responses: { 200: importResult },
    localized: true,
    problems: { 400: 'A row is not valid, an id appears twice, or a region it names does not exist: every fault, by row (and CSV line) and field. Nothing was written.' },
  },
} as const satisfies OperationFragment;
