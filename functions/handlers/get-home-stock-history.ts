/** GET /v1/homes/{homeId}/stock/{sku}/history — counts, receipts and adjustments of one position, newest first. */
import { httpHandler } from '../http/http-handler.ts';
import { historyQuery, homeSkuParams } from '../schemas/stock.ts';
import { authorizeLocation } from '../access/resources.ts';
import { homeLocation } from '../stock/locations.ts';
import { readHistory } from '../stock/read-stock.ts';

export const handler = httpHandler({ params: homeSkuParams, query: historyQuery }, async ({ params, query, principal }) => {
  const location = homeLocation(params.homeId);
  await authorizeLocation(principal, 'read', location);
  return { body: await readHistory(location, params.sku, query) };
});
