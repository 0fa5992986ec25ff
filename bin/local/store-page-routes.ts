/**
 * The store page on the local server: the built page at `/`, its `config.json`, and a LOCAL-ONLY
 * sign-in route (`POST /local/sign-in`) that signs a token for an organisation chosen from a list
 * (the demo data's), as Cognito's hosted UI does when deployed. The route exists only here, never
 * in the route table, so the deployed stack cannot have it. Like `npm run token`, it gives a token
 * to anyone who can reach the local server, which listens on 127.0.0.1 unless told otherwise.
 */
import { roleOf, signLocalToken, type LocalSigningKey } from './local-auth.ts';
import { refuseForeignCaller } from './local-origin-guard.ts';
import type { LocalRequest, LocalResponse } from './api-gateway-adapter.ts';
import type { LocalRoute } from './http-server.ts';
import { parseOrg } from '../../functions/access/principal.ts';
import { roleScopes } from '../../functions/scopes.ts';
import { stockRulesFromEnv } from '../../functions/domain/stock-rules.ts';
import { buildStorePageInMemory, storePageSecurityHeaders, type BuiltFile } from '../../lib/store-page-assets.ts';

export const LOCAL_SIGN_IN_PATH = '/local/sign-in';

export interface LocalOrgChoice {
  /** admin, store:<id> or home:<id> */
  org: string;
  label: string;
}

/** Sign-in choices from a list of stores and homes (the demo data's, or a test's). */
export function orgChoices(stores: readonly { storeId: string; name: string }[], homes: readonly { homeId: string; name: string; storeId: string }[]): LocalOrgChoice[] {
  return [
    ...stores.map((s) => ({ org: `store:${s.storeId}`, label: s.name })),
    ...homes.map((h) => ({ org: `home:${h.homeId}`, label: `${h.name} (${stores.find((s) => s.storeId === h.storeId)?.name ?? h.storeId})` })),
    { org: 'admin', label: 'Administrator (every store)' },
  ];
}

/** Builds the page once (about 0.2 s), then answers for it; anything else falls through to the API. */
export async function createStorePageRoutes(orgs: readonly LocalOrgChoice[]): Promise<(context: { signingKey: LocalSigningKey }) => LocalRoute> {
  const files = await buildStorePageInMemory();
  const allowed = new Set(orgs.map((o) => o.org));
  const security = storePageSecurityHeaders([]);
  // The thresholds the local handlers use (same environment), so the page's legend says what the API does.
  const { criticalDays, shortfallDays, staleAfterDays } = stockRulesFromEnv(process.env);
  const config = Buffer.from(
    JSON.stringify({ mode: 'local', apiUrl: '', thresholds: { criticalDays, shortfallDays, staleAfterDays }, localSignIn: { path: LOCAL_SIGN_IN_PATH, orgs } }),
  );

  const file = (built: BuiltFile, cache: string): LocalResponse => ({
    statusCode: 200,
    headers: { 'content-type': built.contentType, 'cache-control': cache, ...security },
    body: built.body.toString('utf8'),
  });

  return ({ signingKey }) =>
    async (request: LocalRequest): Promise<LocalResponse | undefined> => {
      const path = new URL(request.url, 'http://localhost').pathname;
      const method = request.method.toUpperCase();
      if (method === 'POST' && path === LOCAL_SIGN_IN_PATH) return refuseForeignCaller(request) ?? signIn(request, allowed, signingKey);
      if (method !== 'GET' && method !== 'HEAD') return undefined;
      if (path === '/' || path === '/index.html') return file(files.get('/index.html')!, 'no-cache');
      if (path === '/config.json') return file({ contentType: 'application/json', body: config }, 'no-cache');
      const asset = path.startsWith('/assets/') ? files.get(path) : undefined;
      return asset ? file(asset, 'public, max-age=31536000, immutable') : undefined;
    };
}

async function signIn(request: LocalRequest, allowed: ReadonlySet<string>, signingKey: LocalSigningKey): Promise<LocalResponse> {
  let requested: unknown;
  try {
    requested = (JSON.parse(request.body.toString('utf8')) as { org?: unknown }).org;
  } catch {
    requested = undefined;
  }
  const org = typeof requested === 'string' && allowed.has(requested) ? parseOrg(requested) : null;
  if (!org) {
    return {
      statusCode: 400,
      headers: { 'content-type': 'application/problem+json' },
      body: JSON.stringify({ type: 'about:blank', title: 'Bad request', status: 400, detail: 'Choose one of the organisations offered on the sign-in page.' }),
    };
  }
  const expiresIn = 12 * 3600;
  // The role's scopes, as the deployed page gets from Cognito: the page shows each action only to a
  // token that carries its scope (and the API checks it again).
  const accessToken = await signLocalToken(signingKey, { org, scopes: roleScopes[roleOf(org)], ttlSeconds: expiresIn });
  return {
    statusCode: 200,
    headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
    body: JSON.stringify({ accessToken, tokenType: 'Bearer', expiresIn }),
  };
}
