/** POST /v1/homes/{homeId}/requests — a home (or its store) asks for PPE; an Idempotency-Key makes retries safe. */
import { getHomeRecord } from '../data/registry-repository.ts';
import { httpHandler } from '../http/http-handler.ts';
import { idempotentResult, readIdempotencyKey } from '../http/idempotency.ts';
import { precheckHomeAccess, requireHomeAccess } from '../http/tenancy.ts';
import { actorOf } from '../requests/request-access.ts';
import { submitRequest } from '../requests/submit-request.ts';
import { homeParams } from '../schemas/registry.ts';
import { requestSubmission } from '../schemas/requests.ts';

const ROUTE = 'POST /v1/homes/{homeId}/requests';

export const handler = httpHandler({ params: homeParams, body: requestSubmission }, async ({ params, body, principal, headers, context }) => {
  const key = readIdempotencyKey(headers);
  // A store acting for a home must serve it: known only from the home's profile, read once and passed on.
  const needsStore = precheckHomeAccess(principal, params.homeId) === 'needs-store';
  const home = needsStore ? await getHomeRecord(params.homeId) : undefined;
  if (needsStore) requireHomeAccess(principal, params.homeId, home?.storeId);
  const path = `/v1/homes/${params.homeId}/requests`;
  return idempotentResult({ key, principal, route: ROUTE, path, body, context }, async () => {
    const request = await submitRequest({ homeId: params.homeId, submission: body, actor: actorOf(principal), home, now: new Date() });
    return { status: 201, body: request, headers: { location: `/v1/requests/${request.requestId}` } };
  });
});
