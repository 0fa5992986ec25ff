/** POST /v1/deliveries/{deliveryId}/dispatch — the serving store sends a planned delivery: stock leaves the store, once. */
import { dispatchDelivery } from '../deliveries/dispatch-delivery.ts';
import { guardedDelivery } from '../access/resources.ts';
import { httpHandler } from '../http/http-handler.ts';
import { recordBusinessMetrics } from '../observability/business-metrics.ts';
import { deliveryParams } from '../schemas/deliveries.ts';

export const handler = httpHandler({ params: deliveryParams }, async ({ params, principal }) => {
  const dispatched = await dispatchDelivery(guardedDelivery(principal, 'decide', params.deliveryId), new Date());
  recordBusinessMetrics({ deliveriesDispatched: 1 });
  return { body: dispatched };
});
