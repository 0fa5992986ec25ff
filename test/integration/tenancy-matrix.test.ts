/**
 * Every route in the route table × every kind of caller. The expectations are written here by hand
 * (who may call what), not derived from the code under test; a route without a row fails the test,
 * so a new endpoint cannot ship without its tenancy decided.
 *
 * Callers: admin; the store s1 and its home h1 (owners of the fixtures); store s2 and home h2
 * (another tenancy); region r1 (which s1 names) and region r2 (s2's); a token without the route's
 * scope; no token at all. A region reads everything of its stores and their homes, writes nothing.
 * "allowed" means the call passed authorisation and was answered without a fault: any status but
 * 401/403, and never a 5xx (a route that crashes is not "allowed", it is broken); "denied" means 403
 * and the table unchanged.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { dateInZone } from '../../functions/domain/zoned-dates.ts';
import { routeKey, routes } from '../../functions/routes.ts';
import { useTestApi } from '../support/test-api.ts';

type Caller = 'admin' | 'store-own' | 'store-other' | 'home-own' | 'home-other' | 'region-own' | 'region-other';
const callers: Record<Caller, string> = {
  admin: 'admin',
  'store-own': 'store:s1',
  'store-other': 'store:s2',
  'home-own': 'home:h1',
  'home-other': 'home:h2',
  'region-own': 'region:r1',
  'region-other': 'region:r2',
};

interface Row {
  path: string;
  allowed: Caller[] | 'public';
  body?: unknown;
}

const ALL: Caller[] = ['admin', 'store-own', 'store-other', 'home-own', 'home-other', 'region-own', 'region-other'];
const ADMIN: Caller[] = ['admin'];
const STORE_S1: Caller[] = ['admin', 'store-own'];
const HOME_H1: Caller[] = ['admin', 'store-own', 'home-own'];
/** Reads of s1's and h1's things: their region r1 reads them too (and writes none of them). */
const READ_S1: Caller[] = [...STORE_S1, 'region-own'];
const READ_H1: Caller[] = [...HOME_H1, 'region-own'];
const REGION_R1: Caller[] = ['admin', 'region-own'];
/** h1's own, not its store's: webhook subscriptions. */
const HOME_H1_ONLY: Caller[] = ['admin', 'home-own'];

/** Keyed by route key. Paths use the fixtures below: store s1 serves home h1; s2 serves h2. */
export const matrix: Record<string, Row> = {
  'GET /v1/health': { path: '/v1/health', allowed: 'public' },
  'GET /v1/openapi.json': { path: '/v1/openapi.json', allowed: 'public' },
  'GET /v1/items': { path: '/v1/items', allowed: ALL },
  'GET /v1/items/{sku}': { path: '/v1/items/MASK-IIR', allowed: ALL },
  'PUT /v1/items/{sku}': { path: '/v1/items/MASK-IIR', allowed: ADMIN, body: { name: 'Mask', unit: 'mask', packSize: 50 } },
  'GET /v1/regions': { path: '/v1/regions', allowed: ADMIN },
  'GET /v1/regions/{regionId}': { path: '/v1/regions/r1', allowed: REGION_R1 },
  'PUT /v1/regions/{regionId}': { path: '/v1/regions/r1', allowed: ADMIN, body: { name: 'Region one' } },
  'PUT /v1/items/{sku}/per-case-usage': { path: '/v1/items/MASK-IIR/per-case-usage', allowed: ADMIN, body: { perCaseDailyUsage: 10 } },
  'GET /v1/stores': { path: '/v1/stores', allowed: ADMIN },
  'GET /v1/stores/{storeId}': { path: '/v1/stores/s1', allowed: READ_S1 },
  'PUT /v1/stores/{storeId}': { path: '/v1/stores/s1', allowed: ADMIN, body: { name: 'Store one', capacityPerDay: 2, regionId: 'r1' } },
  'POST /v1/stores/import': { path: '/v1/stores/import?dryRun=true', allowed: ADMIN, body: { rows: [{ storeId: 's1', name: 'Store one', capacityPerDay: 2, regionId: 'r1' }] } },
  'POST /v1/homes/import': { path: '/v1/homes/import?dryRun=true', allowed: ADMIN, body: { rows: [{ homeId: 'h1', name: 'Home one', storeId: 's1', beds: 20, deliveryDays: ['MON'] }] } },
  'GET /v1/stores/{storeId}/homes': { path: '/v1/stores/s1/homes', allowed: READ_S1 },
  'GET /v1/homes/{homeId}': { path: '/v1/homes/h1', allowed: READ_H1 },
  'PUT /v1/homes/{homeId}': {
    path: '/v1/homes/h1',
    allowed: ADMIN,
    body: { name: 'Home one', storeId: 's1', beds: 20, deliveryDays: ['MON'] },
  },
  // Outbreaks: the home and its store declare and end them (an allowed DELETE with none open is 404, not 403).
  'PUT /v1/homes/{homeId}/outbreak': { path: '/v1/homes/h1/outbreak', allowed: HOME_H1, body: { isolatingResidents: 2, startedOn: '2026-03-09' } },
  'DELETE /v1/homes/{homeId}/outbreak': { path: '/v1/homes/h1/outbreak', allowed: HOME_H1 },
  'GET /v1/homes/{homeId}/outbreaks': { path: '/v1/homes/h1/outbreaks', allowed: READ_H1 },
  // Stock: a home's stock is the home's, its store's and an admin's; a store's own stock is the store's and an admin's.
  'POST /v1/homes/{homeId}/stock-counts': { path: '/v1/homes/h1/stock-counts', allowed: HOME_H1, body: stockCount() },
  'POST /v1/stores/{storeId}/stock-counts': { path: '/v1/stores/s1/stock-counts', allowed: STORE_S1, body: stockCount() },
  'GET /v1/homes/{homeId}/stock': { path: '/v1/homes/h1/stock', allowed: READ_H1 },
  'GET /v1/stores/{storeId}/stock': { path: '/v1/stores/s1/stock', allowed: READ_S1 },
  'GET /v1/homes/{homeId}/stock/{sku}/history': { path: '/v1/homes/h1/stock/MASK-IIR/history', allowed: READ_H1 },
  'GET /v1/stores/{storeId}/stock/{sku}/history': { path: '/v1/stores/s1/stock/MASK-IIR/history', allowed: READ_S1 },
  // The commissioner's export: the store itself and admin only (a home may not see its neighbours).
  'GET /v1/stores/{storeId}/export.csv': { path: '/v1/stores/s1/export.csv', allowed: READ_S1 },
  // Requests: a home's requests are the home's, its store's and an admin's; only the store (or an admin)
  // decides, allocates and sets caps. The request fixture below belongs to h1 (store s1).
  'POST /v1/homes/{homeId}/requests': { path: '/v1/homes/h1/requests', allowed: HOME_H1, body: { lines: [{ sku: 'MASK-IIR', quantity: 10 }] } },
  'GET /v1/homes/{homeId}/requests': { path: '/v1/homes/h1/requests', allowed: READ_H1 },
  'GET /v1/requests/{requestId}': { get path() { return `/v1/requests/${h1Request}`; }, allowed: READ_H1 },
  'GET /v1/stores/{storeId}/requests': { path: '/v1/stores/s1/requests', allowed: READ_S1 },
  'POST /v1/requests/{requestId}/approve': { get path() { return `/v1/requests/${h1Request}/approve`; }, allowed: STORE_S1, body: { lines: [{ sku: 'MASK-IIR', quantity: 5 }] } },
  'POST /v1/requests/{requestId}/reject': { get path() { return `/v1/requests/${h1Request}/reject`; }, allowed: STORE_S1, body: { reason: 'Not needed' } },
  'POST /v1/requests/{requestId}/cancel': { get path() { return `/v1/requests/${h1Request}/cancel`; }, allowed: HOME_H1 },
  'POST /v1/stores/{storeId}/allocations': { path: '/v1/stores/s1/allocations', allowed: STORE_S1 },
  'GET /v1/homes/{homeId}/request-caps': { path: '/v1/homes/h1/request-caps', allowed: READ_H1 },
  'GET /v1/stores/{storeId}/request-caps': { path: '/v1/stores/s1/request-caps', allowed: READ_S1 },
  'PUT /v1/stores/{storeId}/request-caps': { path: '/v1/stores/s1/request-caps', allowed: STORE_S1, body: { capsPerBedPerWeek: { 'MASK-IIR': 5 } } },
  // Shortfalls: a store reads its own; only an administrator reads every store's or runs the job.
  'POST /v1/jobs/shortfall-scan': { path: '/v1/jobs/shortfall-scan', allowed: ADMIN, body: {} },
  'GET /v1/stores/{storeId}/shortfalls': { path: '/v1/stores/s1/shortfalls', allowed: READ_S1 },
  'GET /v1/shortfalls': { path: '/v1/shortfalls', allowed: ADMIN },
  // The overview: the nation is an administrator's; a region's is its own (and an administrator's); no store or home reads either.
  'GET /v1/overview': { path: '/v1/overview', allowed: ADMIN },
  'GET /v1/regions/{regionId}/overview': { path: '/v1/regions/r1/overview', allowed: REGION_R1 },
  'GET /v1/overview/trend': { path: '/v1/overview/trend?regionId=r1', allowed: REGION_R1 },
  'GET /v1/overview/export.csv': { path: '/v1/overview/export.csv', allowed: ADMIN },
  'GET /v1/regions/{regionId}/export.csv': { path: '/v1/regions/r1/export.csv', allowed: REGION_R1 },
  // Deliveries: the store plans and dispatches its own; the home (or its store) confirms receipt; both read.
  // The delivery fixture below carries an approved request of h1's (store s1); s1 holds no stock, so an
  // allowed dispatch is refused 409 and nothing moves.
  'POST /v1/stores/{storeId}/delivery-plans': { path: '/v1/stores/s1/delivery-plans', allowed: STORE_S1, get body() { return { from: todayInLondon(), days: 7 }; } },
  'GET /v1/stores/{storeId}/deliveries': { path: '/v1/stores/s1/deliveries', allowed: READ_S1 },
  'GET /v1/homes/{homeId}/deliveries': { path: '/v1/homes/h1/deliveries', allowed: READ_H1 },
  'GET /v1/deliveries/{deliveryId}': { get path() { return `/v1/deliveries/${h1Delivery}`; }, allowed: READ_H1 },
  'POST /v1/deliveries/{deliveryId}/dispatch': { get path() { return `/v1/deliveries/${h1Delivery}/dispatch`; }, allowed: STORE_S1 },
  'POST /v1/deliveries/{deliveryId}/receipt': {
    get path() { return `/v1/deliveries/${h1Delivery}/receipt`; },
    allowed: HOME_H1,
    body: { receivedBy: 'A. Nurse', lines: [{ sku: 'MASK-IIR', quantity: 5 }] },
  },
  'POST /v1/jobs/delivery-plan': { path: '/v1/jobs/delivery-plan', allowed: ADMIN, body: {} },
  // Members (managers' tokens here; test/integration/members-tenancy.test.ts adds staff and exact statuses).
  'GET /v1/stores/{storeId}/members': { path: '/v1/stores/s1/members', allowed: STORE_S1 },
  'POST /v1/stores/{storeId}/members': { path: '/v1/stores/s1/members', allowed: STORE_S1, body: { email: 'matrix.store@example.org', name: 'Matrix', role: 'staff' } },
  'GET /v1/homes/{homeId}/members': { path: '/v1/homes/h1/members', allowed: HOME_H1 },
  'POST /v1/homes/{homeId}/members': { path: '/v1/homes/h1/members', allowed: HOME_H1, body: { email: 'matrix.home@example.org', name: 'Matrix', role: 'staff' } },
  'GET /v1/regions/{regionId}/members': { path: '/v1/regions/r1/members', allowed: REGION_R1 },
  'POST /v1/regions/{regionId}/members': { path: '/v1/regions/r1/members', allowed: REGION_R1, body: { email: 'matrix.region@example.org', name: 'Matrix', role: 'staff' } },
  'GET /v1/admin/members': { path: '/v1/admin/members', allowed: ADMIN },
  'POST /v1/admin/members': { path: '/v1/admin/members', allowed: ADMIN, body: { email: 'matrix.admin@example.org', name: 'Matrix', role: 'staff' } },
  'PATCH /v1/members/{memberId}': { get path() { return `/v1/members/${h1Member}`; }, allowed: HOME_H1, body: { role: 'manager' } },
  // Removing again answers 200 with the removed member, so each allowed caller gets a 2xx.
  'DELETE /v1/members/{memberId}': { get path() { return `/v1/members/${h1Member}`; }, allowed: HOME_H1 },
  // Webhooks: a home's own managers, a store's own (a store manages no home's subscriptions), administrators.
  'POST /v1/homes/{homeId}/webhooks': { path: '/v1/homes/h1/webhooks', allowed: HOME_H1_ONLY, body: { url: 'http://127.0.0.1:9/matrix', eventTypes: ['request.approved'] } },
  'GET /v1/homes/{homeId}/webhooks': { path: '/v1/homes/h1/webhooks', allowed: HOME_H1_ONLY },
  'POST /v1/stores/{storeId}/webhooks': { path: '/v1/stores/s1/webhooks', allowed: STORE_S1, body: { url: 'http://127.0.0.1:9/matrix', eventTypes: ['delivery.planned'] } },
  'GET /v1/stores/{storeId}/webhooks': { path: '/v1/stores/s1/webhooks', allowed: STORE_S1 },
  // Deleting again answers 204, so each allowed caller gets a 2xx; the log of a deleted one is 404 to its owner.
  'DELETE /v1/webhooks/{webhookId}': { get path() { return `/v1/webhooks/${h1Webhook}`; }, allowed: HOME_H1_ONLY },
  'GET /v1/webhooks/{webhookId}/deliveries': { get path() { return `/v1/webhooks/${h1Webhook}/deliveries`; }, allowed: HOME_H1_ONLY },
};

/** A valid count (an hour ago), so a refusal can only be tenancy's. */
function stockCount() {
  return { countedAt: new Date(Date.now() - 3_600_000).toISOString(), lines: [{ sku: 'MASK-IIR', onHand: 120, dailyUsage: 10 }] };
}

const api = useTestApi();
/** A request of h1's, submitted in beforeAll. */
let h1Request = '00000000-0000-4000-8000-000000000000';
/** A planned delivery to h1, made in beforeAll. */
let h1Delivery = 'dlv-20000101-h1';
/** A member of h1, invited in beforeAll. */
let h1Member = 'no-member-yet';
/** A webhook subscription of h1, made in beforeAll. */
let h1Webhook = 'wh_00000000000000000000000000000000';
const todayInLondon = () => dateInZone(new Date(), 'Europe/London');

beforeAll(async () => {
  const admin = await api().token('admin');
  const put = (path: string, body: unknown) => api().request('PUT', path, { token: admin, body });
  await put('/v1/items/MASK-IIR', { name: 'Mask', unit: 'mask', packSize: 50 });
  await put('/v1/regions/r1', { name: 'Region one' });
  await put('/v1/regions/r2', { name: 'Region two' });
  await put('/v1/stores/s1', { name: 'Store one', capacityPerDay: 2, regionId: 'r1' });
  await put('/v1/stores/s2', { name: 'Store two', capacityPerDay: 2, regionId: 'r2' });
  await put('/v1/homes/h1', { name: 'Home one', storeId: 's1', beds: 20, deliveryDays: ['MON'] });
  await put('/v1/homes/h2', { name: 'Home two', storeId: 's2', beds: 20, deliveryDays: ['TUE'] });
  const submitted = await api().request('POST', '/v1/homes/h1/requests', { token: admin, body: { lines: [{ sku: 'MASK-IIR', quantity: 10 }] } });
  h1Request = submitted.body.requestId;
  const forDelivery = await api().request('POST', '/v1/homes/h1/requests', { token: admin, body: { lines: [{ sku: 'MASK-IIR', quantity: 5 }] } });
  await api().request('POST', `/v1/requests/${forDelivery.body.requestId}/approve`, { token: admin, body: { lines: [{ sku: 'MASK-IIR', quantity: 5 }] } });
  const plan = await api().request('POST', '/v1/stores/s1/delivery-plans', { token: admin, body: { from: todayInLondon(), days: 7 } });
  h1Delivery = plan.body.deliveries[0].deliveryId;
  const member = await api().request('POST', '/v1/homes/h1/members', { token: admin, body: { email: 'matrix.member@example.org', name: 'Member', role: 'staff' } });
  h1Member = member.body.memberId;
  const webhook = await api().request('POST', '/v1/homes/h1/webhooks', { token: admin, body: { url: 'http://127.0.0.1:9/matrix', eventTypes: ['request.approved'] } });
  h1Webhook = webhook.body.webhookId;
});

describe('tenancy matrix', () => {
  it('has a row for every route, and no row for a route that does not exist', () => {
    const keys = routes.map(routeKey).sort();
    expect(Object.keys(matrix).sort()).toEqual(keys);
  });

  for (const route of routes) {
    const key = routeKey(route);
    const row = matrix[key];
    if (!row) continue;

    if (row.allowed === 'public') {
      it(`${key}: public, answers without a token`, async () => {
        const response = await api().request(route.method, row.path);
        expect(response.status).toBeLessThan(400);
      });
      continue;
    }

    it(`${key}: no token → 401`, async () => {
      const response = await api().request(route.method, row.path, { body: row.body });
      expect(response.status).toBe(401);
      expect(response.body.status).toBe(401);
    });

    it(`${key}: a token without "${route.scope}" → 403`, async () => {
      const others = ['carestock/read', 'carestock/admin'].filter((s) => s !== route.scope);
      const token = await api().token('admin', others.slice(0, 1));
      const before = await api().tableItems();
      const response = await api().request(route.method, row.path, { token, body: row.body });
      expect(response.status).toBe(403);
      expect(await api().tableItems()).toEqual(before);
    });

    for (const caller of ALL) {
      const allowed = row.allowed.includes(caller);
      it(`${key}: ${caller} → ${allowed ? 'allowed' : '403, nothing changed'}`, async () => {
        const token = await api().token(callers[caller]);
        const before = allowed ? [] : await api().tableItems();
        const response = await api().request(route.method, row.path, { token, body: row.body });
        if (allowed) {
          expect([401, 403]).not.toContain(response.status);
          expect(response.status, JSON.stringify(response.body)).toBeLessThan(500);
        } else {
          expect(response.status).toBe(403);
          expect(response.headers.get('content-type')).toBe('application/problem+json');
          expect(await api().tableItems()).toEqual(before);
        }
      });
    }
  }
});
