/** GET /v1/stores/{storeId}/deliveries?date= — the driver's manifest for a date (default today in the store's zone). */
import { readManifest } from '../deliveries/read-deliveries.ts';
import { httpHandler } from '../http/http-handler.ts';
import { manifestQuery } from '../schemas/deliveries.ts';
import { storeParams } from '../schemas/registry.ts';

export const handler = httpHandler({ params: storeParams, query: manifestQuery }, async ({ params, query, principal }) => ({
  body: await readManifest(principal, params.storeId, query.date, new Date()),
}));
