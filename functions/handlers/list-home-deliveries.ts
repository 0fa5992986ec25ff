/** GET /v1/homes/{homeId}/deliveries — a home's deliveries, latest date first. */
import { authorizeHome } from '../access/resources.ts';
import { readHomeDeliveries } from '../deliveries/read-deliveries.ts';
import { httpHandler } from '../http/http-handler.ts';
import { homeDeliveriesQuery } from '../schemas/deliveries.ts';
import { homeParams } from '../schemas/registry.ts';

export const handler = httpHandler({ params: homeParams, query: homeDeliveriesQuery }, async ({ params, query, principal }) => {
  const home = await authorizeHome(principal, 'read', params.homeId);
  return { body: await readHomeDeliveries(params.homeId, query, home) };
});
