/** GET /v1/overview/export.csv?date= — the national table as a spreadsheet (administrators). */
import { httpHandler } from '../http/http-handler.ts';
import { authorize } from '../access/authorize.ts';
import { nationalOverview, overviewCsv } from '../overview/read-overview.ts';
import { overviewQuery } from '../schemas/overview.ts';

export const handler = httpHandler({ query: overviewQuery }, async ({ query, principal }) => {
  authorize(principal, 'read', { kind: 'nation' });
  const overview = await nationalOverview(query.date, new Date());
  return {
    raw: true,
    headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="carestock-overview-${overview.date}.csv"`, 'cache-control': 'no-store' },
    body: overviewCsv(overview),
  };
});
