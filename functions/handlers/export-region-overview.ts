/** GET /v1/regions/{regionId}/export.csv?date= — a region's table of stores as a spreadsheet. */
import { httpHandler } from '../http/http-handler.ts';
import { authorize } from '../access/authorize.ts';
import { overviewCsv, regionOverview } from '../overview/read-overview.ts';
import { overviewExportQuery } from '../schemas/overview.ts';
import { exportLanguageOf } from '../http/export-language.ts';
import { regionParams } from '../schemas/registry.ts';

export const handler = httpHandler({ params: regionParams, query: overviewExportQuery }, async ({ params, query, principal }) => {
  authorize(principal, 'read', { kind: 'region', regionId: params.regionId });
  const overview = await regionOverview(params.regionId, query.date, new Date());
  const language = exportLanguageOf(query.lang);
  return {
    raw: true,
    // The region id is a slug (a–z, 0–9, hyphens): safe inside the quotes as is.
    headers: { ...language.headers, 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="carestock-${params.regionId}-${overview.date}.csv"`, 'cache-control': 'no-store' },
    body: overviewCsv(overview, language.locale),
  };
});
