/** GET /v1/deliveries/{deliveryId} — a delivery, for its home, its store or an administrator. */
import { authorizedDelivery } from '../access/resources.ts';
import { toDeliveryView } from '../data/delivery-repository.ts';
import { httpHandler } from '../http/http-handler.ts';
import { notFound } from '../http/problem.ts';
import { deliveryParams } from '../schemas/deliveries.ts';
import { t } from '../i18n/messages.ts';

export const handler = httpHandler({ params: deliveryParams }, async ({ params, principal }) => {
  const delivery = await authorizedDelivery(principal, 'read', params.deliveryId);
  if (!delivery) throw notFound(t('notFound.delivery', { deliveryId: params.deliveryId }));
  return { body: toDeliveryView(delivery) };
});
