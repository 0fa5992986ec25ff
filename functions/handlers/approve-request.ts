/** POST /v1/requests/{requestId}/approve — the store approves all or part of a submitted request. */
import { guardedRequest } from '../access/resources.ts';
import { httpHandler } from '../http/http-handler.ts';
import { approveRequest } from '../requests/transition-request.ts';
import { requestApproval, requestParams } from '../schemas/requests.ts';

export const handler = httpHandler({ params: requestParams, body: requestApproval }, async ({ params, body, principal }) => ({
  body: await approveRequest({ target: guardedRequest(principal, 'decide', params.requestId), approval: body, now: new Date() }),
}));
