/** PUT /v1/homes/{homeId} — create or replace a home: its store, beds and delivery days (administrators only); a new store moves its open work too. */
import { httpHandler } from '../http/http-handler.ts';
import { authorize } from '../access/authorize.ts';
import { actorOf } from '../access/principal.ts';
import { saveHome } from '../registry/homes.ts';
import { homeInput, homeParams } from '../schemas/registry.ts';

export const handler = httpHandler({ params: homeParams, body: homeInput }, async ({ params, body, principal }) => {
  authorize(principal, 'manage', { kind: 'home', homeId: params.homeId, storeId: body.storeId });
  return { body: await saveHome(params.homeId, body, actorOf(principal), new Date()) };
});
