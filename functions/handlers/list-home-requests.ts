/** GET /v1/homes/{homeId}/requests — a home's requests, newest first. */
import { authorizeHome } from '../access/resources.ts';
import { httpHandler } from '../http/http-handler.ts';
import { readHomeRequests } from '../requests/read-requests.ts';
import { homeParams } from '../schemas/registry.ts';
import { homeRequestsQuery } from '../schemas/requests.ts';

export const handler = httpHandler({ params: homeParams, query: homeRequestsQuery }, async ({ params, query, principal }) => {
  const home = await authorizeHome(principal, 'read', params.homeId);
  return { body: await readHomeRequests(params.homeId, query, home) };
});
