/** POST /v1/requests/{requestId}/cancel — the home (or its store) cancels a request before dispatch. */
import { guardedRequest } from '../access/resources.ts';
import { httpHandler } from '../http/http-handler.ts';
import { cancelRequest } from '../requests/transition-request.ts';
import { requestParams } from '../schemas/requests.ts';

export const handler = httpHandler({ params: requestParams }, async ({ params, principal }) => ({
  body: await cancelRequest({ target: guardedRequest(principal, 'write', params.requestId), now: new Date() }),
}));
