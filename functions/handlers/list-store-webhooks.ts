/** GET /v1/stores/{storeId}/webhooks — the store's webhook subscriptions, without their secrets. */
import { pageQuery } from '../data/pagination.ts';
import { httpHandler } from '../http/http-handler.ts';
import { storeWebhooksParams } from '../schemas/webhooks.ts';
import { listWebhooks } from '../webhooks/subscriptions.ts';

export const handler = httpHandler({ params: storeWebhooksParams, query: pageQuery }, async ({ params, query, principal }) => ({
  body: await listWebhooks(principal, { kind: 'store', id: params.storeId }, query),
}));
