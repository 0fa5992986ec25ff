/** GET /v1/homes/{homeId}/deliveries — a home's deliveries, latest date first. */
import { readHomeDeliveries } from '../deliveries/read-deliveries.ts';
import { httpHandler } from '../http/http-handler.ts';
import { homeDeliveriesQuery } from '../schemas/deliveries.ts';
import { homeParams } from '../schemas/registry.ts';

export const handler = httpHandler({ params: homeParams, query: homeDeliveriesQuery }, async ({ params, query, principal }) => ({
  body: await readHomeDeliveries(principal, params.homeId, query),
}));
