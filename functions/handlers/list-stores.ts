/** GET /v1/stores — every store, paginated (administrators only). */
import * as z from 'zod/mini';
import { listStores } from '../data/registry-repository.ts';
import { pageQueryShape } from '../data/pagination.ts';
import { httpHandler } from '../http/http-handler.ts';
import { requireAdmin } from '../http/tenancy.ts';

export const handler = httpHandler({ query: z.strictObject(pageQueryShape) }, async ({ query, principal }) => {
  requireAdmin(principal);
  return { body: await listStores(query) };
});
