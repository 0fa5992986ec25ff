/**
 * Bad input to the delivery routes: a 4xx problem response naming what is wrong, and nothing
 * written (the table is read back whole before and after).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { addDays, approvedRequest, dispatch, expectStatus, plan, setupStore, today, weekdayIn } from '../support/delivery-fixtures.ts';
import { useTestApi } from '../support/test-api.ts';

const api = useTestApi();
let store = '';
let admin = '';
let planned = '';
let dispatched = '';

beforeAll(async () => {
  ({ store, admin } = await setupStore(api(), { storeId: 'bad-1', capacityPerDay: 5, homes: { 'home-p': [weekdayIn(1)], 'home-q': [weekdayIn(1)] }, stock: { APRON: 100, VISOR: 100 } }));
  await approvedRequest(api(), store, 'home-p', [{ sku: 'APRON', quantity: 10 }]);
  await approvedRequest(api(), store, 'home-q', [{ sku: 'APRON', quantity: 5 }, { sku: 'VISOR', quantity: 5 }]);
  const response = await expectStatus(plan(api(), store, 'bad-1', today(), 7), 200);
  [planned, dispatched] = response.body.deliveries.map((d: { deliveryId: string }) => d.deliveryId);
  await expectStatus(dispatch(api(), store, dispatched), 200);
});

interface Case {
  name: string;
  method: string;
  path: () => string;
  body?: unknown;
  raw?: boolean;
  status: number;
  /** A field error expected at this pointer, or a problem member expected. */
  field?: string;
  member?: Record<string, unknown>;
  asAdmin?: boolean;
}

const receipt = (lines: unknown, receivedBy: unknown = 'Rhian') => ({ receivedBy, lines });

const cases: Case[] = [
  { name: 'plan: from is not a date', method: 'POST', path: () => '/v1/stores/bad-1/delivery-plans', body: { from: '2026-02-30', days: 7 }, status: 400, field: '/from' },
  { name: 'plan: days 0', method: 'POST', path: () => '/v1/stores/bad-1/delivery-plans', body: { from: today(), days: 0 }, status: 400, field: '/days' },
  { name: 'plan: days beyond 28', method: 'POST', path: () => '/v1/stores/bad-1/delivery-plans', body: { from: today(), days: 29 }, status: 400, field: '/days' },
  { name: 'plan: days not whole', method: 'POST', path: () => '/v1/stores/bad-1/delivery-plans', body: { from: today(), days: 2.5 }, status: 400, field: '/days' },
  { name: 'plan: an unknown field', method: 'POST', path: () => '/v1/stores/bad-1/delivery-plans', body: { from: today(), days: 7, capacity: 9 }, status: 400 },
  { name: 'plan: from in the past', method: 'POST', path: () => '/v1/stores/bad-1/delivery-plans', body: { from: addDays(today(), -1), days: 7 }, status: 400, field: '/from' },
  { name: 'plan: not JSON', method: 'POST', path: () => '/v1/stores/bad-1/delivery-plans', body: '{"from":', raw: true, status: 400 },
  { name: 'plan: an unknown store', method: 'POST', path: () => '/v1/stores/no-such-store/delivery-plans', body: { from: today(), days: 7 }, status: 404, asAdmin: true },
  { name: 'manifest: date is not a date', method: 'GET', path: () => '/v1/stores/bad-1/deliveries?date=tomorrow', status: 400, field: '/date' },
  { name: 'manifest: an unknown parameter', method: 'GET', path: () => '/v1/stores/bad-1/deliveries?day=2026-01-01', status: 400 },
  { name: 'home deliveries: a cursor from elsewhere', method: 'GET', path: () => '/v1/homes/home-p/deliveries?cursor=e30', status: 400, field: 'cursor' },
  { name: 'dispatch: not a delivery id', method: 'POST', path: () => '/v1/deliveries/DROP-TABLE/dispatch', status: 400, field: '/deliveryId' },
  { name: 'dispatch: a body it does not take', method: 'POST', path: () => `/v1/deliveries/${planned}/dispatch`, body: { force: true }, status: 400 },
  { name: 'dispatch: no such delivery (admin)', method: 'POST', path: () => '/v1/deliveries/dlv-20300101-home-p/dispatch', status: 404, asAdmin: true },
  { name: 'dispatch: already dispatched', method: 'POST', path: () => `/v1/deliveries/${dispatched}/dispatch`, status: 409, member: { currentStatus: 'dispatched' } },
  { name: 'receipt: before dispatch', method: 'POST', path: () => `/v1/deliveries/${planned}/receipt`, body: receipt([{ sku: 'APRON', quantity: 10 }]), status: 409, member: { currentStatus: 'planned' } },
  { name: 'receipt: no receivedBy', method: 'POST', path: () => `/v1/deliveries/${dispatched}/receipt`, body: { lines: [{ sku: 'APRON', quantity: 5 }, { sku: 'VISOR', quantity: 5 }] }, status: 400, field: '/receivedBy' },
  { name: 'receipt: blank receivedBy', method: 'POST', path: () => `/v1/deliveries/${dispatched}/receipt`, body: receipt([{ sku: 'APRON', quantity: 5 }, { sku: 'VISOR', quantity: 5 }], '   '), status: 400, field: '/receivedBy' },
  { name: 'receipt: negative units', method: 'POST', path: () => `/v1/deliveries/${dispatched}/receipt`, body: receipt([{ sku: 'APRON', quantity: -1 }, { sku: 'VISOR', quantity: 5 }]), status: 400, field: '/lines/0/quantity' },
  { name: 'receipt: fractional units', method: 'POST', path: () => `/v1/deliveries/${dispatched}/receipt`, body: receipt([{ sku: 'APRON', quantity: 4.5 }, { sku: 'VISOR', quantity: 5 }]), status: 400, field: '/lines/0/quantity' },
  { name: 'receipt: a SKU twice', method: 'POST', path: () => `/v1/deliveries/${dispatched}/receipt`, body: receipt([{ sku: 'APRON', quantity: 5 }, { sku: 'APRON', quantity: 5 }]), status: 400, field: '/lines/1/sku' },
  { name: 'receipt: no lines', method: 'POST', path: () => `/v1/deliveries/${dispatched}/receipt`, body: receipt([]), status: 400, field: '/lines' },
  { name: 'receipt: a dispatched SKU left out', method: 'POST', path: () => `/v1/deliveries/${dispatched}/receipt`, body: receipt([{ sku: 'APRON', quantity: 5 }]), status: 422, member: { missing: ['VISOR'], unexpected: [] } },
  {
    name: 'receipt: a SKU not on the van',
    method: 'POST',
    path: () => `/v1/deliveries/${dispatched}/receipt`,
    body: receipt([{ sku: 'APRON', quantity: 5 }, { sku: 'VISOR', quantity: 5 }, { sku: 'GOWN-FR', quantity: 1 }]),
    status: 422,
    member: { missing: [], unexpected: ['GOWN-FR'] },
  },
  { name: 'job: asOf in the future', method: 'POST', path: () => '/v1/jobs/delivery-plan', body: { asOf: '2999-01-01T00:00:00Z' }, status: 400, field: '/asOf', asAdmin: true },
  { name: 'job: an unknown field', method: 'POST', path: () => '/v1/jobs/delivery-plan', body: { days: 3 }, status: 400, asAdmin: true },
];

describe('bad input to the delivery routes', () => {
  for (const c of cases) {
    it(`${c.name} → ${c.status}, nothing written`, async () => {
      const before = await api().tableItems();
      const response = await api().request(c.method, c.path(), { token: c.asAdmin ? admin : store, body: c.body, raw: c.raw });
      expect(response.status).toBe(c.status);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
      if (c.field) expect(response.body.errors.map((e: { path: string }) => e.path)).toContain(c.field);
      if (c.member) expect(response.body).toMatchObject(c.member);
      expect(await api().tableItems()).toEqual(before);
    });
  }
});
