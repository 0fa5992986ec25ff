/** POST /v1/homes/{homeId}/requests — a home (or its store) asks for PPE; an Idempotency-Key makes retries safe. */
import { actorOf } from '../access/principal.ts';
import { authorizeHome } from '../access/resources.ts';
import { httpHandler } from '../http/http-handler.ts';
import { recordBusinessMetrics } from '../observability/business-metrics.ts';
import { idempotentResult, readIdempotencyKey } from '../http/idempotency.ts';
import { submitRequest } from '../requests/submit-request.ts';
import { homeParams } from '../schemas/registry.ts';
import { requestSubmission } from '../schemas/requests.ts';

const ROUTE = 'POST /v1/homes/{homeId}/requests';

export const handler = httpHandler({ params: homeParams, body: requestSubmission }, async ({ params, body, principal, headers, context }) => {
  const key = readIdempotencyKey(headers);
  const home = await authorizeHome(principal, 'write', params.homeId);
  const path = `/v1/homes/${params.homeId}/requests`;
  return idempotentResult({ key, principal, route: ROUTE, path, body, context }, async () => {
    const request = await submitRequest({ homeId: params.homeId, submission: body, actor: actorOf(principal), home, now: new Date() });
    // Inside the idempotent call: a replayed answer is not counted again.
    recordBusinessMetrics({ requestsSubmitted: 1 });
    return { status: 201, body: request, headers: { location: `/v1/requests/${request.requestId}` } };
  });
});
