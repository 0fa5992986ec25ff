/** GET /v1/homes/{homeId}/request-caps — what the home may ask for in a week, per capped SKU. */
import { authorizeReadHome } from '../access/resources.ts';
import { getHome } from '../data/registry-repository.ts';
import { httpHandler } from '../http/http-handler.ts';
import { notFound } from '../http/problem.ts';
import { readHomeRequestCaps } from '../requests/request-caps.ts';
import { homeParams } from '../schemas/registry.ts';
import { t } from '../i18n/messages.ts';

export const handler = httpHandler({ params: homeParams }, async ({ params, principal }) => {
  const home = await getHome(params.homeId);
  // The profile is both the fact tenancy needs (who serves the home) and the beds the caps multiply.
  await authorizeReadHome(principal, 'read', params.homeId, home?.storeId);
  if (!home) throw notFound(t('notFound.home', { homeId: params.homeId }));
  return { body: await readHomeRequestCaps(home) };
});
