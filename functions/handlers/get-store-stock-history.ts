/** GET /v1/stores/{storeId}/stock/{sku}/history — counts, receipts and adjustments of one store position, newest first. */
import { httpHandler } from '../http/http-handler.ts';
import { historyQuery, storeSkuParams } from '../schemas/stock.ts';
import { authoriseLocation, storeLocation } from '../stock/location-access.ts';
import { readHistory } from '../stock/read-stock.ts';

export const handler = httpHandler({ params: storeSkuParams, query: historyQuery }, async ({ params, query, principal }) => {
  const location = storeLocation(params.storeId);
  const known = await authoriseLocation(principal, location);
  return { body: await readHistory(location, params.sku, query, known) };
});
