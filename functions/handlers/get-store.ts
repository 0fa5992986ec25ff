/** GET /v1/stores/{storeId} — a store reads itself; administrators read any. */
import { httpHandler } from '../http/http-handler.ts';
import { authorizeStore } from '../access/resources.ts';
import { readStore } from '../registry/stores.ts';
import { storeParams } from '../schemas/registry.ts';

export const handler = httpHandler({ params: storeParams }, async ({ params, principal }) => {
  await authorizeStore(principal, 'read', params.storeId);
  return { body: await readStore(params.storeId) };
});
