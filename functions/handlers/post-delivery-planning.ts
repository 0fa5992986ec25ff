/** POST /v1/jobs/delivery-plan — an administrator runs the daily planning job now, optionally as of an earlier instant. */
import { runDeliveryPlanning } from '../deliveries/run-delivery-planning.ts';
import { httpHandler } from '../http/http-handler.ts';
import { authorize } from '../access/authorize.ts';
import { actorOf } from '../access/principal.ts';
import { requestedAsOf } from '../scheduled/requested-as-of.ts';
import { deliveryPlanJobRequest } from '../schemas/deliveries.ts';

export const handler = httpHandler({ body: deliveryPlanJobRequest }, async ({ body, principal }) => {
  authorize(principal, 'manage', { kind: 'nation' });
  return { body: await runDeliveryPlanning(requestedAsOf(body.asOf, new Date()), actorOf(principal)) };
});
