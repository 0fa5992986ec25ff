/** DELETE /v1/homes/{homeId}/outbreak — a home (or its store) ends its open outbreak; it stays in the history. */
import { formatOrg } from '../access/principal.ts';
import { authorizeHome } from '../access/resources.ts';
import { httpHandler } from '../http/http-handler.ts';
import { endOutbreak } from '../outbreaks/outbreaks.ts';
import { homeParams } from '../schemas/registry.ts';

export const handler = httpHandler({ params: homeParams }, async ({ params, principal }) => {
  await authorizeHome(principal, 'write', params.homeId);
  return { body: await endOutbreak(params.homeId, formatOrg(principal.org), new Date()) };
});
