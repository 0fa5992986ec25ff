/** DELETE /v1/webhooks/{webhookId} — delete a subscription: nothing more is sent to it. 204, again too. */
import { httpHandler } from '../http/http-handler.ts';
import { webhookParams } from '../schemas/webhooks.ts';
import { deleteWebhook } from '../webhooks/subscriptions.ts';

export const handler = httpHandler({ params: webhookParams }, async ({ params, principal }) => {
  await deleteWebhook(principal, params.webhookId, new Date());
  return { status: 204 };
});
