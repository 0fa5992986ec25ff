/**
 * Memberships through the API: invitations are idempotent per organisation, one email belongs to
 * one organisation, bad input (and escalation) is refused with nothing written, removal and role
 * changes behave, and the local sign-in signs a person in as their membership says.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { AdminCreateUserCommand, AdminDisableUserCommand, AdminGetUserCommand, CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { CognitoDirectory } from '../../functions/members/cognito-directory.ts';
import { createStorePageRoutes, LOCAL_SIGN_IN_PATH, memberChoices } from '../../bin/local/store-page-routes.ts';
import { useTestApi } from '../support/test-api.ts';

const api = useTestApi();
let admin: string;
let homeManager: string;

beforeAll(async () => {
  admin = await api().token('admin');
  homeManager = await api().token('home:h1', undefined, 'manager');
  await api().request('PUT', '/v1/stores/s1', { token: admin, body: { name: 'Store one', capacityPerDay: 2 } });
  await api().request('PUT', '/v1/stores/s2', { token: admin, body: { name: 'Store two', capacityPerDay: 2 } });
  await api().request('PUT', '/v1/homes/h1', { token: admin, body: { name: 'Home one', storeId: 's1', beds: 20, deliveryDays: ['MON'] } });
});

async function expectRefusedAndNothingWritten(method: string, path: string, token: string, body: unknown, status: number) {
  const before = await api().tableItems();
  const response = await api().request(method, path, { token, body });
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toBe('application/problem+json');
  expect(await api().tableItems()).toEqual(before);
  return response.body;
}

describe('inviting', () => {
  it('is idempotent per organisation: the same email (however typed) twice → the same member, written once', async () => {
    const first = await api().request('POST', '/v1/homes/h1/members', { token: homeManager, body: { email: 'Nia.Evans@Example.org', name: 'Nia Evans', role: 'staff' } });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ email: 'nia.evans@example.org', name: 'Nia Evans', org: 'home:h1', role: 'staff', status: 'active', kind: 'person' });
    const before = await api().tableItems();
    const again = await api().request('POST', '/v1/homes/h1/members', { token: homeManager, body: { email: ' nia.evans@example.org ', name: 'Nia Evans', role: 'staff' } });
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect(await api().tableItems()).toEqual(before);
    const listed = await api().request('GET', '/v1/homes/h1/members', { token: homeManager });
    expect(listed.body.items.filter((m: { email: string }) => m.email === 'nia.evans@example.org')).toHaveLength(1);
  });

  it('one email, one organisation: the same email into another organisation → 409 naming the existing one, nothing written', async () => {
    await api().request('POST', '/v1/stores/s1/members', { token: admin, body: { email: 'owen@example.org', name: 'Owen', role: 'manager' } });
    const problem = await expectRefusedAndNothingWritten('POST', '/v1/stores/s2/members', admin, { email: 'owen@example.org', name: 'Owen', role: 'staff' }, 409);
    expect(problem.detail).toContain('store:s1');
  });

  it('a home that does not exist → 404 for an administrator, 403 for a store (no probing)', async () => {
    await expectRefusedAndNothingWritten('POST', '/v1/homes/nowhere/members', admin, { email: 'x@example.org', name: 'X', role: 'staff' }, 404);
    await expectRefusedAndNothingWritten('POST', '/v1/homes/nowhere/members', await api().token('store:s1'), { email: 'x@example.org', name: 'X', role: 'staff' }, 403);
  });
});

describe('bad input is refused with problem+json and nothing written', () => {
  const valid = { email: 'new.person@example.org', name: 'New Person', role: 'staff' };
  it.each([
    ['malformed email', { ...valid, email: 'not-an-email' }, '/email'],
    ['email with a space inside', { ...valid, email: 'new person@example.org' }, '/email'],
    ['unknown role', { ...valid, role: 'owner' }, '/role'],
    ['role admin (an org, not a role)', { ...valid, role: 'admin' }, '/role'],
    ['unknown field', { ...valid, colour: 'blue' }, '/colour'],
    ['an org in the body (escalation)', { ...valid, org: 'admin' }, '/org'],
    ['blank name', { ...valid, name: '  ' }, '/name'],
    ['missing email', { name: 'N', role: 'staff' }, '/email'],
  ])('POST /v1/homes/h1/members: %s → 400 at %s', async (_case, body, path) => {
    const problem = await expectRefusedAndNothingWritten('POST', '/v1/homes/h1/members', homeManager, body, 400);
    expect(problem.errors).toEqual(expect.arrayContaining([expect.objectContaining({ in: 'body', path })]));
  });

  it('a home manager making an administrator → 403', async () => {
    await expectRefusedAndNothingWritten('POST', '/v1/admin/members', homeManager, { ...valid, role: 'manager' }, 403);
  });

  it('a home manager making a member of their store → 403', async () => {
    await expectRefusedAndNothingWritten('POST', '/v1/stores/s1/members', homeManager, { ...valid, role: 'staff' }, 403);
  });

  it('PATCH with an org, an unknown role, or nothing → 400', async () => {
    const member = await api().request('POST', '/v1/homes/h1/members', { token: homeManager, body: { email: 'patch.me@example.org', name: 'Patch', role: 'staff' } });
    const path = `/v1/members/${member.body.memberId}`;
    await expectRefusedAndNothingWritten('PATCH', path, homeManager, { org: 'admin' }, 400);
    await expectRefusedAndNothingWritten('PATCH', path, homeManager, { role: 'admin' }, 400);
    await expectRefusedAndNothingWritten('PATCH', path, homeManager, {}, 400);
    await expectRefusedAndNothingWritten('PATCH', '/v1/members/Not_An_Id', homeManager, { role: 'staff' }, 400);
  });
});

describe('changing and removing', () => {
  it('removes a member once; removing again answers 200 with the removed member; they leave the list; the email may join elsewhere', async () => {
    const invited = await api().request('POST', '/v1/homes/h1/members', { token: homeManager, body: { email: 'mover@example.org', name: 'Mover', role: 'staff' } });
    const path = `/v1/members/${invited.body.memberId}`;
    const removed = await api().request('DELETE', path, { token: homeManager });
    expect(removed.status).toBe(200);
    expect(removed.body.status).toBe('removed');
    expect((await api().request('DELETE', path, { token: homeManager })).body).toEqual(removed.body);
    const list = await api().request('GET', '/v1/homes/h1/members', { token: homeManager });
    expect(list.body.items.map((m: { memberId: string }) => m.memberId)).not.toContain(invited.body.memberId);
    expect((await api().request('PATCH', path, { token: homeManager, body: { role: 'manager' } })).status).toBe(409);
    const elsewhere = await api().request('POST', '/v1/stores/s2/members', { token: admin, body: { email: 'mover@example.org', name: 'Mover', role: 'staff' } });
    expect(elsewhere.status).toBe(201);
    expect(elsewhere.body.memberId).not.toBe(invited.body.memberId);
  });

  it('a member unknown to everyone: 404 for an administrator, 403 for anyone else', async () => {
    expect((await api().request('DELETE', '/v1/members/no-such-member', { token: admin })).status).toBe(404);
    expect((await api().request('DELETE', '/v1/members/no-such-member', { token: homeManager })).status).toBe(403);
  });
});

describe('local sign-in as a member of the local directory', () => {
  it('signs a member in with their org, role and role scopes; a removed member is refused', async () => {
    const invited = await api().request('POST', '/v1/homes/h1/members', { token: homeManager, body: { email: 'local.staff@example.org', name: 'Local Staff', role: 'staff' } });
    const routes = (await createStorePageRoutes(memberChoices([], [], [])))({ signingKey: api().system.signingKey, dataDir: api().system.dataDir });
    const signIn = (email: string) => routes({ method: 'POST', url: LOCAL_SIGN_IN_PATH, headers: { 'content-type': 'application/json', host: '127.0.0.1' }, body: Buffer.from(JSON.stringify({ email })) });
    const answer = await signIn('local.staff@example.org');
    expect(answer!.statusCode).toBe(200);
    const token = JSON.parse(answer!.body).accessToken as string;
    const claims = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString());
    expect(claims).toMatchObject({ org: 'home:h1', role: 'staff', scope: 'carestock/read carestock/stock.write carestock/requests.write' });
    // The token works where a home's staff may go, and not for managing members.
    expect((await api().request('GET', '/v1/homes/h1/stock', { token })).status).toBe(200);
    expect((await api().request('GET', '/v1/homes/h1/members', { token })).status).toBe(403);
    await api().request('DELETE', `/v1/members/${invited.body.memberId}`, { token: homeManager });
    expect((await signIn('local.staff@example.org'))!.statusCode).toBe(403);
    expect((await signIn('never.invited@example.org'))!.statusCode).toBe(403);
  });
});

describe('the Cognito directory (the SDK mocked: fault injection only)', () => {
  it('invites with Cognito’s own email and no custom attribute; a retry finds the existing user; throttling → 503', async () => {
    const cognito = mockClient(CognitoIdentityProviderClient);
    try {
      const directory = new CognitoDirectory('eu-west-2_TEST', new CognitoIdentityProviderClient({ region: 'eu-west-2' }));
      cognito.on(AdminCreateUserCommand).resolves({ User: { Username: 'sub-1', Attributes: [{ Name: 'sub', Value: 'sub-1' }] } });
      expect(await directory.invite({ email: 'a@example.org', name: 'A' })).toBe('sub-1');
      const sent = cognito.commandCalls(AdminCreateUserCommand)[0]!.args[0].input;
      expect(sent.DesiredDeliveryMediums).toEqual(['EMAIL']);
      expect(sent.UserAttributes!.map((a) => a.Name).filter((n) => n!.startsWith('custom:'))).toEqual([]);

      cognito.on(AdminCreateUserCommand).rejects(Object.assign(new Error('exists'), { name: 'UsernameExistsException' }));
      cognito.on(AdminGetUserCommand).resolves({ Username: 'sub-2', Enabled: true, UserAttributes: [{ Name: 'sub', Value: 'sub-2' }] });
      expect(await directory.invite({ email: 'b@example.org', name: 'B' })).toBe('sub-2');

      cognito.on(AdminDisableUserCommand).rejects(Object.assign(new Error('slow down'), { name: 'TooManyRequestsException' }));
      await expect(directory.disable('sub-2')).rejects.toMatchObject({ status: 503 });
    } finally {
      cognito.restore();
    }
  });
});
