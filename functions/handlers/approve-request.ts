/** POST /v1/requests/{requestId}/approve — the store approves all or part of a submitted request. */
import { guardedRequest } from '../access/resources.ts';
import { httpHandler } from '../http/http-handler.ts';
import { recordBusinessMetrics } from '../observability/business-metrics.ts';
import { approveRequest } from '../requests/transition-request.ts';
import { requestApproval, requestParams } from '../schemas/requests.ts';

export const handler = httpHandler({ params: requestParams, body: requestApproval }, async ({ params, body, principal }) => {
  const approved = await approveRequest({ target: guardedRequest(principal, 'decide', params.requestId), approval: body, now: new Date() });
  recordBusinessMetrics({ requestsApproved: 1 });
  return { body: approved };
});
