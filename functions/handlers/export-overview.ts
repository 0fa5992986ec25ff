/** GET /v1/overview/export.csv?date= — the national table as a spreadsheet (administrators). */
import { httpHandler } from '../http/http-handler.ts';
import { authorize } from '../access/authorize.ts';
import { nationalOverview, overviewCsv } from '../overview/read-overview.ts';
import { overviewExportQuery } from '../schemas/overview.ts';
import { exportLanguageOf } from '../http/export-language.ts';

export const handler = httpHandler({ query: overviewExportQuery }, async ({ query, principal }) => {
  authorize(principal, 'read', { kind: 'nation' });
  const overview = await nationalOverview(query.date, new Date());
  const language = exportLanguageOf(query.lang);
  return {
    raw: true,
    headers: { ...language.headers, 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="carestock-overview-${overview.date}.csv"`, 'cache-control': 'no-store' },
    body: overviewCsv(overview, language.locale),
  };
});
