/** POST /v1/deliveries/{deliveryId}/receipt — the home (or its store) confirms what arrived: stock reaches the home, once. */
import { receiveDelivery } from '../deliveries/receive-delivery.ts';
import { guardedDelivery } from '../access/resources.ts';
import { httpHandler } from '../http/http-handler.ts';
import { deliveryParams, deliveryReceipt } from '../schemas/deliveries.ts';

export const handler = httpHandler({ params: deliveryParams, body: deliveryReceipt }, async ({ params, body, principal }) => ({
  body: await receiveDelivery(guardedDelivery(principal, 'write', params.deliveryId), body, new Date()),
}));
