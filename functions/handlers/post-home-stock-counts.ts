/** POST /v1/homes/{homeId}/stock-counts — a home (or its store) posts a count, JSON or CSV; all lines or none. */
import { formatOrg } from '../access/principal.ts';
import { httpHandler } from '../http/http-handler.ts';
import { recordBusinessMetrics } from '../observability/business-metrics.ts';
import { homeParams } from '../schemas/registry.ts';
import { countPost } from '../schemas/stock.ts';
import { countCsv } from '../stock/count-csv.ts';
import { authorizeLocation } from '../access/resources.ts';
import { homeLocation } from '../stock/locations.ts';
import { recordStockCounts } from '../stock/record-counts.ts';

export const handler = httpHandler({ params: homeParams, body: countPost, csv: countCsv }, async ({ params, body, principal }) => {
  const location = homeLocation(params.homeId);
  await authorizeLocation(principal, 'write', location);
  const result = await recordStockCounts({ location, post: body, recordedBy: formatOrg(principal.org), now: new Date() });
  recordBusinessMetrics({ stockCountsPosted: 1, stockCountLines: body.lines.length });
  return { body: result };
});
