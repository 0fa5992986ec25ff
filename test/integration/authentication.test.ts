/**
 * What the local authorizer checks, as API Gateway's JWT authorizer does: signature, issuer,
 * client, expiry and the organisation claim. Every refusal is 401 problem+json and reaches no
 * handler, so nothing is written.
 */
import { describe, expect, it } from 'vitest';
import { generateKeyPair, SignJWT } from 'jose';

type SigningKey = Parameters<SignJWT['sign']>[0];
import { LOCAL_CLIENT_ID, LOCAL_ISSUER, signLocalToken } from '../../bin/local/local-auth.ts';
import { useTestApi } from '../support/test-api.ts';

const api = useTestApi();
const item = { name: 'Visor', unit: 'visor', packSize: 25 };

async function token(claims: Record<string, unknown>, options: { issuer?: string; expiresIn?: string; key?: SigningKey } = {}) {
  const key = options.key ?? (api().system.signingKey.privateKey as SigningKey);
  return new SignJWT({ org: 'admin', scope: 'carestock/admin carestock/read', client_id: LOCAL_CLIENT_ID, ...claims })
    .setProtectedHeader({ alg: 'ES256', kid: api().system.signingKey.kid })
    .setIssuer(options.issuer ?? LOCAL_ISSUER)
    .setSubject('test')
    .setIssuedAt()
    .setExpirationTime(options.expiresIn ?? '1h')
    .sign(key);
}

async function expectUnauthenticated(authorization: string | undefined) {
  const before = await api().tableItems();
  const headers: Record<string, string> = authorization ? { authorization } : {};
  const response = await api().request('PUT', '/v1/items/VISOR', { headers, body: item });
  expect(response.status).toBe(401);
  expect(response.headers.get('content-type')).toBe('application/problem+json');
  expect(response.headers.get('www-authenticate')).toBe('Bearer');
  expect(await api().tableItems()).toEqual(before);
}

describe('authentication', () => {
  it('accepts a token signed by the local key with the admin scope', async () => {
    const response = await api().request('PUT', '/v1/items/VISOR', { token: await token({}), body: item });
    expect(response.status).toBe(200);
  });

  it('refuses a token signed by another key (a forged signature)', async () => {
    const other = await generateKeyPair('ES256');
    await expectUnauthenticated(`Bearer ${await token({}, { key: other.privateKey })}`);
  });

  it('refuses a token whose payload was altered after signing', async () => {
    const [header, , signature] = (await signLocalToken(api().system.signingKey, { org: { kind: 'home', id: 'h1' } })).split('.');
    const payload = Buffer.from(JSON.stringify({ org: 'admin', scope: 'carestock/admin', client_id: LOCAL_CLIENT_ID, iss: LOCAL_ISSUER, exp: 4102444800 })).toString('base64url');
    await expectUnauthenticated(`Bearer ${header}.${payload}.${signature}`);
  });

  it('refuses an expired token', async () => {
    await expectUnauthenticated(`Bearer ${await token({}, { expiresIn: '-1m' })}`);
  });

  it('refuses a token from another issuer', async () => {
    await expectUnauthenticated(`Bearer ${await token({}, { issuer: 'https://elsewhere.example/issuer' })}`);
  });

  it('refuses a token issued for another client', async () => {
    await expectUnauthenticated(`Bearer ${await token({ client_id: 'someone-else' })}`);
  });

  it.each([['no org claim', { org: undefined }], ['an org that is not one', { org: 'store:' }], ['an unknown kind', { org: 'council:cardiff' }]])(
    'refuses a token with %s',
    async (_case, claims) => {
      await expectUnauthenticated(`Bearer ${await token(claims)}`);
    },
  );

  it('reads the role claim: a manager is refused nothing the organisation may do; an administrator’s staff may not manage the catalogue', async () => {
    const manager = await api().request('PUT', '/v1/items/VISOR', { token: await token({ role: 'manager' }), body: item });
    expect(manager.status).toBe(200);
    const before = await api().tableItems();
    const staff = await api().request('PUT', '/v1/items/VISOR', { token: await token({ role: 'staff' }), body: { ...item, packSize: 50 } });
    expect(staff.status).toBe(403);
    expect(staff.headers.get('content-type')).toBe('application/problem+json');
    expect(await api().tableItems()).toEqual(before);
  });

  it('refuses a token whose role claim is not a role', async () => {
    await expectUnauthenticated(`Bearer ${await token({ role: 'superuser' })}`);
  });

  it.each([['no header', undefined], ['not a bearer token', 'Basic YWRtaW46YWRtaW4='], ['garbage', 'Bearer not.a.jwt']])('refuses %s', async (_case, header) => {
    await expectUnauthenticated(header);
  });
});
