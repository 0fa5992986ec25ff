/** GET /v1/homes/{homeId}/stock — a home's positions projected to now, worst first, and its overall status. */
import { httpHandler } from '../http/http-handler.ts';
import { homeParams } from '../schemas/registry.ts';
import { authorizeLocation } from '../access/resources.ts';
import { homeLocation } from '../stock/locations.ts';
import { readStock } from '../stock/read-stock.ts';

export const handler = httpHandler({ params: homeParams }, async ({ params, principal }) => {
  const location = homeLocation(params.homeId);
  await authorizeLocation(principal, 'read', location);
  return { body: await readStock(location, new Date()) };
});
