/** GET /v1/homes/{homeId} — a home reads itself, its store reads it, administrators read any. */
import { authorizeReadHome } from '../access/resources.ts';
import { getHome } from '../data/registry-repository.ts';
import { httpHandler } from '../http/http-handler.ts';
import { notFound } from '../http/problem.ts';
import { homeParams } from '../schemas/registry.ts';
import { t } from '../i18n/messages.ts';

export const handler = httpHandler({ params: homeParams }, async ({ params, principal }) => {
  const home = await getHome(params.homeId);
  // The profile is the answer and the fact tenancy needs (who serves the home): one read for both.
  await authorizeReadHome(principal, 'read', params.homeId, home?.storeId);
  if (!home) throw notFound(t('notFound.home', { homeId: params.homeId }));
  return { body: home };
});
