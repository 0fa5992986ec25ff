/**
 * Membership tenancy: every member route × every kind of caller → the right 2xx or 403, with the
 * table read back after every refusal. Written by hand from the rule (not derived from the code):
 * administrators manage anyone; a store's managers manage the store's members and those of the
 * homes it serves; a home's managers manage their home's; a region's managers their region's (and
 * nobody else: a region reads its stores, it does not decide who works in them); staff manage nobody.
 *
 * Fixtures: store s1 serves home h1; store s2 serves home h2; s1 is in region r1.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { routeKey, routes } from '../../functions/routes.ts';
import { useTestApi } from '../support/test-api.ts';

type Caller = 'admin' | 'storeManager' | 'storeStaff' | 'otherStoreManager' | 'homeManager' | 'homeStaff' | 'otherStoresHomeManager' | 'regionManager' | 'regionStaff';
const callers: Record<Caller, { org: string; role: 'manager' | 'staff' }> = {
  admin: { org: 'admin', role: 'manager' },
  storeManager: { org: 'store:s1', role: 'manager' },
  storeStaff: { org: 'store:s1', role: 'staff' },
  otherStoreManager: { org: 'store:s2', role: 'manager' },
  homeManager: { org: 'home:h1', role: 'manager' },
  homeStaff: { org: 'home:h1', role: 'staff' },
  otherStoresHomeManager: { org: 'home:h2', role: 'manager' },
  regionManager: { org: 'region:r1', role: 'manager' },
  regionStaff: { org: 'region:r1', role: 'staff' },
};
const everyone = Object.keys(callers) as Caller[];

interface Case {
  route: string;
  /** What the call acts on, for the test name. */
  target: string;
  /** A fresh path per call (PATCH and DELETE get a member of their own, made by an administrator). */
  path: () => Promise<string>;
  body?: (caller: Caller) => unknown;
  status: number;
  allowed: Caller[];
}

const api = useTestApi();
const invite = (caller: Caller) => ({ email: `invited-by-${caller.toLowerCase()}-${Math.random().toString(36).slice(2, 8)}@example.org`, name: 'New Person', role: 'staff' });

/** A member of `org`, invited by an administrator, so a PATCH or DELETE has a target of its own. */
async function memberOf(org: string): Promise<string> {
  const admin = await api().token('admin');
  const path = org === 'admin' ? '/v1/admin/members' : `/v1/${org.split(':')[0]}s/${org.split(':')[1]}/members`;
  const created = await api().request('POST', path, { token: admin, body: { email: `target-${Math.random().toString(36).slice(2, 10)}@example.org`, name: 'Target', role: 'staff' } });
  expect(created.status).toBe(201);
  return created.body.memberId;
}

const ADMIN: Caller[] = ['admin'];
const STORE_S1: Caller[] = ['admin', 'storeManager'];
const HOME_H1: Caller[] = ['admin', 'storeManager', 'homeManager'];
const REGION_R1: Caller[] = ['admin', 'regionManager'];

const cases: Case[] = [
  { route: 'GET /v1/stores/{storeId}/members', target: 's1', path: async () => '/v1/stores/s1/members', status: 200, allowed: STORE_S1 },
  { route: 'POST /v1/stores/{storeId}/members', target: 's1', path: async () => '/v1/stores/s1/members', body: invite, status: 201, allowed: STORE_S1 },
  { route: 'GET /v1/homes/{homeId}/members', target: 'h1', path: async () => '/v1/homes/h1/members', status: 200, allowed: HOME_H1 },
  { route: 'POST /v1/homes/{homeId}/members', target: 'h1', path: async () => '/v1/homes/h1/members', body: invite, status: 201, allowed: HOME_H1 },
  { route: 'GET /v1/regions/{regionId}/members', target: 'r1', path: async () => '/v1/regions/r1/members', status: 200, allowed: REGION_R1 },
  { route: 'POST /v1/regions/{regionId}/members', target: 'r1', path: async () => '/v1/regions/r1/members', body: invite, status: 201, allowed: REGION_R1 },
  { route: 'PATCH /v1/members/{memberId}', target: 'a member of r1', path: async () => `/v1/members/${await memberOf('region:r1')}`, body: () => ({ name: 'Renamed' }), status: 200, allowed: REGION_R1 },
  { route: 'DELETE /v1/members/{memberId}', target: 'a member of r1', path: async () => `/v1/members/${await memberOf('region:r1')}`, status: 200, allowed: REGION_R1 },
  { route: 'GET /v1/admin/members', target: 'admin', path: async () => '/v1/admin/members', status: 200, allowed: ADMIN },
  { route: 'POST /v1/admin/members', target: 'admin', path: async () => '/v1/admin/members', body: invite, status: 201, allowed: ADMIN },
  { route: 'PATCH /v1/members/{memberId}', target: 'a member of h1', path: async () => `/v1/members/${await memberOf('home:h1')}`, body: () => ({ role: 'manager' }), status: 200, allowed: HOME_H1 },
  { route: 'PATCH /v1/members/{memberId}', target: 'a member of s1', path: async () => `/v1/members/${await memberOf('store:s1')}`, body: () => ({ role: 'manager' }), status: 200, allowed: STORE_S1 },
  { route: 'PATCH /v1/members/{memberId}', target: 'an administrator', path: async () => `/v1/members/${await memberOf('admin')}`, body: () => ({ role: 'manager' }), status: 200, allowed: ADMIN },
  { route: 'DELETE /v1/members/{memberId}', target: 'a member of h1', path: async () => `/v1/members/${await memberOf('home:h1')}`, status: 200, allowed: HOME_H1 },
  { route: 'DELETE /v1/members/{memberId}', target: 'a member of s1', path: async () => `/v1/members/${await memberOf('store:s1')}`, status: 200, allowed: STORE_S1 },
  { route: 'DELETE /v1/members/{memberId}', target: 'an administrator', path: async () => `/v1/members/${await memberOf('admin')}`, status: 200, allowed: ADMIN },
];

beforeAll(async () => {
  const admin = await api().token('admin');
  const put = (path: string, body: unknown) => api().request('PUT', path, { token: admin, body });
  await put('/v1/regions/r1', { name: 'Region one' });
  await put('/v1/stores/s1', { name: 'Store one', capacityPerDay: 2, regionId: 'r1' });
  await put('/v1/stores/s2', { name: 'Store two', capacityPerDay: 2 });
  await put('/v1/homes/h1', { name: 'Home one', storeId: 's1', beds: 20, deliveryDays: ['MON'] });
  await put('/v1/homes/h2', { name: 'Home two', storeId: 's2', beds: 20, deliveryDays: ['TUE'] });
});

describe('membership tenancy matrix', () => {
  it('covers every member route', () => {
    const memberRoutes = routes.filter((r) => r.tag === 'members').map(routeKey).sort();
    expect([...new Set(cases.map((c) => c.route))].sort()).toEqual(memberRoutes);
  });

  for (const c of cases) {
    const method = c.route.split(' ')[0]!;
    it(`${c.route} (${c.target}): no token → 401, nothing changed`, async () => {
      const path = await c.path();
      const before = await api().tableItems();
      const response = await api().request(method, path, { body: c.body?.('admin') });
      expect(response.status).toBe(401);
      expect(await api().tableItems()).toEqual(before);
    });

    for (const caller of everyone) {
      const allowed = c.allowed.includes(caller);
      it(`${c.route} (${c.target}): ${caller} → ${allowed ? c.status : '403, nothing changed'}`, async () => {
        const path = await c.path();
        const token = await api().token(callers[caller].org, undefined, callers[caller].role);
        const before = allowed ? [] : await api().tableItems();
        const response = await api().request(method, path, { token, body: c.body?.(caller) });
        if (allowed) {
          expect(response.status).toBe(c.status);
        } else {
          expect(response.status).toBe(403);
          expect(response.headers.get('content-type')).toBe('application/problem+json');
          expect(await api().tableItems()).toEqual(before);
        }
      });
    }
  }
});
