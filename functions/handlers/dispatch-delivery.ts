/** POST /v1/deliveries/{deliveryId}/dispatch — the serving store sends a planned delivery: stock leaves the store, once. */
import { dispatchDelivery } from '../deliveries/dispatch-delivery.ts';
import { guardedDelivery } from '../access/resources.ts';
import { httpHandler } from '../http/http-handler.ts';
import { deliveryParams } from '../schemas/deliveries.ts';

export const handler = httpHandler({ params: deliveryParams }, async ({ params, principal }) => ({
  body: await dispatchDelivery(guardedDelivery(principal, 'decide', params.deliveryId), new Date()),
}));
