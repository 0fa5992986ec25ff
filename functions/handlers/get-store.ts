/** GET /v1/stores/{storeId} — a store reads itself; administrators read any. */
import { getStore } from '../data/registry-repository.ts';
import { httpHandler } from '../http/http-handler.ts';
import { notFound } from '../http/problem.ts';
import { requireStoreAccess } from '../http/tenancy.ts';
import { storeParams } from '../schemas/registry.ts';

export const handler = httpHandler({ params: storeParams }, async ({ params, principal }) => {
  requireStoreAccess(principal, params.storeId);
  const store = await getStore(params.storeId);
  if (!store) throw notFound(`No store "${params.storeId}".`);
  return { body: store };
});
