/** GET /v1/requests/{requestId} — a request, read by its home, its store or an administrator. */
import { authorizedRequest } from '../access/resources.ts';
import { toRequestView } from '../data/request-repository.ts';
import { httpHandler } from '../http/http-handler.ts';
import { notFound } from '../http/problem.ts';
import { requestParams } from '../schemas/requests.ts';
import { t } from '../i18n/messages.ts';

export const handler = httpHandler({ params: requestParams }, async ({ params, principal }) => {
  const request = await authorizedRequest(principal, 'read', params.requestId);
  if (!request) throw notFound(t('notFound.request', { requestId: params.requestId }));
  return { body: toRequestView(request) };
});
