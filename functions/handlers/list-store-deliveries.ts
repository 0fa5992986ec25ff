/** GET /v1/stores/{storeId}/deliveries?date= — the driver's manifest for a date (default today in the store's zone). */
import { authorizeStore } from '../access/resources.ts';
import { readManifest } from '../deliveries/read-deliveries.ts';
import { httpHandler } from '../http/http-handler.ts';
import { manifestQuery } from '../schemas/deliveries.ts';
import { storeParams } from '../schemas/registry.ts';

export const handler = httpHandler({ params: storeParams, query: manifestQuery }, async ({ params, query, principal }) => {
  await authorizeStore(principal, 'read', params.storeId);
  return { body: await readManifest(params.storeId, query.date, new Date()) };
});
