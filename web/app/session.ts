/**
 * The signed-in session: an access token in sessionStorage (this tab only, gone when it closes),
 * got from the local sign-in route or from Cognito's hosted UI with the code flow and PKCE.
 */
import {
  authorizeUrl,
  isExpired,
  logoutUrl,
  needsRefresh,
  pkceChallenge,
  randomVerifier,
  readCallback,
  readClaims,
  refreshRequestBody,
  tokenRequestBody,
  type CognitoConfig,
  type Org,
} from '../model/sign-in.ts';
import { english, type Translator } from '../i18n/translate.ts';
import type { PageConfig } from './config.ts';

const TOKEN = 'carestock.accessToken';
/** Cognito's refresh token (30 days by default), so a page left open all day stays signed in. */
const REFRESH = 'carestock.refreshToken';
const VERIFIER = 'carestock.pkceVerifier';
const STATE = 'carestock.pkceState';

export interface Session {
  token: string;
  org: Org;
  scopes: string[];
  name: string | null;
}

export function currentSession(): Session | null {
  const token = sessionStorage.getItem(TOKEN);
  if (!token) return null;
  const claims = readClaims(token);
  if (!claims.org || isExpired(claims, Date.now())) {
    sessionStorage.removeItem(TOKEN);
    return null;
  }
  return { token, org: claims.org, scopes: claims.scopes, name: claims.name };
}

function remember(token: string, m: Translator = english): Session {
  const claims = readClaims(token);
  if (!claims.org) throw new Error(m.t('session.noOrg'));
  sessionStorage.setItem(TOKEN, token);
  return { token, org: claims.org, scopes: claims.scopes, name: claims.name };
}

/** Signs in as a member of the local directory: the token carries their membership's org, role and scopes. */
export async function localSignIn(path: string, email: string, m: Translator): Promise<Session> {
  const response = await fetch(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email }) });
  if (!response.ok) {
    const problem = (await response.json().catch(() => null)) as { detail?: string } | null;
    throw new Error(problem?.detail ?? m.t('session.localFailed', { status: String(response.status) }));
  }
  const { accessToken } = (await response.json()) as { accessToken: string };
  return remember(accessToken, m);
}

function cognitoConfig(config: Extract<PageConfig, { mode: 'cognito' }>): CognitoConfig {
  return { ...config.cognito, redirectUri: `${location.origin}${location.pathname}` };
}

/** Sends the browser to the hosted UI. */
export async function startCognitoSignIn(config: Extract<PageConfig, { mode: 'cognito' }>): Promise<void> {
  const verifier = randomVerifier((bytes) => crypto.getRandomValues(bytes));
  const state = randomVerifier((bytes) => crypto.getRandomValues(bytes)).slice(0, 32);
  sessionStorage.setItem(VERIFIER, verifier);
  sessionStorage.setItem(STATE, state);
  location.assign(authorizeUrl(cognitoConfig(config), state, await pkceChallenge(verifier, crypto.subtle)));
}

/** On the way back from the hosted UI: redeems the code, then takes it out of the address bar. */
export async function completeCognitoSignIn(config: Extract<PageConfig, { mode: 'cognito' }>, m: Translator): Promise<Session | null> {
  const result = readCallback(location.search, sessionStorage.getItem(STATE), m);
  if (result.kind === 'none') return null;
  history.replaceState(null, '', location.pathname);
  const verifier = sessionStorage.getItem(VERIFIER);
  sessionStorage.removeItem(VERIFIER);
  sessionStorage.removeItem(STATE);
  if (result.kind === 'error') throw new Error(result.message);
  if (!verifier) throw new Error(m.t('session.notThisTab'));
  const cognito = cognitoConfig(config);
  const response = await fetch(`${cognito.domain}/oauth2/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: tokenRequestBody(cognito, result.code, verifier),
  });
  if (!response.ok) throw new Error(m.t('session.cognitoRefused', { status: String(response.status) }));
  const { access_token, refresh_token } = (await response.json()) as { access_token: string; refresh_token?: string };
  if (refresh_token) sessionStorage.setItem(REFRESH, refresh_token);
  return remember(access_token, m);
}

/**
 * The access token to call the API with: the current one, or (deployed, close to expiry) a new one
 * from the refresh token. Locally, tokens last 12 hours and there is nothing to refresh.
 */
export async function currentToken(config: PageConfig, session: Session): Promise<string> {
  const token = sessionStorage.getItem(TOKEN) ?? session.token;
  const refreshToken = sessionStorage.getItem(REFRESH);
  if (config.mode !== 'cognito' || !refreshToken || !needsRefresh(readClaims(token), Date.now())) return token;
  const cognito = cognitoConfig(config);
  const response = await fetch(`${cognito.domain}/oauth2/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: refreshRequestBody(cognito, refreshToken),
  });
  if (!response.ok) return token; // the API will answer 401, and the page asks to sign in again
  const { access_token } = (await response.json()) as { access_token: string };
  return remember(access_token).token;
}

export function signOut(config: PageConfig): void {
  sessionStorage.removeItem(TOKEN);
  sessionStorage.removeItem(REFRESH);
  if (config.mode === 'cognito') location.assign(logoutUrl(cognitoConfig(config)));
  else location.reload();
}
