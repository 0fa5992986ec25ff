/** GET /v1/stores/{storeId}/stock — a store's own positions projected to now, worst first, and its overall status. */
import { httpHandler } from '../http/http-handler.ts';
import { storeParams } from '../schemas/registry.ts';
import { authoriseLocation, storeLocation } from '../stock/location-access.ts';
import { readStock } from '../stock/read-stock.ts';

export const handler = httpHandler({ params: storeParams }, async ({ params, principal }) => {
  const location = storeLocation(params.storeId);
  await authoriseLocation(principal, location);
  return { body: await readStock(location, new Date()) };
});
