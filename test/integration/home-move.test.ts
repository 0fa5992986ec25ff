/**
 * A home that moves to another store (issue #13), through the HTTP API over DynamoDB Local: the
 * move takes the home's open work with it in one transaction, the old store is refused everything
 * of the home (its requests and deliveries, open or closed, its stock, history and members) and no
 * longer lists any of it, the new store approves, allocates, plans and dispatches the home's open
 * requests (never a second delivery on a date another store's van serves), the delivery already on
 * the road still reaches the home, nothing of the home's history is lost, and a move with more open
 * work than one transaction holds answers 409 and writes nothing.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readDeliveryDays } from '../../functions/data/delivery-repository.ts';
import { parseCsv } from '../../functions/http/csv.ts';
import { addDays, countHome, dispatch, expectStatus, plan, positionsOf, receive, setupStore, today } from '../support/delivery-fixtures.ts';
import { useTestApi } from '../support/test-api.ts';

const api = useTestApi();
const EVERY_DAY = ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'] as const;
const OLD = 'mv-old';
const NEW = 'mv-new';
const HOME = 'mv-home';
const deliveryIdOf = (date: string, homeId: string) => `dlv-${date.replaceAll('-', '')}-${homeId}`;

let admin: string;
let oldStore: string;
let newStore: string;
let homeToken: string;
/** The home's requests by what happened to them before the move. */
const r: Record<'delivered' | 'rejected' | 'dispatched' | 'scheduled' | 'approved' | 'submitted', string> = {} as never;
const d = { delivered: '', inTransit: '', planned: '' };
/** The home's lists as they were just before the move (what must not be lost). */
let before: { requests: any[]; deliveries: any[]; history: any[] };

const get = (path: string, token: string) => api().request('GET', path, { token });
const post = (path: string, token: string, body?: unknown) => api().request('POST', path, { token, ...(body === undefined ? {} : { body }) });
const ok = async (pending: Promise<any>, status = 200) => (await expectStatus(pending, status)).body;
const move = (storeId: string, homeId = HOME) =>
  api().request('PUT', `/v1/homes/${homeId}`, { token: admin, body: { name: homeId, storeId, beds: 40, deliveryDays: EVERY_DAY } });
const requestItem = async (id: string) => (await api().tableItems()).find((i) => i.PK === `REQUEST#${id}`)!;
const deliveryItem = async (id: string) => (await api().tableItems()).find((i) => i.PK === `DELIVERY#${id}`)!;
const snapshot = async () => (await api().tableItems()).map((i) => JSON.stringify(i)).sort();

async function submitApprove(lines: { sku: string; quantity: number }[], approve = true): Promise<string> {
  const { requestId } = await ok(post(`/v1/homes/${HOME}/requests`, homeToken, { lines }), 201);
  if (approve) await ok(post(`/v1/requests/${requestId}/approve`, oldStore, { lines }));
  return requestId;
}

async function homeLists(token: string) {
  return {
    requests: (await ok(get(`/v1/homes/${HOME}/requests?limit=100`, token))).items,
    deliveries: (await ok(get(`/v1/homes/${HOME}/deliveries?limit=100`, token))).items,
    history: (await ok(get(`/v1/homes/${HOME}/stock/APRON/history?limit=100`, token))).items,
  };
}

beforeAll(async () => {
  ({ admin, store: oldStore } = await setupStore(api(), { storeId: OLD, capacityPerDay: 3, homes: { [HOME]: [...EVERY_DAY], 'mv-stay': [...EVERY_DAY] }, stock: { APRON: 1000, 'MASK-IIR': 100 } }));
  ({ store: newStore } = await setupStore(api(), { storeId: NEW, capacityPerDay: 3, homes: {}, stock: { APRON: 5000, 'MASK-IIR': 5000, VISOR: 500 } }));
  homeToken = await api().token(`home:${HOME}`);
  await countHome(api(), homeToken, HOME, [{ sku: 'APRON', onHand: 50, dailyUsage: 20 }, { sku: 'MASK-IIR', onHand: 40, dailyUsage: 10 }]);
  await countHome(api(), await api().token('home:mv-stay'), 'mv-stay', [{ sku: 'APRON', onHand: 30, dailyUsage: 20 }]);

  // Delivered today by the old store's van.
  r.delivered = await submitApprove([{ sku: 'APRON', quantity: 10 }]);
  d.delivered = (await ok(plan(api(), oldStore, OLD, today(), 1))).deliveries[0].deliveryId;
  await ok(dispatch(api(), oldStore, d.delivered));
  await ok(receive(api(), homeToken, d.delivered, [{ sku: 'APRON', quantity: 10 }]));
  // Rejected.
  r.rejected = await submitApprove([{ sku: 'VISOR', quantity: 5 }], false);
  await ok(post(`/v1/requests/${r.rejected}/reject`, oldStore, { reason: 'Visors went to the homes at risk first.' }));
  // On the old store's van tomorrow: dispatched, not yet received.
  r.dispatched = await submitApprove([{ sku: 'APRON', quantity: 20 }]);
  d.inTransit = (await ok(plan(api(), oldStore, OLD, addDays(today(), 1), 1))).deliveries[0].deliveryId;
  await ok(dispatch(api(), oldStore, d.inTransit));
  // Approved, allocated short (the old store holds 100 masks), planned the day after.
  r.scheduled = await submitApprove([{ sku: 'MASK-IIR', quantity: 300 }]);
  await ok(post(`/v1/stores/${OLD}/allocations`, oldStore));
  d.planned = (await ok(plan(api(), oldStore, OLD, addDays(today(), 2), 1))).deliveries[0].deliveryId;
  // Approved, not yet planned; and submitted, waiting for a decision.
  r.approved = await submitApprove([{ sku: 'VISOR', quantity: 8 }]);
  r.submitted = await submitApprove([{ sku: 'APRON', quantity: 40 }], false);
  // The shortfall job records the home (2.5 days of aprons) for the old store.
  await ok(post('/v1/jobs/shortfall-scan', admin, {}));
  expect((await ok(get(`/v1/stores/${OLD}/shortfalls`, oldStore))).items.map((s: any) => s.homeId)).toContain(HOME);

  expect((await requestItem(r.scheduled)).allocatedLines).toEqual([expect.objectContaining({ sku: 'MASK-IIR', approved: 300, allocated: 100 })]);
  expect((await positionsOf(api(), `HOME#${HOME}`))['MASK-IIR']).toMatchObject({ inbound: 100 });
  before = await homeLists(homeToken);

  await ok(move(NEW));
});

describe('the move itself: one transaction re-attributes the open work', () => {
  it('moves each open request to the new store (a scheduled one back to approved, off its delivery, its allocation cleared) and leaves closed ones as they were', async () => {
    const item = async (id: string) => {
      const { storeId, status, GSI3PK, deliveryId, allocatedLines, history } = await requestItem(id);
      return { storeId, status, GSI3PK, deliveryId, allocatedLines, last: (history as any[]).at(-1).action };
    };
    expect(await item(r.submitted)).toMatchObject({ storeId: NEW, status: 'submitted', GSI3PK: `STORE#${NEW}#REQUESTS#submitted`, last: 'move' });
    expect(await item(r.approved)).toMatchObject({ storeId: NEW, status: 'approved', GSI3PK: `STORE#${NEW}#REQUESTS#approved`, last: 'move' });
    expect(await item(r.scheduled)).toMatchObject({ storeId: NEW, status: 'approved', GSI3PK: `STORE#${NEW}#REQUESTS#approved`, deliveryId: null, allocatedLines: null, last: 'move' });
    expect(await item(r.dispatched)).toMatchObject({ storeId: NEW, status: 'dispatched', GSI3PK: `STORE#${NEW}#REQUESTS#dispatched`, deliveryId: d.inTransit, last: 'move' });
    expect(await item(r.delivered)).toMatchObject({ storeId: OLD, status: 'delivered', last: 'deliver' });
    expect(await item(r.rejected)).toMatchObject({ storeId: OLD, status: 'rejected', last: 'reject' });
    const moved = ((await requestItem(r.submitted)).history as any[]).at(-1);
    expect(moved).toMatchObject({ action: 'move', from: 'submitted', to: 'submitted', actor: { org: 'admin' }, reason: `Home ${HOME} moved from store ${OLD} to store ${NEW}.` });
  });

  it('cancels the planned delivery and frees its slot on the old store\'s day; the delivery on the road stays dispatched', async () => {
    expect(await deliveryItem(d.planned)).toMatchObject({ status: 'cancelled', requestIds: [], lines: [], storeId: OLD });
    const date = addDays(today(), 2);
    expect(await readDeliveryDays(OLD, date, date)).toEqual(new Map([[date, []]]));
    expect(await deliveryItem(d.inTransit)).toMatchObject({ status: 'dispatched', storeId: OLD, requestIds: [r.dispatched] });
  });

  it('keeps inbound equal to what the home\'s requests bring (the cleared allocation falls back to the approval), re-attributes every position, and moves no store stock', async () => {
    const positions = await positionsOf(api(), `HOME#${HOME}`);
    expect(positions['MASK-IIR']!.inbound).toBe(300); // r.scheduled: approved 300, its allocation of 100 cleared
    expect(positions.APRON!.inbound).toBe(20); // r.dispatched, on the road
    expect(positions.VISOR!.inbound).toBe(8); // r.approved
    const items = (await api().tableItems()).filter((i) => i.entity === 'StockPosition' && i.PK === `HOME#${HOME}`);
    expect(items.map((i) => i.storeId)).toEqual(items.map(() => NEW));
    expect(await positionsOf(api(), `STORE#${OLD}`)).toMatchObject({ APRON: { onHand: 970 }, 'MASK-IIR': { onHand: 100 } });
  });

  it('moves the home from the old store\'s homes to the new store\'s', async () => {
    expect((await ok(get(`/v1/stores/${OLD}/homes`, oldStore))).items.map((h: any) => h.homeId)).toEqual(['mv-stay']);
    expect((await ok(get(`/v1/stores/${NEW}/homes`, newStore))).items.map((h: any) => h.homeId)).toEqual([HOME]);
  });
});

describe('the old store', () => {
  it('is refused every route touching the home, its requests and its deliveries (403), and writes nothing', async () => {
    const table = await snapshot();
    const lines = [{ sku: 'APRON', quantity: 5 }];
    const calls: [string, string, unknown?][] = [
      ['GET', `/v1/homes/${HOME}`],
      ['GET', `/v1/homes/${HOME}/stock`],
      ['GET', `/v1/homes/${HOME}/stock/APRON/history`],
      ['POST', `/v1/homes/${HOME}/stock-counts`, { countedAt: new Date().toISOString(), lines: [{ sku: 'APRON', onHand: 1 }] }],
      ['GET', `/v1/homes/${HOME}/requests`],
      ['POST', `/v1/homes/${HOME}/requests`, { lines }],
      ['GET', `/v1/homes/${HOME}/deliveries`],
      ['GET', `/v1/homes/${HOME}/request-caps`],
      ['GET', `/v1/homes/${HOME}/members`],
      ['POST', `/v1/homes/${HOME}/members`, { email: 'someone@example.org', name: 'Someone', role: 'staff' }],
      ['GET', `/v1/requests/${r.submitted}`],
      ['GET', `/v1/requests/${r.delivered}`],
      ['GET', `/v1/requests/${r.rejected}`],
      ['POST', `/v1/requests/${r.submitted}/approve`, { lines: [{ sku: 'APRON', quantity: 40 }] }],
      ['POST', `/v1/requests/${r.submitted}/reject`, { reason: 'Not ours now.' }],
      ['POST', `/v1/requests/${r.approved}/cancel`],
      ['POST', `/v1/requests/${r.scheduled}/cancel`],
      ['GET', `/v1/deliveries/${d.delivered}`],
      ['GET', `/v1/deliveries/${d.inTransit}`],
      ['GET', `/v1/deliveries/${d.planned}`],
      ['POST', `/v1/deliveries/${d.planned}/dispatch`],
      ['POST', `/v1/deliveries/${d.inTransit}/receipt`, { receivedBy: 'Driver', lines: [{ sku: 'APRON', quantity: 20 }] }],
    ];
    const answers = [];
    for (const [method, path, body] of calls) {
      const response = await api().request(method, path, { token: oldStore, ...(body === undefined ? {} : { body }) });
      answers.push(`${response.status} ${method} ${path}`);
    }
    expect(answers).toEqual(calls.map(([method, path]) => `403 ${method} ${path}`));
    expect(await snapshot()).toEqual(table);
  });

  it('no longer lists anything of the home: request queues of every status, manifests, shortfalls, export rows', async () => {
    for (const status of ['submitted', 'approved', 'partially-approved', 'scheduled', 'dispatched', 'delivered', 'rejected', 'cancelled']) {
      for (const sort of ['oldest', 'urgency']) {
        const queue = await ok(get(`/v1/stores/${OLD}/requests?status=${status}&sort=${sort}`, oldStore));
        expect(queue.items.map((q: any) => q.homeId), `${status} ${sort}`).not.toContain(HOME);
      }
    }
    for (const n of [0, 1, 2]) {
      const manifest = await ok(get(`/v1/stores/${OLD}/deliveries?date=${addDays(today(), n)}`, oldStore));
      expect(manifest.items.map((m: any) => m.homeId)).not.toContain(HOME);
      expect(manifest.totals).toEqual([]);
    }
    expect((await ok(get(`/v1/stores/${OLD}/shortfalls`, oldStore))).items.map((s: any) => s.homeId)).not.toContain(HOME);
    const csv = await get(`/v1/stores/${OLD}/export.csv`, oldStore);
    expect(csv.status).toBe(200);
    const homesInRows = new Set(parseCsv(csv.body).rows.map((row) => JSON.stringify(row.values)));
    expect([...homesInRows].some((row) => row.includes('mv-stay'))).toBe(true);
    expect([...homesInRows].some((row) => row.includes(HOME))).toBe(false);
  });
});

describe('the new store', () => {
  it('reads the home\'s whole history: the same requests and deliveries as before the move, and every stock event', async () => {
    const now = await homeLists(newStore);
    expect(now.requests.map((q: any) => q.requestId)).toEqual(before.requests.map((q: any) => q.requestId));
    expect(now.deliveries.map((q: any) => q.deliveryId)).toEqual(before.deliveries.map((q: any) => q.deliveryId));
    expect(now.history).toEqual(before.history);
    // Each request's history is the one it had, plus the move for the open ones.
    for (const request of now.requests) {
      const was = before.requests.find((q: any) => q.requestId === request.requestId);
      expect(request.history.slice(0, was.history.length)).toEqual(was.history);
    }
    expect((await ok(get(`/v1/requests/${r.delivered}`, newStore))).status).toBe('delivered');
    expect((await ok(get(`/v1/deliveries/${d.delivered}`, newStore))).status).toBe('delivered');
  });

  it('sees the submitted request in its queue and approves it; then allocates, plans around the old store\'s van and dispatches', async () => {
    const queue = await ok(get(`/v1/stores/${NEW}/requests?status=submitted`, newStore));
    expect(queue.items.map((q: any) => q.requestId)).toEqual([r.submitted]);
    expect((await ok(post(`/v1/requests/${r.submitted}/approve`, newStore, { lines: [{ sku: 'APRON', quantity: 40 }] }))).status).toBe('approved');
    const approved = await ok(get(`/v1/stores/${NEW}/requests?status=approved`, newStore));
    expect(approved.items.map((q: any) => q.requestId).sort()).toEqual([r.scheduled, r.approved, r.submitted].sort());

    const allocation = await ok(post(`/v1/stores/${NEW}/allocations`, newStore));
    expect(allocation.allocations.find((a: any) => a.requestId === r.scheduled).lines).toEqual([expect.objectContaining({ sku: 'MASK-IIR', allocated: 300 })]);

    // Today the old store's van delivered, tomorrow it is on the road: the first free date is the day after,
    // whose cancelled delivery the new store's plan takes over.
    const planned = await ok(plan(api(), newStore, NEW, today(), 7));
    const date = addDays(today(), 2);
    expect(planned.deliveries.map((x: any) => [x.deliveryId, x.date, [...x.requestIds].sort()])).toEqual([[deliveryIdOf(date, HOME), date, [r.scheduled, r.approved, r.submitted].sort()]]);
    expect(await deliveryItem(d.planned)).toMatchObject({ status: 'planned', storeId: NEW, GSI1PK: `STORE#${NEW}#DELIVERIES` });
    expect(await readDeliveryDays(NEW, date, date)).toEqual(new Map([[date, [HOME]]]));
    const manifest = await ok(get(`/v1/stores/${NEW}/deliveries?date=${date}`, newStore));
    expect(manifest.items.map((m: any) => m.homeId)).toEqual([HOME]);

    expect((await ok(dispatch(api(), newStore, d.planned))).status).toBe('dispatched');
    expect(await positionsOf(api(), `STORE#${NEW}`)).toMatchObject({ APRON: { onHand: 4960 }, 'MASK-IIR': { onHand: 4700 }, VISOR: { onHand: 492 } });
  });

  it('lets the home receive the delivery the old store\'s van carries; its request ends in the new store\'s delivered queue', async () => {
    expect((await ok(get(`/v1/deliveries/${d.inTransit}`, newStore))).status).toBe('dispatched');
    expect((await ok(receive(api(), homeToken, d.inTransit, [{ sku: 'APRON', quantity: 20 }]))).status).toBe('delivered');
    expect(await requestItem(r.dispatched)).toMatchObject({ status: 'delivered', GSI3PK: `STORE#${NEW}#REQUESTS#delivered` });
    const delivered = await ok(get(`/v1/stores/${NEW}/requests?status=delivered`, newStore));
    expect(delivered.items.map((q: any) => q.requestId)).toContain(r.dispatched);
    // Inbound: what the dispatched delivery of the new store still brings.
    expect(await positionsOf(api(), `HOME#${HOME}`)).toMatchObject({ APRON: { inbound: 40 }, 'MASK-IIR': { inbound: 300 }, VISOR: { inbound: 8 } });
  });
});

describe('moves that do not move work', () => {
  it('an edit that keeps the store rewrites none of the home\'s requests, deliveries or positions', async () => {
    const table = (await api().tableItems()).filter((i) => i.entity !== 'Home');
    expect((await api().request('PUT', `/v1/homes/${HOME}`, { token: admin, body: { name: 'Renamed', storeId: NEW, beds: 12, deliveryDays: ['MON'] } })).status).toBe(200);
    expect((await api().tableItems()).filter((i) => i.entity !== 'Home')).toEqual(table);
  });

  it('refuses, with 409 and nothing written, a move with more open work than one transaction holds', async () => {
    await ok(api().request('PUT', '/v1/homes/mv-busy', { token: admin, body: { name: 'Busy', storeId: OLD, beds: 40, deliveryDays: EVERY_DAY } }));
    const busy = await api().token('home:mv-busy');
    for (let i = 0; i < 99; i++) await ok(post('/v1/homes/mv-busy/requests', busy, { lines: [{ sku: 'APRON', quantity: 1 + i }] }), 201);
    const table = await snapshot();
    const refused = await move(NEW, 'mv-busy');
    expect(refused.status).toBe(409);
    expect(refused.headers.get('content-type')).toBe('application/problem+json');
    expect(refused.body).toMatchObject({ writes: 101, limit: 100, requests: 99, plannedDeliveries: 0, inboundPositions: 0 });
    expect(refused.body.detail).toMatch(/too much open work.*Nothing was changed/);
    expect(await snapshot()).toEqual(table);
    // One request fewer and it fits.
    const { items } = await ok(get('/v1/homes/mv-busy/requests?limit=1', busy));
    await ok(post(`/v1/requests/${items[0].requestId}/cancel`, busy));
    expect((await move(NEW, 'mv-busy')).status).toBe(200);
    expect((await ok(get(`/v1/stores/${NEW}/requests?status=submitted&limit=100`, newStore))).items.filter((q: any) => q.homeId === 'mv-busy')).toHaveLength(98);
  });
});
