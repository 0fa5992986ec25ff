/**
 * The pre-token-generation trigger, invoked with Cognito's v3 event shapes against DynamoDB Local.
 * Memberships are made through the API (a manager's invitation) and, for a machine client, written
 * as the stack's deploy-time custom resource writes them. Expected scopes are written out here by
 * hand from the README's role table, not read from functions/scopes.ts.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { handler, type PreTokenGenerationV3Event } from '../../functions/handlers/pre-token-generation.ts';
import { machineMemberItems } from '../../functions/data/member-items.ts';
import { parseOrg } from '../../functions/access/principal.ts';
import { signLocalToken } from '../../bin/local/local-auth.ts';
import { useTestApi } from '../support/test-api.ts';

const api = useTestApi();

/** A v3 event as Cognito sends it for a person's sign-in (hosted UI / managed login) or refresh. */
function userEvent(subject: string, scopes: string[], userAttributes: Record<string, string> = {}, triggerSource = 'TokenGeneration_HostedAuth'): PreTokenGenerationV3Event {
  return {
    version: '3',
    triggerSource,
    region: 'eu-west-2',
    userPoolId: 'eu-west-2_TEST',
    userName: subject,
    callerContext: { awsSdkVersion: 'aws-sdk-unknown-unknown', clientId: 'web-client-id' },
    request: {
      userAttributes: { sub: subject, 'cognito:user_status': 'CONFIRMED', email_verified: 'true', email: 'someone@example.org', ...userAttributes },
      groupConfiguration: { groupsToOverride: [], iamRolesToOverride: [], preferredRole: null },
      scopes,
    },
    response: { claimsAndScopeOverrideDetails: null },
  } as PreTokenGenerationV3Event;
}

/** A v3 event for the client-credentials grant: no user, only the client. */
function machineEvent(clientId: string, scopes: string[]): PreTokenGenerationV3Event {
  return {
    version: '3',
    triggerSource: 'TokenGeneration_ClientCredentials',
    region: 'eu-west-2',
    userPoolId: 'eu-west-2_TEST',
    userName: null,
    callerContext: { awsSdkVersion: 'aws-sdk-unknown-unknown', clientId },
    request: { userAttributes: {}, groupConfiguration: { groupsToOverride: [], iamRolesToOverride: [], preferredRole: null }, scopes },
    response: { claimsAndScopeOverrideDetails: null },
  } as unknown as PreTokenGenerationV3Event;
}

/** What Cognito puts in the access token: the requested scopes, less the suppressed, plus the added. */
function tokenOf(result: PreTokenGenerationV3Event, requested: string[]) {
  const access = result.response.claimsAndScopeOverrideDetails?.accessTokenGeneration;
  const scopes = new Set(requested.filter((s) => !access?.scopesToSuppress.includes(s)));
  for (const s of access?.scopesToAdd ?? []) scopes.add(s);
  return { claims: access?.claimsToAddOrOverride ?? {}, scopes: [...scopes].sort() };
}

const HOME_STAFF = ['carestock/read', 'carestock/requests.write', 'carestock/stock.write'];
const STORE_STAFF = ['carestock/deliveries.schedule', 'carestock/read', 'carestock/requests.approve', 'carestock/requests.write', 'carestock/stock.write'];
const ATTACK_SCOPES = ['openid', 'carestock/admin', 'carestock/members.manage', 'aws.cognito.signin.user.admin'];

let homeStaffSubject = '';
let homeStaffMemberId = '';

async function subjectOfMember(memberId: string): Promise<string> {
  const item = (await api().tableItems()).find((i) => i.entity === 'Member' && i.memberId === memberId);
  return String(item!.subject);
}

beforeAll(async () => {
  const admin = await api().token('admin');
  await api().request('PUT', '/v1/stores/s1', { token: admin, body: { name: 'Store one', capacityPerDay: 2 } });
  await api().request('PUT', '/v1/homes/h1', { token: admin, body: { name: 'Home one', storeId: 's1', beds: 20, deliveryDays: ['MON'] } });
  // Invited by the home's own manager, as in real life.
  const manager = await api().token('home:h1', undefined, 'manager');
  const invited = await api().request('POST', '/v1/homes/h1/members', { token: manager, body: { email: 'carer@example.org', name: 'A. Carer', role: 'staff' } });
  expect(invited.status).toBe(201);
  homeStaffMemberId = invited.body.memberId;
  homeStaffSubject = await subjectOfMember(homeStaffMemberId);
});

describe('pre-token-generation trigger (v3, DynamoDB Local)', () => {
  it('gives a member their org, role and exactly their role’s scopes, even when the client asked for carestock/admin', async () => {
    const requested = ['openid', 'carestock/admin', 'carestock/read'];
    const token = tokenOf(await handler(userEvent(homeStaffSubject, requested)), requested);
    expect(token.claims).toEqual({ org: 'home:h1', role: 'staff' });
    expect(token.scopes).toEqual(['openid', ...HOME_STAFF].sort());
  });

  it('reads the membership, not the attributes: attributes claiming admin, membership home:h1 → home:h1', async () => {
    const requested = ['openid', 'carestock/admin'];
    const event = userEvent(homeStaffSubject, requested, { 'custom:org': 'admin', org: 'admin', role: 'manager' });
    const token = tokenOf(await handler(event), requested);
    expect(token.claims).toEqual({ org: 'home:h1', role: 'staff' });
    expect(token.scopes).not.toContain('carestock/admin');
  });

  it('the original attack fails: custom:org=admin, SRP admin scope and carestock/admin asked for → a home staff token the API refuses for admin routes', async () => {
    // 1. The attacker has set custom:org=admin on themselves and signs in asking for every scope.
    const event = userEvent(homeStaffSubject, ATTACK_SCOPES, { 'custom:org': 'admin' }, 'TokenGeneration_Authentication');
    const token = tokenOf(await handler(event), ATTACK_SCOPES);
    expect(token.claims.org).toBe('home:h1');
    expect(token.scopes).toEqual(['openid', ...HOME_STAFF].sort());
    expect(token.scopes).not.toContain('aws.cognito.signin.user.admin');
    // 2. The token Cognito would issue, presented to the API: every store's data stays closed.
    const bearer = await signLocalToken(api().system.signingKey, { org: parseOrg(token.claims.org)!, role: 'staff', scopes: token.scopes });
    expect((await api().request('GET', '/v1/stores', { token: bearer })).status).toBe(403);
    expect((await api().request('GET', '/v1/stores/s1', { token: bearer })).status).toBe(403);
    expect((await api().request('PUT', '/v1/stores/s1', { token: bearer, body: { name: 'Mine now', capacityPerDay: 9 } })).status).toBe(403);
    expect((await api().request('POST', '/v1/admin/members', { token: bearer, body: { email: 'me2@example.org', name: 'Me', role: 'manager' } })).status).toBe(403);
    expect((await api().request('GET', '/v1/homes/h1', { token: bearer })).status).toBe(200);
  });

  it('gives a person with no membership no org and no Carestock scope', async () => {
    const requested = ['openid', 'carestock/read', 'carestock/admin'];
    const token = tokenOf(await handler(userEvent('00000000-0000-4000-8000-00000000dead', requested)), requested);
    expect(token.claims).toEqual({});
    expect(token.scopes).toEqual(['openid']);
  });

  it('follows a role change on the next token', async () => {
    const admin = await api().token('admin');
    const invited = await api().request('POST', '/v1/homes/h1/members', { token: admin, body: { email: 'promoted@example.org', name: 'P. Romoted', role: 'staff' } });
    const subject = await subjectOfMember(invited.body.memberId);
    expect((await api().request('PATCH', `/v1/members/${invited.body.memberId}`, { token: admin, body: { role: 'manager' } })).status).toBe(200);
    const token = tokenOf(await handler(userEvent(subject, ['openid'])), ['openid']);
    expect(token.claims).toEqual({ org: 'home:h1', role: 'manager' });
    expect(token.scopes).toEqual(['openid', ...HOME_STAFF, 'carestock/members.manage', 'carestock/webhooks.manage'].sort());
  });

  it('gives a removed member no org and no scopes on their next token (refresh)', async () => {
    const manager = await api().token('home:h1', undefined, 'manager');
    const invited = await api().request('POST', '/v1/homes/h1/members', { token: manager, body: { email: 'leaver@example.org', name: 'L. Eaver', role: 'staff' } });
    const subject = await subjectOfMember(invited.body.memberId);
    const before = tokenOf(await handler(userEvent(subject, ['openid'], {}, 'TokenGeneration_RefreshTokens')), ['openid']);
    expect(before.claims.org).toBe('home:h1');
    const removed = await api().request('DELETE', `/v1/members/${invited.body.memberId}`, { token: manager });
    expect(removed.status).toBe(200);
    expect(removed.body.status).toBe('removed');
    const after = tokenOf(await handler(userEvent(subject, ['openid', 'carestock/read'], {}, 'TokenGeneration_RefreshTokens')), ['openid', 'carestock/read']);
    expect(after.claims).toEqual({});
    expect(after.scopes).toEqual(['openid']);
  });

  it('gives a machine client (client credentials) the org and staff scopes of its membership, whatever it asked for', async () => {
    const now = new Date().toISOString();
    const items = machineMemberItems(
      { memberId: 'machine-s1', kind: 'machine', name: 's1 (store system)', org: 'store:s1', role: 'staff', status: 'active', createdAt: now, updatedAt: now },
      'machine-client-s1',
    );
    const raw = DynamoDBDocumentClient.from((await import('../../functions/data/dynamodb-client.ts')).dynamodbClient);
    for (const item of items) await raw.send(new PutCommand({ TableName: api().system.tableName, Item: item }));
    const requested = ['carestock/admin', 'carestock/members.manage'];
    const token = tokenOf(await handler(machineEvent('machine-client-s1', requested)), requested);
    expect(token.claims).toEqual({ org: 'store:s1', role: 'staff' });
    expect(token.scopes).toEqual(STORE_STAFF);
    // An unknown client gets nothing.
    const unknown = tokenOf(await handler(machineEvent('some-other-client', ['carestock/read'])), ['carestock/read']);
    expect(unknown).toEqual({ claims: {}, scopes: [] });
  });

  it('refuses the token (throws) when the table cannot be read, rather than guessing', async () => {
    const faulty = mockClient(DynamoDBDocumentClient);
    try {
      faulty.rejects(Object.assign(new Error('Throughput exceeds the current capacity'), { name: 'ProvisionedThroughputExceededException' }));
      await expect(handler(userEvent(homeStaffSubject, ['openid', 'carestock/read']))).rejects.toThrow(/throttled/); // classified (data/failures.ts), never a guess
    } finally {
      faulty.restore();
    }
    // And once the table answers again, the same member gets their token.
    expect(tokenOf(await handler(userEvent(homeStaffSubject, ['openid'])), ['openid']).claims).toEqual({ org: 'home:h1', role: 'staff' });
  });
});
