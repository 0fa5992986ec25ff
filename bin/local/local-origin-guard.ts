/**
 * The guard in front of the local sign-in route, which hands out tokens: only a JSON POST addressed
 * to this machine by name (Host), and, when a browser says where the page came from (Origin), from
 * a page of this same server. A DNS-rebinding page (Host: evil.example) and a cross-site form
 * (text/plain, or another Origin) are refused before anything is signed.
 */
import { HttpProblem, problemResponse } from '../../functions/http/problem.ts';
import type { LocalRequest, LocalResponse } from './api-gateway-adapter.ts';

const LOCAL_HOSTNAMES = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Why the request may not sign in, or undefined when it may. */
export function foreignCallerReason(request: Pick<LocalRequest, 'headers'>): string | undefined {
  const header = (name: string) => {
    const value = request.headers[name];
    return Array.isArray(value) ? value.join(',') : value;
  };
  const contentType = (header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (contentType !== 'application/json') return 'Send the sign-in as application/json.';
  const host = header('host');
  if (!host || !LOCAL_HOSTNAMES.has(hostname(host))) return 'The sign-in is only for this machine: address it as localhost or 127.0.0.1.';
  const origin = header('origin');
  if (origin !== undefined && origin !== `http://${host}`) return 'The sign-in is only for pages served by this local server.';
  return undefined;
}

/** 403 problem for a caller the guard refuses; undefined lets the request through. */
export function refuseForeignCaller(request: Pick<LocalRequest, 'headers'>): LocalResponse | undefined {
  const reason = foreignCallerReason(request);
  if (!reason) return undefined;
  return problemResponse(new HttpProblem('tenant-forbidden', reason));
}

function hostname(host: string): string {
  const bracketed = /^(\[[^\]]*\])(?::\d+)?$/.exec(host);
  if (bracketed) return bracketed[1]!.toLowerCase();
  return host.replace(/:\d+$/, '').toLowerCase();
}
