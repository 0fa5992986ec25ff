/** POST /v1/stores/{storeId}/delivery-plans — plan the store's approved requests onto its rota for a horizon. */
import { planStoreDeliveries } from '../deliveries/plan-deliveries.ts';
import { httpHandler } from '../http/http-handler.ts';
import { requireStoreAccess } from '../http/tenancy.ts';
import { actorOf } from '../requests/request-access.ts';
import { deliveryPlanRequest } from '../schemas/deliveries.ts';
import { storeParams } from '../schemas/registry.ts';

export const handler = httpHandler({ params: storeParams, body: deliveryPlanRequest }, async ({ params, body, principal }) => {
  requireStoreAccess(principal, params.storeId);
  const plan = await planStoreDeliveries({ storeId: params.storeId, from: body.from, days: body.days, actor: actorOf(principal), now: new Date() });
  return { body: plan };
});
