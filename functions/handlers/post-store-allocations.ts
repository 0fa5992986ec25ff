/** POST /v1/stores/{storeId}/allocations — allocate the store's stock to its approved requests, fewest days of supply first. */
import { httpHandler } from '../http/http-handler.ts';
import { authorize } from '../access/authorize.ts';
import { allocateStoreStock } from '../requests/allocate-requests.ts';
import { actorOf } from '../access/principal.ts';
import { storeParams } from '../schemas/registry.ts';

export const handler = httpHandler({ params: storeParams }, async ({ params, principal }) => {
  authorize(principal, 'decide', { kind: 'store', storeId: params.storeId });
  return { body: await allocateStoreStock({ storeId: params.storeId, actor: actorOf(principal), now: new Date() }) };
});
