/** POST /v1/homes/import — create or replace up to 1,000 homes from CSV or JSON, all or nothing (administrators). */
import { httpHandler } from '../http/http-handler.ts';
import { authorize } from '../access/authorize.ts';
import { actorOf } from '../access/principal.ts';
import { homesCsv } from '../registry/import-csv.ts';
import { importHomes } from '../registry/imports.ts';
import { homesImport, importQuery, MAX_IMPORT_BYTES } from '../schemas/imports.ts';

export const handler = httpHandler({ body: homesImport, query: importQuery, csv: homesCsv, maxBodyBytes: MAX_IMPORT_BYTES }, async ({ body, query, principal }) => {
  authorize(principal, 'manage', { kind: 'nation' });
  return { body: await importHomes(body.rows, query.dryRun === 'true', actorOf(principal), new Date()), localized: true };
});
