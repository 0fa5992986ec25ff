/** GET /v1/webhooks/{webhookId}/deliveries — the subscription's delivery log, newest event first. */
import { pageQuery } from '../data/pagination.ts';
import { httpHandler } from '../http/http-handler.ts';
import { webhookParams } from '../schemas/webhooks.ts';
import { readDeliveries } from '../webhooks/subscriptions.ts';

export const handler = httpHandler({ params: webhookParams, query: pageQuery }, async ({ params, query, principal }) => ({
  body: await readDeliveries(principal, params.webhookId, query),
}));
