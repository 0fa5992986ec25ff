/**
 * POST /v1/stores/{storeId}/delivery-plans — plan the store's approved requests onto its rota for a horizon.
 * Re-planning is safe without a key (nothing is booked twice), but a client whose answer was lost
 * would then only see what is new: an Idempotency-Key replays the first answer instead.
 */
import { planStoreDeliveries } from '../deliveries/plan-deliveries.ts';
import { httpHandler } from '../http/http-handler.ts';
import { idempotentResult, readIdempotencyKey } from '../http/idempotency.ts';
import { authorize } from '../access/authorize.ts';
import { actorOf } from '../access/principal.ts';
import { deliveryPlanRequest } from '../schemas/deliveries.ts';
import { storeParams } from '../schemas/registry.ts';

const ROUTE = 'POST /v1/stores/{storeId}/delivery-plans';

export const handler = httpHandler({ params: storeParams, body: deliveryPlanRequest }, async ({ params, body, principal, headers, context }) => {
  const key = readIdempotencyKey(headers);
  authorize(principal, 'decide', { kind: 'store', storeId: params.storeId });
  const path = `/v1/stores/${params.storeId}/delivery-plans`;
  return idempotentResult({ key, principal, route: ROUTE, path, body, context }, async () => {
    const plan = await planStoreDeliveries({ storeId: params.storeId, from: body.from, days: body.days, actor: actorOf(principal), now: new Date() });
    return { body: plan };
  });
});
