/** GET /v1/stores/{storeId}/homes — the homes a store serves, by homeId, paginated. */
import * as z from 'zod/mini';
import { listStoreHomes } from '../data/registry-repository.ts';
import { pageQueryShape } from '../data/pagination.ts';
import { httpHandler } from '../http/http-handler.ts';
import { requireStoreAccess } from '../http/tenancy.ts';
import { storeParams } from '../schemas/registry.ts';

export const handler = httpHandler(
  { params: storeParams, query: z.strictObject(pageQueryShape) },
  async ({ params, query, principal }) => {
    requireStoreAccess(principal, params.storeId);
    return { body: await listStoreHomes(params.storeId, query) };
  },
);
