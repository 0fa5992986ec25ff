/**
 * Cancelling a scheduled request through the API, over DynamoDB Local: it leaves its delivery in the
 * same transaction (lines shrink, the manifest's totals follow), a delivery left empty is cancelled
 * and frees its date's slot, re-planning that home and date takes the cancelled item over, and a
 * cancel racing a dispatch leaves exactly one of them standing, with the stock to match.
 */
import { describe, expect, it } from 'vitest';
import { readDeliveryDays } from '../../functions/data/delivery-repository.ts';
import { addDays, approvedRequest, dispatch, entities, expectStatus, plan, positionsOf, setupStore, today, weekdayIn, type Line } from '../support/delivery-fixtures.ts';
import { useTestApi, type ApiResponse } from '../support/test-api.ts';

const api = useTestApi();

const cancel = async (requestId: string, token: string) => api().request('POST', `/v1/requests/${requestId}/cancel`, { token });
const getDelivery = async (deliveryId: string, token: string) => (await expectStatus(api().request('GET', `/v1/deliveries/${deliveryId}`, { token }), 200)).body;
const getRequest = async (requestId: string, token: string) => (await expectStatus(api().request('GET', `/v1/requests/${requestId}`, { token }), 200)).body;
const manifest = async (storeId: string, date: string, token: string) =>
  (await expectStatus(api().request('GET', `/v1/stores/${storeId}/deliveries?date=${date}`, { token }), 200)).body;
const deliveryIdOf = (date: string, homeId: string) => `dlv-${date.replaceAll('-', '')}-${homeId}`;

/** Units per SKU over lines, as a manifest's totals must add up. */
function sumLines(lines: Line[]): Line[] {
  const totals = new Map<string, number>();
  for (const l of lines) totals.set(l.sku, (totals.get(l.sku) ?? 0) + l.quantity);
  return [...totals].sort(([a], [b]) => (a < b ? -1 : 1)).map(([sku, quantity]) => ({ sku, quantity }));
}

describe('cancelling a scheduled request', () => {
  it('takes it off its delivery: requestIds and lines shrink, the manifest totals still add up, and its units leave inbound', async () => {
    const { store } = await setupStore(api(), { storeId: 'cxl-1', capacityPerDay: 3, homes: { 'home-a': [weekdayIn(1)], 'home-b': [weekdayIn(1)] } });
    const a1 = await approvedRequest(api(), store, 'home-a', [{ sku: 'MASK-IIR', quantity: 10 }, { sku: 'APRON', quantity: 20 }]);
    const a2 = await approvedRequest(api(), store, 'home-a', [{ sku: 'MASK-IIR', quantity: 5 }, { sku: 'VISOR', quantity: 4 }]);
    const b1 = await approvedRequest(api(), store, 'home-b', [{ sku: 'MASK-IIR', quantity: 7 }]);
    const date = addDays(today(), 1);
    await expectStatus(plan(api(), store, 'cxl-1', today(), 7), 200);
    const before = await manifest('cxl-1', date, store);
    expect(before.items.map((d: any) => [d.homeId, d.requestIds, d.lines])).toEqual([
      ['home-a', [a1, a2], [{ sku: 'APRON', quantity: 20 }, { sku: 'MASK-IIR', quantity: 15 }, { sku: 'VISOR', quantity: 4 }]],
      ['home-b', [b1], [{ sku: 'MASK-IIR', quantity: 7 }]],
    ]);

    const home = await api().token('home:home-a');
    const cancelled = await expectStatus(cancel(a1, home), 200);
    expect(cancelled.body.status).toBe('cancelled');

    const after = await manifest('cxl-1', date, store);
    expect(after.items.map((d: any) => [d.homeId, d.status, d.requestIds, d.lines])).toEqual([
      ['home-a', 'planned', [a2], [{ sku: 'MASK-IIR', quantity: 5 }, { sku: 'VISOR', quantity: 4 }]],
      ['home-b', 'planned', [b1], [{ sku: 'MASK-IIR', quantity: 7 }]],
    ]);
    expect(after.totals).toEqual([{ sku: 'MASK-IIR', quantity: 12 }, { sku: 'VISOR', quantity: 4 }]);
    expect(after.totals).toEqual(sumLines(after.items.flatMap((d: any) => d.lines)));
    expect(await positionsOf(api(), 'HOME#home-a')).toMatchObject({ 'MASK-IIR': { inbound: 5 }, APRON: { inbound: 0 }, VISOR: { inbound: 4 } });
    // The delivery keeps its slot: the home still has a request on it.
    expect(await readDeliveryDays('cxl-1', date, date)).toEqual(new Map([[date, ['home-a', 'home-b']]]));
    // Another request cancelled later leaves as cleanly; re-planning places nothing again.
    await expectStatus(cancel(a2, home), 200);
    expect((await getDelivery(deliveryIdOf(date, 'home-a'), store)).status).toBe('cancelled');
    expect((await expectStatus(plan(api(), store, 'cxl-1', today(), 7), 200)).body.deliveries).toEqual([]);
  });

  it('cancels a delivery left with no requests and frees its slot: another home takes the date at capacity 1', async () => {
    const { store } = await setupStore(api(), { storeId: 'cxl-2', capacityPerDay: 1, homes: { 'home-x': [weekdayIn(1)], 'home-y': [weekdayIn(1)] } });
    const date = addDays(today(), 1);
    const x1 = await approvedRequest(api(), store, 'home-x', [{ sku: 'APRON', quantity: 10 }]);
    const first = await expectStatus(plan(api(), store, 'cxl-2', today(), 7), 200);
    expect(first.body.deliveries.map((d: any) => d.deliveryId)).toEqual([deliveryIdOf(date, 'home-x')]);
    const y1 = await approvedRequest(api(), store, 'home-y', [{ sku: 'VISOR', quantity: 3 }]);
    const full = await expectStatus(plan(api(), store, 'cxl-2', today(), 7), 200);
    expect(full.body.unplaced.map((u: any) => u.requestId)).toEqual([y1]);

    await expectStatus(cancel(x1, await api().token('home:home-x')), 200);
    const gone = await getDelivery(deliveryIdOf(date, 'home-x'), store);
    expect(gone).toMatchObject({ status: 'cancelled', requestIds: [], lines: [] });
    expect(await readDeliveryDays('cxl-2', date, date)).toEqual(new Map([[date, []]]));
    expect((await manifest('cxl-2', date, store)).items).toEqual([]);
    const own = await expectStatus(api().request('GET', '/v1/homes/home-x/deliveries', { token: await api().token('home:home-x') }), 200);
    expect(own.body.items.map((d: any) => [d.deliveryId, d.status])).toEqual([[gone.deliveryId, 'cancelled']]);
    // The dispatch of a cancelled delivery names its state.
    const refused = await dispatch(api(), store, gone.deliveryId);
    expect(refused.status).toBe(409);
    expect(refused.body.currentStatus).toBe('cancelled');

    const again = await expectStatus(plan(api(), store, 'cxl-2', today(), 7), 200);
    expect(again.body.deliveries).toMatchObject([{ deliveryId: deliveryIdOf(date, 'home-y'), date, requestIds: [y1] }]);
    expect(again.body.unplaced).toEqual([]);
    expect(await readDeliveryDays('cxl-2', date, date)).toEqual(new Map([[date, ['home-y']]]));
    expect((await manifest('cxl-2', date, store)).items.map((d: any) => d.homeId)).toEqual(['home-y']);
  });

  it('re-planning the home on that date takes the cancelled delivery over, its version carried on', async () => {
    const { store } = await setupStore(api(), { storeId: 'cxl-3', capacityPerDay: 1, homes: { 'home-r': [weekdayIn(1)] }, stock: { APRON: 100 } });
    const date = addDays(today(), 1);
    const deliveryId = deliveryIdOf(date, 'home-r');
    const r1 = await approvedRequest(api(), store, 'home-r', [{ sku: 'APRON', quantity: 10 }]);
    await expectStatus(plan(api(), store, 'cxl-3', today(), 7), 200);
    await expectStatus(cancel(r1, store), 200);
    const r2 = await approvedRequest(api(), store, 'home-r', [{ sku: 'APRON', quantity: 6 }]);

    const replanned = await expectStatus(plan(api(), store, 'cxl-3', today(), 7), 200);
    expect(replanned.body.deliveries).toEqual([{ deliveryId, homeId: 'home-r', date, requestIds: [r2], lines: [{ sku: 'APRON', quantity: 6 }], emergency: false, reason: null }]);
    expect(await getDelivery(deliveryId, store)).toMatchObject({ status: 'planned', requestIds: [r2] });
    const stored = (await entities(api(), 'Delivery')).filter((d) => d.deliveryId === deliveryId);
    expect(stored.map((d) => d.version)).toEqual([3]);
    expect(await readDeliveryDays('cxl-3', date, date)).toEqual(new Map([[date, ['home-r']]]));
    expect((await getRequest(r2, store)).status).toBe('scheduled');

    const sent = await expectStatus(dispatch(api(), store, deliveryId), 200);
    expect(sent.body).toMatchObject({ status: 'dispatched', requestIds: [r2], lines: [{ sku: 'APRON', quantity: 6 }] });
    expect((await positionsOf(api(), 'STORE#cxl-3')).APRON).toEqual({ onHand: 94, inbound: 0 });
  });
});

describe('a cancel racing a dispatch', () => {
  const outcome = (cancelled: ApiResponse, dispatched: ApiResponse) => [cancelled.status, dispatched.status];

  it('of the only request: exactly one wins, and the stock is where that one left it', async () => {
    const seen = new Set<string>();
    for (const n of [1, 2, 3, 4]) {
      const storeId = `race-cxl-${n}`;
      const homeId = `home-rc-${n}`;
      const { store } = await setupStore(api(), { storeId, capacityPerDay: 1, homes: { [homeId]: [weekdayIn(1)] }, stock: { APRON: 100 } });
      const requestId = await approvedRequest(api(), store, homeId, [{ sku: 'APRON', quantity: 10 }]);
      const deliveryId = (await expectStatus(plan(api(), store, storeId, today(), 7), 200)).body.deliveries[0].deliveryId as string;
      const home = await api().token(`home:${homeId}`);
      // Alternate who starts first, so both orders get a chance to land.
      const [cancelled, dispatched] =
        n % 2 === 0
          ? await Promise.all([cancel(requestId, home), dispatch(api(), store, deliveryId)])
          : await Promise.all([dispatch(api(), store, deliveryId), cancel(requestId, home)]).then(([d, c]) => [c, d] as const);
      expect([cancelled.status, dispatched.status].sort()).toEqual([200, 409]);
      seen.add(JSON.stringify(outcome(cancelled, dispatched)));

      const delivery = await getDelivery(deliveryId, store);
      const request = await getRequest(requestId, store);
      const storeStock = (await positionsOf(api(), `STORE#${storeId}`)).APRON;
      const homeStock = (await positionsOf(api(), `HOME#${homeId}`)).APRON;
      const dispatchEvents = (await entities(api(), 'StockEvent')).filter((e) => e.kind === 'dispatch' && e.reference === deliveryId);
      const date = delivery.date as string;
      if (cancelled.status === 200) {
        expect(dispatched.body.currentStatus).toBe('cancelled');
        expect(request.status).toBe('cancelled');
        expect(delivery).toMatchObject({ status: 'cancelled', requestIds: [], lines: [] });
        expect(storeStock).toEqual({ onHand: 100, inbound: 0 });
        expect(homeStock?.inbound).toBe(0);
        expect(dispatchEvents).toHaveLength(0);
        expect(await readDeliveryDays(storeId, date, date)).toEqual(new Map([[date, []]]));
      } else {
        expect(cancelled.body.currentStatus).toBe('dispatched');
        expect(request.status).toBe('dispatched');
        expect(delivery).toMatchObject({ status: 'dispatched', requestIds: [requestId], lines: [{ sku: 'APRON', quantity: 10 }] });
        expect(storeStock).toEqual({ onHand: 90, inbound: 0 });
        expect(homeStock?.inbound).toBe(10);
        expect(dispatchEvents).toHaveLength(1);
        expect(await readDeliveryDays(storeId, date, date)).toEqual(new Map([[date, [homeId]]]));
      }
    }
    console.log('cancel vs dispatch outcomes [cancel, dispatch]:', [...seen].join(' '));
  });

  it('of one of two requests: the dispatch carries it (cancel refused) or leaves it off (both succeed), never half of each', async () => {
    const { store } = await setupStore(api(), { storeId: 'race-cxl-two', capacityPerDay: 1, homes: { 'home-two': [weekdayIn(1)] }, stock: { APRON: 100, VISOR: 100 } });
    const leaving = await approvedRequest(api(), store, 'home-two', [{ sku: 'APRON', quantity: 10 }]);
    const staying = await approvedRequest(api(), store, 'home-two', [{ sku: 'APRON', quantity: 3 }, { sku: 'VISOR', quantity: 5 }]);
    const deliveryId = (await expectStatus(plan(api(), store, 'race-cxl-two', today(), 7), 200)).body.deliveries[0].deliveryId as string;
    const [cancelled, dispatched] = await Promise.all([cancel(leaving, store), dispatch(api(), store, deliveryId)]);
    expect(dispatched.status).toBe(200);
    expect([200, 409]).toContain(cancelled.status);

    const carried = cancelled.status === 409;
    expect(dispatched.body.requestIds).toEqual(carried ? [leaving, staying] : [staying]);
    const sentApron = carried ? 13 : 3;
    expect(dispatched.body.lines).toEqual([{ sku: 'APRON', quantity: sentApron }, { sku: 'VISOR', quantity: 5 }]);
    expect(await positionsOf(api(), 'STORE#race-cxl-two')).toEqual({ APRON: { onHand: 100 - sentApron, inbound: 0 }, VISOR: { onHand: 95, inbound: 0 } });
    expect(await positionsOf(api(), 'HOME#home-two')).toMatchObject({ APRON: { inbound: sentApron }, VISOR: { inbound: 5 } });
    expect((await getRequest(leaving, store)).status).toBe(carried ? 'dispatched' : 'cancelled');
    expect((await getRequest(staying, store)).status).toBe('dispatched');
  });
});
