/** PUT /v1/homes/{homeId}/outbreak — a home (or its store) declares an outbreak, or changes the open one. */
import { formatOrg } from '../access/principal.ts';
import { authorizeHome } from '../access/resources.ts';
import { httpHandler } from '../http/http-handler.ts';
import { declareOutbreak } from '../outbreaks/outbreaks.ts';
import { outbreakInput } from '../schemas/outbreaks.ts';
import { homeParams } from '../schemas/registry.ts';

export const handler = httpHandler({ params: homeParams, body: outbreakInput }, async ({ params, body, principal }) => {
  await authorizeHome(principal, 'write', params.homeId);
  return { body: await declareOutbreak(params.homeId, body, formatOrg(principal.org), new Date()) };
});
