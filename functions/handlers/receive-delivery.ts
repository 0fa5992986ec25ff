/** POST /v1/deliveries/{deliveryId}/receipt — the home (or its store) confirms what arrived: stock reaches the home, once. */
import { receiveDelivery } from '../deliveries/receive-delivery.ts';
import { guardedDelivery } from '../access/resources.ts';
import { httpHandler } from '../http/http-handler.ts';
import { recordBusinessMetrics } from '../observability/business-metrics.ts';
import { deliveryParams, deliveryReceipt } from '../schemas/deliveries.ts';

export const handler = httpHandler({ params: deliveryParams, body: deliveryReceipt }, async ({ params, body, principal }) => {
  const received = await receiveDelivery(guardedDelivery(principal, 'write', params.deliveryId), body, new Date());
  recordBusinessMetrics({ deliveriesReceived: 1, receiptsWithDiscrepancies: received.discrepancies.length > 0 ? 1 : 0 });
  return { body: received };
});
