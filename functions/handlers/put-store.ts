/** PUT /v1/stores/{storeId} — create or replace a store and its delivery settings (administrators only). */
import { httpHandler } from '../http/http-handler.ts';
import { authorize } from '../access/authorize.ts';
import { saveStore } from '../registry/stores.ts';
import { storeInput, storeParams } from '../schemas/registry.ts';

export const handler = httpHandler({ params: storeParams, body: storeInput }, async ({ params, body, principal }) => {
  authorize(principal, 'manage', { kind: 'store', storeId: params.storeId });
  return { body: await saveStore(params.storeId, body, new Date()) };
});
