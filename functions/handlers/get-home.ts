/** GET /v1/homes/{homeId} — a home reads itself, its store reads it, administrators read any. */
import { getHome } from '../data/registry-repository.ts';
import { httpHandler } from '../http/http-handler.ts';
import { notFound } from '../http/problem.ts';
import { precheckHomeAccess, requireHomeAccess } from '../http/tenancy.ts';
import { homeParams } from '../schemas/registry.ts';

export const handler = httpHandler({ params: homeParams }, async ({ params, principal }) => {
  precheckHomeAccess(principal, params.homeId);
  const home = await getHome(params.homeId);
  requireHomeAccess(principal, params.homeId, home?.storeId);
  if (!home) throw notFound(`No home "${params.homeId}".`);
  return { body: home };
});
