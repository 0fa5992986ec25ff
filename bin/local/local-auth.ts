/**
 * Local stand-in for Cognito + the HTTP API's JWT authorizer. One ES256 signing key lives in the
 * data folder; the token command signs with it and the local server verifies with it, checking
 * what API Gateway checks: signature, issuer, client (audience), expiry, then the route's scope.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, importJWK, jwtVerify, SignJWT, type JWK, type JWTPayload } from 'jose';
import { scopesOf } from '../../functions/scopes.ts';
import { formatOrg, parseOrg, type MemberRole, type Org } from '../../functions/access/principal.ts';
import { ORG_CLAIM, ROLE_CLAIM } from '../../functions/http/principal.ts';
import { DEFAULT_TTL_SECONDS } from './token-options.ts';
import { t } from '../../functions/i18n/messages.ts';

export const LOCAL_ISSUER = 'https://carestock.local/issuer';
export const LOCAL_CLIENT_ID = 'carestock-local-client';
const ALGORITHM = 'ES256';
const KEY_FILE = 'local-signing-key.json';

type KeyLike = Awaited<ReturnType<typeof importJWK>>;
export interface LocalSigningKey {
  privateKey: KeyLike;
  publicKey: KeyLike;
  kid: string;
}

/** Loads the signing key from `directory`, creating it on first use (written atomically). */
export async function loadOrCreateSigningKey(directory: string): Promise<LocalSigningKey> {
  const file = join(directory, KEY_FILE);
  if (!existsSync(file)) {
    mkdirSync(directory, { recursive: true });
    const pair = await generateKeyPair(ALGORITHM, { extractable: true });
    const jwk = { ...(await exportJWK(pair.privateKey)), kid: randomUUID(), alg: ALGORITHM };
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify(jwk), { mode: 0o600 });
    if (!existsSync(file)) renameSync(temporary, file);
  }
  const jwk = JSON.parse(readFileSync(file, 'utf8')) as JWK & { kid: string };
  const { d: _private, ...publicJwk } = jwk;
  return {
    privateKey: (await importJWK(jwk, ALGORITHM)) as KeyLike,
    publicKey: (await importJWK(publicJwk, ALGORITHM)) as KeyLike,
    kid: jwk.kid,
  };
}

export interface TokenRequest {
  org: Org;
  /** The role within the org (default manager); the token gets its scopes unless `scopes` narrows them. */
  role?: MemberRole;
  scopes?: readonly string[];
  subject?: string;
  ttlSeconds?: number;
}

export async function signLocalToken(key: LocalSigningKey, request: TokenRequest): Promise<string> {
  const role = request.role ?? 'manager';
  const scopes = request.scopes ?? (request.org.kind === 'anonymous' ? [] : scopesOf(request.org.kind, role));
  return new SignJWT({
    [ORG_CLAIM]: formatOrg(request.org),
    [ROLE_CLAIM]: role,
    scope: scopes.join(' '),
    client_id: LOCAL_CLIENT_ID,
    token_use: 'access',
  })
    .setProtectedHeader({ alg: ALGORITHM, kid: key.kid })
    .setSubject(request.subject ?? `local-${formatOrg(request.org).replace(':', '-')}`)
    .setIssuer(LOCAL_ISSUER)
    .setIssuedAt()
    .setJti(randomUUID())
    .setExpirationTime(`${request.ttlSeconds ?? DEFAULT_TTL_SECONDS}s`)
    .sign(key.privateKey);
}

export type VerifyResult = { ok: true; claims: JWTPayload & Record<string, unknown>; scopes: string[] } | { ok: false; reason: string };

export async function verifyLocalToken(key: LocalSigningKey, authorization: string | undefined): Promise<VerifyResult> {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
  if (!match) return { ok: false, reason: t('auth.noBearer') };
  try {
    const { payload } = await jwtVerify(match[1]!, key.publicKey, { issuer: LOCAL_ISSUER, algorithms: [ALGORITHM] });
    const audience = payload.client_id ?? payload.aud;
    if (audience !== LOCAL_CLIENT_ID) return { ok: false, reason: t('auth.otherClient') };
    if (!parseOrg(payload[ORG_CLAIM])) return { ok: false, reason: t('auth.noOrgClaim', { claim: ORG_CLAIM }) };
    const scopes = String(payload.scope ?? '').split(' ').filter(Boolean);
    return { ok: true, claims: payload as JWTPayload & Record<string, unknown>, scopes };
  } catch (error) {
    return { ok: false, reason: t('auth.invalidToken', { reason: (error as Error).message }) };
  }
}
