/**
 * Delivery planning through the API, over DynamoDB Local: rota days, merging, capacity, closed
 * dates, run-outs brought forward, allocated quantities, safe re-planning, concurrent planners,
 * and the daily job running the same use case.
 */
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { dayBooking, readDeliveryDays } from '../../functions/data/delivery-repository.ts';
import { documentClient } from '../../functions/data/dynamodb-client.ts';
import { addDays, approvedRequest, countHome, entities, expectStatus, plan, setupStore, today, weekdayIn } from '../support/delivery-fixtures.ts';
import { useTestApi } from '../support/test-api.ts';

const api = useTestApi();

describe('planning deliveries', () => {
  it('puts approved requests on the earliest rota day with capacity, one delivery per home per day, and says what it could not place', async () => {
    const { store } = await setupStore(api(), {
      storeId: 'plan-1',
      capacityPerDay: 2,
      homes: { 'home-a': [weekdayIn(2)], 'home-b': [weekdayIn(2)], 'home-c': [weekdayIn(2)], 'home-d': [] },
    });
    const a1 = await approvedRequest(api(), store, 'home-a', [{ sku: 'MASK-IIR', quantity: 10 }]);
    const a2 = await approvedRequest(api(), store, 'home-a', [{ sku: 'MASK-IIR', quantity: 5 }, { sku: 'APRON', quantity: 20 }]);
    const b1 = await approvedRequest(api(), store, 'home-b', [{ sku: 'VISOR', quantity: 4 }]);
    const c1 = await approvedRequest(api(), store, 'home-c', [{ sku: 'VISOR', quantity: 2 }]);
    const d1 = await approvedRequest(api(), store, 'home-d', [{ sku: 'APRON', quantity: 1 }]);
    const date = addDays(today(), 2);

    const first = await expectStatus(plan(api(), store, 'plan-1', today(), 7), 200);
    expect(first.body.deliveries).toEqual([
      { deliveryId: `dlv-${date.replaceAll('-', '')}-home-a`, homeId: 'home-a', date, requestIds: [a1, a2], lines: [{ sku: 'APRON', quantity: 20 }, { sku: 'MASK-IIR', quantity: 15 }], emergency: false, reason: null },
      { deliveryId: `dlv-${date.replaceAll('-', '')}-home-b`, homeId: 'home-b', date, requestIds: [b1], lines: [{ sku: 'VISOR', quantity: 4 }], emergency: false, reason: null },
    ]);
    expect(first.body.unplaced).toEqual([
      { requestId: c1, reason: expect.stringMatching(/No .* delivery with capacity for home home-c/) },
      { requestId: d1, reason: 'Home home-d has no delivery days on the rota.' },
    ]);
    for (const id of [a1, a2, b1]) expect((await api().request('GET', `/v1/requests/${id}`, { token: store })).body.status).toBe('scheduled');
    for (const id of [c1, d1]) expect((await api().request('GET', `/v1/requests/${id}`, { token: store })).body.status).toBe('approved');

    // The manifest: homes in a stable order, lines, totals.
    const manifest = await expectStatus(api().request('GET', `/v1/stores/plan-1/deliveries?date=${date}`, { token: store }), 200);
    expect(manifest.body.items.map((d: any) => [d.homeId, d.status, d.requestIds.length])).toEqual([['home-a', 'planned', 2], ['home-b', 'planned', 1]]);
    expect(manifest.body.totals).toEqual([{ sku: 'APRON', quantity: 20 }, { sku: 'MASK-IIR', quantity: 15 }, { sku: 'VISOR', quantity: 4 }]);
    const own = await expectStatus(api().request('GET', '/v1/homes/home-a/deliveries', { token: await api().token('home:home-a') }), 200);
    expect(own.body.items.map((d: any) => d.deliveryId)).toEqual([first.body.deliveries[0].deliveryId]);

    // Re-planning places nothing again, and rewrites nothing.
    const before = await entities(api(), 'Delivery');
    const again = await expectStatus(plan(api(), store, 'plan-1', today(), 7), 200);
    expect(again.body.deliveries).toEqual([]);
    expect(again.body.unplaced.map((u: any) => u.requestId)).toEqual([c1, d1]);
    expect(await entities(api(), 'Delivery')).toEqual(before);
    const days = (await entities(api(), 'DeliveryDay')).filter((d) => d.storeId === 'plan-1');
    expect(days.map((d) => [d.date, [...d.homeIds].sort()])).toEqual([[date, ['home-a', 'home-b']]]);
  });

  it('adds a later request to the home\'s planned delivery, and skips closed dates', async () => {
    const closed = addDays(today(), 1);
    const { store } = await setupStore(api(), { storeId: 'plan-2', capacityPerDay: 1, closedDates: [closed], homes: { 'home-x': [weekdayIn(1), weekdayIn(3)] } });
    const r1 = await approvedRequest(api(), store, 'home-x', [{ sku: 'GOWN-FR', quantity: 10 }]);
    const first = await expectStatus(plan(api(), store, 'plan-2', today(), 6), 200);
    expect(first.body.deliveries.map((d: any) => [d.date, d.requestIds])).toEqual([[addDays(today(), 3), [r1]]]);
    const r2 = await approvedRequest(api(), store, 'home-x', [{ sku: 'GOWN-FR', quantity: 5 }]);
    const second = await expectStatus(plan(api(), store, 'plan-2', today(), 6), 200);
    expect(second.body.deliveries).toMatchObject([{ date: addDays(today(), 3), requestIds: [r1, r2], lines: [{ sku: 'GOWN-FR', quantity: 15 }] }]);
  });

  it('brings a home forward, off its rota and marked as an emergency, when it would run out before its rota day', async () => {
    const { store } = await setupStore(api(), { storeId: 'plan-3', capacityPerDay: 3, homes: { 'home-risk': [weekdayIn(5)], 'home-fine': [weekdayIn(5)] } });
    // 10 masks at 5 a day: out in two days, three days before the rota day.
    await countHome(api(), store, 'home-risk', [{ sku: 'MASK-IIR', onHand: 10, dailyUsage: 5 }]);
    await countHome(api(), store, 'home-fine', [{ sku: 'MASK-IIR', onHand: 1000, dailyUsage: 5 }]);
    const risk = await approvedRequest(api(), store, 'home-risk', [{ sku: 'MASK-IIR', quantity: 100 }]);
    const fine = await approvedRequest(api(), store, 'home-fine', [{ sku: 'MASK-IIR', quantity: 100 }]);

    const response = await expectStatus(plan(api(), store, 'plan-3', today(), 7), 200);
    const [early, onRota] = response.body.deliveries;
    expect(early).toMatchObject({ homeId: 'home-risk', date: today(), requestIds: [risk], emergency: true });
    expect(early.reason).toMatch(/^Runs out on \d{4}-\d{2}-\d{2}, before its next rota delivery on \w{3} \d{4}-\d{2}-\d{2}; brought forward to/);
    expect(onRota).toMatchObject({ homeId: 'home-fine', date: addDays(today(), 5), requestIds: [fine], emergency: false, reason: null });
    const history = (await api().request('GET', `/v1/requests/${risk}`, { token: store })).body.history.at(-1);
    expect(history).toMatchObject({ action: 'schedule', from: 'approved', to: 'scheduled', reason: expect.stringContaining('Runs out on') });
  });

  it('plans what the store allocated, not what was approved, once it has allocated', async () => {
    const { store } = await setupStore(api(), { storeId: 'plan-4', capacityPerDay: 3, homes: { 'home-short': [weekdayIn(1)] }, stock: { VISOR: 40 } });
    await approvedRequest(api(), store, 'home-short', [{ sku: 'VISOR', quantity: 100 }]);
    await expectStatus(api().request('POST', '/v1/stores/plan-4/allocations', { token: store }), 200);
    const response = await expectStatus(plan(api(), store, 'plan-4', today(), 7), 200);
    expect(response.body.deliveries[0].lines).toEqual([{ sku: 'VISOR', quantity: 40 }]);
  });

  it('holds capacity in the table: planners racing never overbook a date nor book a request twice', async () => {
    const homes = Object.fromEntries(['r1', 'r2', 'r3', 'r4', 'r5'].map((h) => [`home-${h}`, [weekdayIn(1)]]));
    const { store } = await setupStore(api(), { storeId: 'plan-5', capacityPerDay: 2, homes });
    const ids = [];
    for (const homeId of Object.keys(homes)) ids.push(await approvedRequest(api(), store, homeId, [{ sku: 'APRON', quantity: 10 }]));

    const responses = await Promise.all([1, 2, 3, 4].map(() => plan(api(), store, 'plan-5', today(), 7)));
    for (const r of responses) expect([200, 409]).toContain(r.status);
    const deliveries = (await entities(api(), 'Delivery')).filter((d) => d.storeId === 'plan-5');
    expect(deliveries).toHaveLength(2);
    expect(new Set(deliveries.map((d) => d.date))).toEqual(new Set([addDays(today(), 1)]));
    const booked = deliveries.flatMap((d) => d.requestIds as string[]);
    expect(new Set(booked).size).toBe(booked.length);
    const scheduled = [];
    for (const id of ids) if ((await api().request('GET', `/v1/requests/${id}`, { token: store })).body.status === 'scheduled') scheduled.push(id);
    expect(scheduled.sort()).toEqual([...booked].sort());
  });

  it('the daily job plans every store from tomorrow, with the same rules', async () => {
    const { admin, store } = await setupStore(api(), { storeId: 'plan-6', capacityPerDay: 2, homes: { 'home-job': [weekdayIn(0), weekdayIn(2)] } });
    const id = await approvedRequest(api(), store, 'home-job', [{ sku: 'APRON', quantity: 3 }]);
    const summary = await expectStatus(api().request('POST', '/v1/jobs/delivery-plan', { token: admin, body: {} }), 200);
    expect(summary.body.failed).toEqual([]);
    expect(summary.body.stores.find((s: any) => s.storeId === 'plan-6')).toEqual({ storeId: 'plan-6', from: addDays(today(), 1), days: 7, planned: 1, unplaced: 0 });
    const manifest = await api().request('GET', `/v1/stores/plan-6/deliveries?date=${addDays(today(), 2)}`, { token: store });
    expect(manifest.body.items.map((d: any) => d.requestIds)).toEqual([[id]]);
  });

  it('the delivery day refuses a booking beyond capacity, and a home booked twice (the guard concurrent planners meet)', async () => {
    const book = (homeId: string) => documentClient.send(new TransactWriteCommand({ TransactItems: [dayBooking('plan-7', '2030-01-07', homeId, 2)] }));
    await book('home-1');
    await book('home-2');
    await expect(book('home-3')).rejects.toMatchObject({ name: 'TransactionCanceledException' });
    await expect(book('home-1')).rejects.toMatchObject({ name: 'TransactionCanceledException' });
    expect(await readDeliveryDays('plan-7', '2030-01-01', '2030-01-31')).toEqual(new Map([['2030-01-07', ['home-1', 'home-2']]]));
  });
});

describe('retrying a plan', () => {
  it('with the same Idempotency-Key replays the first answer; a different body under that key is 422', async () => {
    const { store } = await setupStore(api(), { storeId: 'plan-retry', capacityPerDay: 2, homes: { 'home-r': [weekdayIn(2)] } });
    const requestId = await approvedRequest(api(), store, 'home-r', [{ sku: 'APRON', quantity: 30 }]);
    const send = (body: unknown) =>
      api().request('POST', '/v1/stores/plan-retry/delivery-plans', { token: store, body, headers: { 'idempotency-key': 'plan-retry-0001' } });

    const first = await expectStatus(send({ from: today(), days: 7 }), 200);
    expect(first.body.deliveries.map((d: any) => d.requestIds)).toEqual([[requestId]]);
    const deliveries = await entities(api(), 'Delivery');

    // The answer was lost; the client retries with the same key and body: the same plan, nothing booked again.
    const retry = await expectStatus(send({ from: today(), days: 7 }), 200);
    expect(retry.body).toEqual(first.body);
    expect(await entities(api(), 'Delivery')).toEqual(deliveries);

    // Without the key, a re-plan answers only what is new (nothing), which is why the key matters.
    expect((await expectStatus(plan(api(), store, 'plan-retry', today(), 7), 200)).body.deliveries).toEqual([]);
    await expectStatus(send({ from: today(), days: 3 }), 422);
  });
});
