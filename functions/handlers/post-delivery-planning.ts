/** POST /v1/jobs/delivery-plan — an administrator runs the daily planning job now, optionally as of an earlier instant. */
import { requestedPlanAsOf, runDeliveryPlanning } from '../deliveries/run-delivery-planning.ts';
import { httpHandler } from '../http/http-handler.ts';
import { requireAdmin } from '../http/tenancy.ts';
import { actorOf } from '../requests/request-access.ts';
import { deliveryPlanJobRequest } from '../schemas/deliveries.ts';

export const handler = httpHandler({ body: deliveryPlanJobRequest }, async ({ body, principal }) => {
  requireAdmin(principal);
  return { body: await runDeliveryPlanning(requestedPlanAsOf(body.asOf, new Date()), actorOf(principal)) };
});
