/** GET /v1/homes/{homeId}/webhooks — the home's webhook subscriptions, without their secrets. */
import { pageQuery } from '../data/pagination.ts';
import { httpHandler } from '../http/http-handler.ts';
import { homeWebhooksParams } from '../schemas/webhooks.ts';
import { listWebhooks } from '../webhooks/subscriptions.ts';

export const handler = httpHandler({ params: homeWebhooksParams, query: pageQuery }, async ({ params, query, principal }) => ({
  body: await listWebhooks(principal, { kind: 'home', id: params.homeId }, query),
}));
