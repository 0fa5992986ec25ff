/** POST /v1/stores/{storeId}/allocations — allocate the store's stock to its approved requests, fewest days of supply first. */
import { httpHandler } from '../http/http-handler.ts';
import { requireStoreAccess } from '../http/tenancy.ts';
import { allocateStoreStock } from '../requests/allocate-requests.ts';
import { actorOf } from '../requests/request-access.ts';
import { storeParams } from '../schemas/registry.ts';

export const handler = httpHandler({ params: storeParams }, async ({ params, principal }) => {
  requireStoreAccess(principal, params.storeId);
  return { body: await allocateStoreStock({ storeId: params.storeId, actor: actorOf(principal), now: new Date() }) };
});
