/** POST /v1/stores/{storeId}/webhooks — subscribe an HTTPS endpoint to the events of the homes the store serves: 201 with the secret, shown once. */
import { httpHandler } from '../http/http-handler.ts';
import { storeWebhooksParams, webhookInput } from '../schemas/webhooks.ts';
import { createWebhook } from '../webhooks/subscriptions.ts';

export const handler = httpHandler({ params: storeWebhooksParams, body: webhookInput }, async ({ params, body, principal }) => ({
  status: 201,
  body: await createWebhook(principal, { kind: 'store', id: params.storeId }, body, new Date()),
}));
