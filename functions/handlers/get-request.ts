/** GET /v1/requests/{requestId} — a request, read by its home, its store or an administrator. */
import { httpHandler } from '../http/http-handler.ts';
import { readRequest } from '../requests/read-requests.ts';
import { requestParams } from '../schemas/requests.ts';

export const handler = httpHandler({ params: requestParams }, async ({ params, principal }) => ({
  body: await readRequest(principal, params.requestId),
}));
