/**
 * GET /v1/stores/{storeId}/homes — the store's morning worklist: the homes it serves, worst status
 * first, each with the positions that drive it; `?status=` keeps one status; `?positions=all` adds
 * every position of each home.
 */
import { httpHandler } from '../http/http-handler.ts';
import { authorizeStore } from '../access/resources.ts';
import { storeParams } from '../schemas/registry.ts';
import { worklistQuery } from '../schemas/stock.ts';
import { storeWorklist } from '../stock/worklist.ts';

export const handler = httpHandler({ params: storeParams, query: worklistQuery }, async ({ params, query, principal }) => {
  await authorizeStore(principal, 'read', params.storeId);
  return { body: await storeWorklist(params.storeId, query, new Date()) };
});
