/** POST /v1/stores/import — create or replace up to 1,000 stores from CSV or JSON, all or nothing (administrators). */
import { httpHandler } from '../http/http-handler.ts';
import { authorize } from '../access/authorize.ts';
import { storesCsv } from '../registry/import-csv.ts';
import { importStores } from '../registry/imports.ts';
import { importQuery, MAX_IMPORT_BYTES, storesImport } from '../schemas/imports.ts';

export const handler = httpHandler({ body: storesImport, query: importQuery, csv: storesCsv, maxBodyBytes: MAX_IMPORT_BYTES }, async ({ body, query, principal }) => {
  authorize(principal, 'manage', { kind: 'nation' });
  return { body: await importStores(body.rows, query.dryRun === 'true', new Date()), localized: true };
});
