/**
 * The pure parts of signing in. Deployed: Cognito's hosted UI with the authorization code flow and
 * PKCE (RFC 7636, S256), a public client with no secret. Locally: a form that asks the local-only
 * route for a token. Either way the page ends up with an access token whose `org` claim says who
 * the user works for.
 */
import { english, type Translator } from '../i18n/translate.ts';

export interface CognitoConfig {
  /** e.g. https://carestock-123.auth.eu-west-2.amazoncognito.com */
  domain: string;
  clientId: string;
  /** The page's own URL, registered as a callback on the client. */
  redirectUri: string;
  scopes: string[];
}

export type Org = { kind: 'admin' } | { kind: 'store'; id: string } | { kind: 'home'; id: string } | { kind: 'region'; id: string };

/** 43–128 characters from the unreserved set: here 64 random bytes as base64url (86 characters). */
export function randomVerifier(random: (bytes: Uint8Array) => Uint8Array): string {
  return base64url(random(new Uint8Array(64)));
}

/** The one method of WebCrypto's SubtleCrypto this needs (the browser's, or Node's in tests). */
export interface Digest {
  digest(algorithm: 'SHA-256', data: Uint8Array<ArrayBuffer>): Promise<ArrayBuffer>;
}

export async function pkceChallenge(verifier: string, subtle: Digest): Promise<string> {
  const digest = await subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64url(new Uint8Array(digest));
}

export function base64url(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function authorizeUrl(config: CognitoConfig, state: string, challenge: string): string {
  const query = new URLSearchParams({
    response_type: 'code',
    client_id: config.clientId,
    redirect_uri: config.redirectUri,
    scope: config.scopes.join(' '),
    state,
    code_challenge: challenge,
    code_challenge_method: 'S256',
  });
  return `${config.domain}/oauth2/authorize?${query}`;
}

/** The form body of the token request that redeems the code (no client secret: a public client). */
export function tokenRequestBody(config: CognitoConfig, code: string, verifier: string): string {
  return new URLSearchParams({
    grant_type: 'authorization_code',
    client_id: config.clientId,
    code,
    redirect_uri: config.redirectUri,
    code_verifier: verifier,
  }).toString();
}

/** The form body that trades the refresh token for a new access token (public client: no secret). */
export function refreshRequestBody(config: CognitoConfig, refreshToken: string): string {
  return new URLSearchParams({ grant_type: 'refresh_token', client_id: config.clientId, refresh_token: refreshToken }).toString();
}

/** Refresh a few minutes early, so a refresh of the page's data never meets an expired token. */
export function needsRefresh(claims: TokenClaims, nowMs: number, marginMs = 5 * 60_000): boolean {
  return claims.exp === null || claims.exp * 1000 - marginMs <= nowMs;
}

export function logoutUrl(config: CognitoConfig): string {
  return `${config.domain}/logout?${new URLSearchParams({ client_id: config.clientId, logout_uri: config.redirectUri })}`;
}

export type CallbackResult = { kind: 'none' } | { kind: 'error'; message: string } | { kind: 'code'; code: string };

/** What Cognito sent back on the redirect, checked against the state this tab sent. */
export function readCallback(search: string, expectedState: string | null, m: Translator = english): CallbackResult {
  const query = new URLSearchParams(search);
  const error = query.get('error');
  if (error) return { kind: 'error', message: query.get('error_description') ?? error };
  const code = query.get('code');
  if (!code) return { kind: 'none' };
  if (!expectedState || query.get('state') !== expectedState) {
    return { kind: 'error', message: m.t('session.stateMismatch') };
  }
  return { kind: 'code', code };
}

export interface TokenClaims {
  org: Org | null;
  /** Seconds since the epoch. */
  exp: number | null;
  scopes: string[];
  /** The signed-in person's name, where the token carries one (to prefill "received by"). */
  name: string | null;
}

/**
 * Reads an access token's claims to choose the view. Not a check: the API verifies every token;
 * the page only needs to know which organisation's page to show.
 */
export function readClaims(token: string): TokenClaims {
  const payload = token.split('.')[1];
  if (!payload) return { org: null, exp: null, scopes: [], name: null };
  try {
    const json = decodeBase64url(payload);
    const claims = JSON.parse(json) as Record<string, unknown>;
    return {
      org: parseOrg(claims.org),
      exp: typeof claims.exp === 'number' ? claims.exp : null,
      scopes: typeof claims.scope === 'string' ? claims.scope.split(' ').filter(Boolean) : [],
      name: firstText(claims.name, claims.username, claims['cognito:username']),
    };
  } catch {
    return { org: null, exp: null, scopes: [], name: null };
  }
}

function firstText(...values: unknown[]): string | null {
  return (values.find((v) => typeof v === 'string' && v.trim() !== '') as string | undefined) ?? null;
}

export function parseOrg(value: unknown): Org | null {
  if (value === 'admin') return { kind: 'admin' };
  if (typeof value !== 'string') return null;
  const match = /^(store|home|region):([a-z0-9][a-z0-9-]{0,62})$/.exec(value);
  return match ? { kind: match[1] as 'store' | 'home' | 'region', id: match[2]! } : null;
}

/** A token within a minute of expiry counts as expired: a refresh must not fail half-way. */
export function isExpired(claims: TokenClaims, nowMs: number): boolean {
  return claims.exp === null || claims.exp * 1000 - 60_000 <= nowMs;
}

function decodeBase64url(text: string): string {
  const base64 = text.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(text.length / 4) * 4, '=');
  const binary = atob(base64);
  return new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
}
