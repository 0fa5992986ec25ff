/** POST /v1/stores/{storeId}/stock-counts — a store posts a count of its own stock, JSON or CSV; all lines or none. */
import { formatOrg } from '../access/principal.ts';
import { httpHandler } from '../http/http-handler.ts';
import { recordBusinessMetrics } from '../observability/business-metrics.ts';
import { storeParams } from '../schemas/registry.ts';
import { countPost } from '../schemas/stock.ts';
import { countCsv } from '../stock/count-csv.ts';
import { authorizeLocation } from '../access/resources.ts';
import { storeLocation } from '../stock/locations.ts';
import { recordStockCounts } from '../stock/record-counts.ts';

export const handler = httpHandler({ params: storeParams, body: countPost, csv: countCsv }, async ({ params, body, principal }) => {
  const location = storeLocation(params.storeId);
  await authorizeLocation(principal, 'write', location);
  const result = await recordStockCounts({ location, post: body, recordedBy: formatOrg(principal.org), now: new Date() });
  recordBusinessMetrics({ stockCountsPosted: 1, stockCountLines: body.lines.length });
  return { body: result };
});
