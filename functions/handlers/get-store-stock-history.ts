/** GET /v1/stores/{storeId}/stock/{sku}/history — counts, receipts and adjustments of one store position, newest first. */
import { httpHandler } from '../http/http-handler.ts';
import { historyQuery, storeSkuParams } from '../schemas/stock.ts';
import { authorizeLocation } from '../access/resources.ts';
import { storeLocation } from '../stock/locations.ts';
import { readHistory } from '../stock/read-stock.ts';

export const handler = httpHandler({ params: storeSkuParams, query: historyQuery }, async ({ params, query, principal }) => {
  const location = storeLocation(params.storeId);
  await authorizeLocation(principal, 'read', location);
  return { body: await readHistory(location, params.sku, query) };
});
