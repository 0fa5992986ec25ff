/**
 * Tenancy for a request named by its id: an administrator may do anything; the store whose queue
 * it is in may read and act on it; its home may read and cancel it, never approve or reject. A
 * request outside the caller's tenancy is 403 whether or not it exists (only an administrator
 * learns that an id is unknown: 404), so ids cannot be probed.
 */
import { getRequest, type RequestRecord } from '../data/request-repository.ts';
import { formatOrg, type Principal } from '../http/principal.ts';
import { forbidden, notFound } from '../http/problem.ts';

export type RequestIntent = 'read' | 'cancel' | 'decide';

export async function requestFor(principal: Principal, requestId: string, intent: RequestIntent): Promise<RequestRecord> {
  const request = await getRequest(requestId);
  const { org } = principal;
  if (org.kind === 'admin') {
    if (!request) throw notFound(`No request "${requestId}".`);
    return request;
  }
  const allowed =
    request !== undefined &&
    ((org.kind === 'store' && org.id === request.storeId) || (org.kind === 'home' && org.id === request.homeId && intent !== 'decide'));
  if (!allowed) {
    throw forbidden(
      intent === 'decide' && org.kind === 'home'
        ? 'A home may not approve or reject requests; its store decides.'
        : `Your organisation may not access request "${requestId}".`,
    );
  }
  return request;
}

/** Who did it, for a request's history. */
export const actorOf = (principal: Principal) => ({ subject: principal.subject, org: formatOrg(principal.org) });
export type Actor = ReturnType<typeof actorOf>;
