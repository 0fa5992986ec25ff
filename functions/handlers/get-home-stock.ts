/** GET /v1/homes/{homeId}/stock — a home's positions projected to now, worst first, and its overall status. */
import { httpHandler } from '../http/http-handler.ts';
import { homeParams } from '../schemas/registry.ts';
import { authoriseLocation, homeLocation } from '../stock/location-access.ts';
import { readStock } from '../stock/read-stock.ts';

export const handler = httpHandler({ params: homeParams }, async ({ params, principal }) => {
  const location = homeLocation(params.homeId);
  await authoriseLocation(principal, location);
  return { body: await readStock(location, new Date()) };
});
