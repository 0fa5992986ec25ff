/** GET /v1/homes/{homeId}/outbreaks — a home's outbreaks, open and ended, newest first. */
import { authorizeHome } from '../access/resources.ts';
import { pageQuery } from '../data/pagination.ts';
import { httpHandler } from '../http/http-handler.ts';
import { readOutbreaks } from '../outbreaks/outbreaks.ts';
import { homeParams } from '../schemas/registry.ts';

export const handler = httpHandler({ params: homeParams, query: pageQuery }, async ({ params, query, principal }) => {
  const home = await authorizeHome(principal, 'read', params.homeId);
  return { body: await readOutbreaks(params.homeId, query, home) };
});
