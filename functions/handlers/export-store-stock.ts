/** GET /v1/stores/{storeId}/export.csv?date= — every home × item of a store as a spreadsheet (CSV). */
import { httpHandler } from '../http/http-handler.ts';
import { authorizeStore } from '../access/resources.ts';
import { exportQuery } from '../schemas/export.ts';
import { storeParams } from '../schemas/registry.ts';
import { exportStoreStock } from '../stock/store-export.ts';
import { exportLanguageOf } from '../http/export-language.ts';

export const handler = httpHandler({ params: storeParams, query: exportQuery }, async ({ params, query, principal }) => {
  await authorizeStore(principal, 'read', params.storeId);
  const language = exportLanguageOf(query.lang);
  const result = await exportStoreStock(params.storeId, query.date, new Date(), language.locale);
  return {
    raw: true,
    headers: {
      ...language.headers,
      'content-type': 'text/csv; charset=utf-8',
      // The store id is a slug (a–z, 0–9, hyphens): safe inside the quotes as is.
      'content-disposition': `attachment; filename="${result.filename}"`,
      'cache-control': 'no-store',
    },
    body: result.csv,
  };
});
