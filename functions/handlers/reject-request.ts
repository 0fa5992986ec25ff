/** POST /v1/requests/{requestId}/reject — the store rejects a submitted request, with a reason. */
import { guardedRequest } from '../access/resources.ts';
import { httpHandler } from '../http/http-handler.ts';
import { rejectRequest } from '../requests/transition-request.ts';
import { requestParams, requestRejection } from '../schemas/requests.ts';

export const handler = httpHandler({ params: requestParams, body: requestRejection }, async ({ params, body, principal }) => ({
  body: await rejectRequest({ target: guardedRequest(principal, 'decide', params.requestId), reason: body.reason, now: new Date() }),
}));
