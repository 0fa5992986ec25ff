/** GET /v1/stores/{storeId}/stock — a store's own positions projected to now, worst first, and its overall status. */
import { httpHandler } from '../http/http-handler.ts';
import { storeParams } from '../schemas/registry.ts';
import { authorizeLocation } from '../access/resources.ts';
import { storeLocation } from '../stock/locations.ts';
import { readStock } from '../stock/read-stock.ts';

export const handler = httpHandler({ params: storeParams }, async ({ params, principal }) => {
  const location = storeLocation(params.storeId);
  await authorizeLocation(principal, 'read', location);
  return { body: await readStock(location, new Date()) };
});
