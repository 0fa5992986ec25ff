/** GET /v1/deliveries/{deliveryId} — a delivery, for its home, its store or an administrator. */
import { readDelivery } from '../deliveries/read-deliveries.ts';
import { httpHandler } from '../http/http-handler.ts';
import { deliveryParams } from '../schemas/deliveries.ts';

export const handler = httpHandler({ params: deliveryParams }, async ({ params, principal }) => ({
  body: await readDelivery(principal, params.deliveryId),
}));
