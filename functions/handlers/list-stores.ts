/** GET /v1/stores — every store, paginated (administrators only). */
import { listStores } from '../data/registry-repository.ts';
import { pageQuery } from '../data/pagination.ts';
import { httpHandler } from '../http/http-handler.ts';
import { requireAdmin } from '../http/tenancy.ts';

export const handler = httpHandler({ query: pageQuery }, async ({ query, principal }) => {
  requireAdmin(principal);
  return { body: await listStores(query) };
});
