/**
 * The store page on the local server: the built page at `/`, its `config.json`, and a LOCAL-ONLY
 * sign-in route (`POST /local/sign-in`, `{ email }`) that signs in a person of the local directory
 * as Cognito's hosted UI does when deployed: their token's org, role and scopes come from their
 * membership in the table, through the same code as the Cognito trigger (`claimsForSubject`). The
 * route exists only here, never in the route table, so the deployed stack cannot have it. Like
 * `npm run token`, it needs no password: it gives a token to anyone who can reach the local
 * server, which listens on 127.0.0.1 unless told otherwise.
 */
import { refuseForeignCaller } from './local-origin-guard.ts';
import { signLocalToken, type LocalSigningKey } from './local-auth.ts';
import { LocalDirectory } from '../../functions/members/local-directory.ts';
import { claimsForSubject } from '../../functions/members/token-claims.ts';
import type { LocalRequest, LocalResponse } from './api-gateway-adapter.ts';
import type { LocalRoute } from './http-server.ts';
import { parseOrg } from '../../functions/access/principal.ts';
import { HttpProblem, problemResponse } from '../../functions/http/problem.ts';
import { stockRulesFromEnv } from '../../functions/domain/stock-rules.ts';
import { buildStorePageInMemory, storePageSecurityHeaders, type BuiltFile } from '../../lib/store-page-assets.ts';

export const LOCAL_SIGN_IN_PATH = '/local/sign-in';

/** A person the sign-in form offers: a member of the local directory. */
export interface LocalMemberChoice {
  email: string;
  /** e.g. "Cardiff Joint Equipment Store manager" */
  name: string;
  role: 'manager' | 'staff';
  /** admin, store:<id> or home:<id> */
  org: string;
  /** The organisation as people name it. */
  orgLabel: string;
}

/** Sign-in choices from members and the stores and homes they belong to (the demo data's, or a test's). */
export function memberChoices(
  members: readonly { email: string; name: string; role: 'manager' | 'staff'; org: string }[],
  stores: readonly { storeId: string; name: string }[],
  homes: readonly { homeId: string; name: string; storeId: string }[],
): LocalMemberChoice[] {
  const labelOf = (org: string) => {
    const [kind, id] = org.split(':');
    if (kind === 'store') return stores.find((s) => s.storeId === id)?.name ?? id!;
    if (kind === 'home') {
      const home = homes.find((h) => h.homeId === id);
      return home ? `${home.name} (${stores.find((s) => s.storeId === home.storeId)?.name ?? home.storeId})` : id!;
    }
    if (kind === 'region') return `Region ${id} (read only)`;
    return 'Administrator (every store)';
  };
  return members.map((m) => ({ email: m.email, name: m.name, role: m.role, org: m.org, orgLabel: labelOf(m.org) }));
}

/** Builds the page once (about 0.2 s), then answers for it; anything else falls through to the API. */
export async function createStorePageRoutes(members: readonly LocalMemberChoice[]): Promise<(context: { signingKey: LocalSigningKey; dataDir: string }) => LocalRoute> {
  const files = await buildStorePageInMemory();
  const security = storePageSecurityHeaders([]);
  // The thresholds the local handlers use (same environment), so the page's legend says what the API does.
  const { criticalDays, shortfallDays, staleAfterDays } = stockRulesFromEnv(process.env);
  const config = Buffer.from(
    JSON.stringify({ mode: 'local', apiUrl: '', thresholds: { criticalDays, shortfallDays, staleAfterDays }, localSignIn: { path: LOCAL_SIGN_IN_PATH, members } }),
  );

  const file = (built: BuiltFile, cache: string): LocalResponse => ({
    statusCode: 200,
    headers: { 'content-type': built.contentType, 'cache-control': cache, ...security },
    body: built.body.toString('utf8'),
  });

  return ({ signingKey, dataDir }) =>
    async (request: LocalRequest): Promise<LocalResponse | undefined> => {
      const path = new URL(request.url, 'http://localhost').pathname;
      const method = request.method.toUpperCase();
      if (method === 'POST' && path === LOCAL_SIGN_IN_PATH) return refuseForeignCaller(request) ?? signIn(request, new LocalDirectory(dataDir), signingKey);
      if (method !== 'GET' && method !== 'HEAD') return undefined;
      if (path === '/' || path === '/index.html') return file(files.get('/index.html')!, 'no-cache');
      if (path === '/config.json') return file({ contentType: 'application/json', body: config }, 'no-cache');
      const asset = path.startsWith('/assets/') ? files.get(path) : undefined;
      return asset ? file(asset, 'public, max-age=31536000, immutable') : undefined;
    };
}

async function signIn(request: LocalRequest, directory: LocalDirectory, signingKey: LocalSigningKey): Promise<LocalResponse> {
  let requested: unknown;
  try {
    requested = (JSON.parse(request.body.toString('utf8')) as { email?: unknown }).email;
  } catch {
    requested = undefined;
  }
  if (typeof requested !== 'string') return refuse(400, 'Send { "email": "…" }: one of the people offered on the sign-in page.');
  const person = directory.find(requested.trim().toLowerCase());
  if (!person) return refuse(403, 'No one with this email may sign in here (never invited, or removed).');
  // The same decision as the Cognito trigger's: the membership in the table, read by subject.
  const claims = await claimsForSubject(person.subject);
  const org = claims ? parseOrg(claims.org) : null;
  if (!claims || !org) return refuse(403, 'This person is not a member of any organisation (removed?): ask a manager to invite them.');
  const expiresIn = 12 * 3600;
  const accessToken = await signLocalToken(signingKey, { org, role: claims.role, scopes: claims.scopes, subject: person.subject, ttlSeconds: expiresIn });
  return {
    statusCode: 200,
    headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
    body: JSON.stringify({ accessToken, tokenType: 'Bearer', expiresIn }),
  };
}

/** A catalogued problem, as the API answers: 400 names the email field, 403 refuses the person. */
function refuse(status: 400 | 403, detail: string): LocalResponse {
  const problem =
    status === 400
      ? new HttpProblem('validation', detail, { errors: [{ in: 'body', path: '/email', message: detail }] })
      : new HttpProblem('tenant-forbidden', detail);
  return problemResponse(problem);
}
