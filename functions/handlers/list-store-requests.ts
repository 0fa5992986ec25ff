/** GET /v1/stores/{storeId}/requests — the store's queue of one status: oldest first, or most urgent first. */
import { httpHandler } from '../http/http-handler.ts';
import { authorizeStore } from '../access/resources.ts';
import { readStoreQueue } from '../requests/read-requests.ts';
import { storeParams } from '../schemas/registry.ts';
import { storeQueueQuery } from '../schemas/requests.ts';

export const handler = httpHandler({ params: storeParams, query: storeQueueQuery }, async ({ params, query, principal }) => {
  await authorizeStore(principal, 'read', params.storeId);
  return {
    body: await readStoreQueue({
      storeId: params.storeId,
      status: query.status ?? 'submitted',
      sort: query.sort ?? 'oldest',
      limit: query.limit,
      cursor: query.cursor,
      now: new Date(),
    }),
  };
});
