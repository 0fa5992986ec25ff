/** GET /v1/stores/{storeId}/request-caps — the store's caps per bed per week. */
import { httpHandler } from '../http/http-handler.ts';
import { authorizeStore } from '../access/resources.ts';
import { readRequestCaps } from '../requests/request-caps.ts';
import { storeParams } from '../schemas/registry.ts';

export const handler = httpHandler({ params: storeParams }, async ({ params, principal }) => {
  await authorizeStore(principal, 'read', params.storeId);
  return { body: await readRequestCaps(params.storeId) };
});
