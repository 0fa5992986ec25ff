/** GET /v1/stores/{storeId}/shortfalls?date= — a store's shortfall records for a date (default today), a page at a time. */
import { httpHandler } from '../http/http-handler.ts';
import { authorizeStore } from '../access/resources.ts';
import { storeParams } from '../schemas/registry.ts';
import { shortfallQuery } from '../schemas/shortfalls.ts';
import { readShortfalls } from '../shortfalls/read-shortfalls.ts';

export const handler = httpHandler({ params: storeParams, query: shortfallQuery }, async ({ params, query, principal }) => {
  await authorizeStore(principal, 'read', params.storeId);
  return { body: await readShortfalls(params.storeId, query, new Date()) };
});
