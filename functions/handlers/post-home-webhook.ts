/** POST /v1/homes/{homeId}/webhooks — subscribe an HTTPS endpoint to the home's events: 201 with the secret, shown once. */
import { httpHandler } from '../http/http-handler.ts';
import { homeWebhooksParams, webhookInput } from '../schemas/webhooks.ts';
import { createWebhook } from '../webhooks/subscriptions.ts';

export const handler = httpHandler({ params: homeWebhooksParams, body: webhookInput }, async ({ params, body, principal }) => ({
  status: 201,
  body: await createWebhook(principal, { kind: 'home', id: params.homeId }, body, new Date()),
}));
