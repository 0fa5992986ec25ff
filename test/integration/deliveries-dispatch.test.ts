/**
 * Dispatch and receipt through the API, over DynamoDB Local: stock moves exactly once under racing
 * calls, is conserved over a plan / dispatch / receipt sequence, and only the right organisations
 * can move it.
 */
import { describe, expect, it } from 'vitest';
import {
  approvedRequest,
  countHome,
  dispatch,
  entities,
  expectStatus,
  plan,
  positionsOf,
  receive,
  setupStore,
  today,
  weekdayIn,
} from '../support/delivery-fixtures.ts';
import { useTestApi, type TestApi } from '../support/test-api.ts';
import { dispatchDelivery } from '../../functions/deliveries/dispatch-delivery.ts';
import { moveDelivery } from '../../functions/deliveries/move-delivery.ts';
import { HttpProblem } from '../../functions/http/problem.ts';
import type { Principal } from '../../functions/access/principal.ts';
import { guardedDelivery } from '../../functions/access/resources.ts';

const api = useTestApi();

/** A store with stock, one home, one approved request planned: the delivery id. */
async function plannedDelivery(storeId: string, homeId: string, stock: Record<string, number>, lines: { sku: string; quantity: number }[]) {
  const tokens = await setupStore(api(), { storeId, capacityPerDay: 5, homes: { [homeId]: [weekdayIn(1)] }, stock });
  const requestId = await approvedRequest(api(), tokens.store, homeId, lines);
  const planned = await expectStatus(plan(api(), tokens.store, storeId, today(), 7), 200);
  return { ...tokens, requestId, deliveryId: planned.body.deliveries[0].deliveryId as string };
}

const eventsOf = async (api: TestApi, kind: string, reference: string) =>
  (await entities(api, 'StockEvent')).filter((e) => e.kind === kind && e.reference === reference);

describe('dispatch', () => {
  it('four dispatches racing: one 200, three 409, the stock leaves the store once', async () => {
    const { store, deliveryId, requestId } = await plannedDelivery('race-1', 'home-race', { 'MASK-IIR': 500, APRON: 300 }, [
      { sku: 'MASK-IIR', quantity: 120 },
      { sku: 'APRON', quantity: 40 },
    ]);
    const responses = await Promise.all([1, 2, 3, 4].map(() => dispatch(api(), store, deliveryId)));
    expect(responses.map((r) => r.status).sort()).toEqual([200, 409, 409, 409]);
    for (const refused of responses.filter((r) => r.status === 409)) expect(refused.body).toMatchObject({ status: 409, currentStatus: 'dispatched' });

    expect(await positionsOf(api(), 'STORE#race-1')).toEqual({ 'MASK-IIR': { onHand: 380, inbound: 0 }, APRON: { onHand: 260, inbound: 0 } });
    expect(await eventsOf(api(), 'dispatch', deliveryId)).toHaveLength(2);
    const delivery = (await api().request('GET', `/v1/deliveries/${deliveryId}`, { token: store })).body;
    expect(delivery).toMatchObject({ status: 'dispatched', dispatchedBy: { org: 'store:race-1' }, lines: [{ sku: 'APRON', quantity: 40 }, { sku: 'MASK-IIR', quantity: 120 }] });
    expect((await api().request('GET', `/v1/requests/${requestId}`, { token: store })).body.status).toBe('dispatched');
  });

  it('refuses with the shortfall per SKU when the store lacks units, and nothing moves', async () => {
    const { store, deliveryId } = await plannedDelivery('short-1', 'home-short', { 'GOWN-FR': 5, VISOR: 100 }, [
      { sku: 'GOWN-FR', quantity: 8 },
      { sku: 'VISOR', quantity: 10 },
      { sku: 'APRON', quantity: 2 },
    ]);
    const before = await api().tableItems();
    const response = await dispatch(api(), store, deliveryId);
    expect(response.status).toBe(409);
    expect(response.body.shortfall).toEqual([{ sku: 'APRON', required: 2, available: 0 }, { sku: 'GOWN-FR', required: 8, available: 5 }]);
    expect(await api().tableItems()).toEqual(before);
  });

  it('leaves off a request cancelled after planning', async () => {
    const { store, deliveryId, requestId } = await plannedDelivery('cancel-1', 'home-cancel', { APRON: 100, VISOR: 100 }, [{ sku: 'APRON', quantity: 10 }]);
    const later = await approvedRequest(api(), store, 'home-cancel', [{ sku: 'VISOR', quantity: 7 }]);
    await expectStatus(plan(api(), store, 'cancel-1', today(), 7), 200);
    await expectStatus(api().request('POST', `/v1/requests/${requestId}/cancel`, { token: store }), 200);
    const sent = await expectStatus(dispatch(api(), store, deliveryId), 200);
    expect(sent.body).toMatchObject({ requestIds: [later], lines: [{ sku: 'VISOR', quantity: 7 }] });
    expect(await positionsOf(api(), 'STORE#cancel-1')).toMatchObject({ APRON: { onHand: 100 }, VISOR: { onHand: 93 } });
  });
});

describe('receipt', () => {
  it('a second receipt is refused 409 and adds nothing; racing receipts add once', async () => {
    const { store, deliveryId } = await plannedDelivery('twice-1', 'home-twice', { APRON: 100 }, [{ sku: 'APRON', quantity: 30 }]);
    await expectStatus(dispatch(api(), store, deliveryId), 200);
    const home = await api().token('home:home-twice');
    const racing = await Promise.all([1, 2, 3].map(() => receive(api(), home, deliveryId, [{ sku: 'APRON', quantity: 30 }])));
    expect(racing.map((r) => r.status).sort()).toEqual([200, 409, 409]);
    const again = await receive(api(), home, deliveryId, [{ sku: 'APRON', quantity: 30 }]);
    expect(again.status).toBe(409);
    expect(again.body.currentStatus).toBe('delivered');
    expect(await positionsOf(api(), 'HOME#home-twice')).toEqual({ APRON: { onHand: 30, inbound: 0 } });
    expect(await eventsOf(api(), 'receipt', deliveryId)).toHaveLength(1);
  });

  it('stock is conserved over plan, dispatch and receipt: store + in transit + homes changes only by recorded discrepancies', async () => {
    const { store } = await setupStore(api(), {
      storeId: 'cons-1',
      capacityPerDay: 5,
      homes: { 'home-c1': [weekdayIn(1)], 'home-c2': [weekdayIn(2)] },
      stock: { 'MASK-IIR': 1000, 'GLOVE-NITRILE-M': 500 },
    });
    await countHome(api(), store, 'home-c1', [{ sku: 'MASK-IIR', onHand: 20 }, { sku: 'GLOVE-NITRILE-M', onHand: 10 }]);
    await countHome(api(), store, 'home-c2', [{ sku: 'MASK-IIR', onHand: 5 }]);

    const total = async () => {
      const items = await api().tableItems();
      const onHand = items
        .filter((i) => i.entity === 'StockPosition' && ['STORE#cons-1', 'HOME#home-c1', 'HOME#home-c2'].includes(i.PK as string))
        .reduce((sum, i) => sum + Number(i.onHand), 0);
      const inTransit = items
        .filter((i) => i.entity === 'Delivery' && i.storeId === 'cons-1' && i.status === 'dispatched')
        .flatMap((d) => d.lines as { quantity: number }[])
        .reduce((sum, l) => sum + l.quantity, 0);
      const discrepancies = items
        .filter((i) => i.entity === 'Delivery' && i.storeId === 'cons-1')
        .flatMap((d) => d.discrepancies as { dispatched: number; received: number }[])
        .reduce((sum, d) => sum + d.received - d.dispatched, 0);
      return { onHand, inTransit, conserved: onHand + inTransit - discrepancies };
    };
    const start = await total();
    expect(start).toEqual({ onHand: 1535, inTransit: 0, conserved: 1535 });

    await approvedRequest(api(), store, 'home-c1', [{ sku: 'MASK-IIR', quantity: 200 }, { sku: 'GLOVE-NITRILE-M', quantity: 100 }]);
    await approvedRequest(api(), store, 'home-c2', [{ sku: 'MASK-IIR', quantity: 50 }]);
    const planned = await expectStatus(plan(api(), store, 'cons-1', today(), 7), 200);
    const [d1, d2] = planned.body.deliveries.map((d: any) => d.deliveryId as string);
    expect((await total()).conserved).toBe(1535);
    expect(await positionsOf(api(), 'HOME#home-c1')).toEqual({ 'MASK-IIR': { onHand: 20, inbound: 200 }, 'GLOVE-NITRILE-M': { onHand: 10, inbound: 100 } });

    await expectStatus(dispatch(api(), store, d1!), 200);
    expect(await total()).toEqual({ onHand: 1235, inTransit: 300, conserved: 1535 });
    // Dispatched units are still inbound at the home: on their way, not yet received.
    expect((await positionsOf(api(), 'HOME#home-c1'))['MASK-IIR']).toEqual({ onHand: 20, inbound: 200 });
    await expectStatus(dispatch(api(), store, d2!), 200);
    expect(await total()).toEqual({ onHand: 1185, inTransit: 350, conserved: 1535 });

    const exact = await expectStatus(receive(api(), await api().token('home:home-c1'), d1!, [{ sku: 'MASK-IIR', quantity: 200 }, { sku: 'GLOVE-NITRILE-M', quantity: 100 }]), 200);
    expect(exact.body).toMatchObject({ status: 'delivered', discrepancies: [], receivedBy: 'Rhian Evans', confirmedBy: { org: 'home:home-c1' } });
    expect(await total()).toEqual({ onHand: 1485, inTransit: 50, conserved: 1535 });
    expect(await positionsOf(api(), 'HOME#home-c1')).toEqual({ 'MASK-IIR': { onHand: 220, inbound: 0 }, 'GLOVE-NITRILE-M': { onHand: 110, inbound: 0 } });

    // The store confirms for home-c2: 6 masks short, recorded; inbound cleared of all 50.
    const short = await expectStatus(receive(api(), store, d2!, [{ sku: 'MASK-IIR', quantity: 44 }]), 200);
    expect(short.body.discrepancies).toEqual([{ sku: 'MASK-IIR', dispatched: 50, received: 44 }]);
    expect(await total()).toEqual({ onHand: 1529, inTransit: 0, conserved: 1535 });
    expect(await positionsOf(api(), 'HOME#home-c2')).toEqual({ 'MASK-IIR': { onHand: 49, inbound: 0 } });
  });
});

describe('who may move stock', () => {
  it('only the serving store dispatches; only the receiving home or its store confirms receipt', async () => {
    const { admin, store, deliveryId } = await plannedDelivery('ten-1', 'home-ten', { APRON: 100 }, [{ sku: 'APRON', quantity: 10 }]);
    await setupStore(api(), { storeId: 'ten-2', capacityPerDay: 1, homes: { 'home-other': [weekdayIn(1)] } });
    const before = await api().tableItems();
    for (const org of ['store:ten-2', 'home:home-ten', 'home:home-other']) {
      const response = await dispatch(api(), await api().token(org), deliveryId);
      expect(response.status, org).toBe(403);
    }
    expect(await api().tableItems()).toEqual(before);
    await expectStatus(dispatch(api(), store, deliveryId), 200);

    const afterDispatch = await api().tableItems();
    for (const org of ['store:ten-2', 'home:home-other']) {
      const response = await receive(api(), await api().token(org), deliveryId, [{ sku: 'APRON', quantity: 10 }]);
      expect(response.status, org).toBe(403);
    }
    expect(await api().tableItems()).toEqual(afterDispatch);
    await expectStatus(receive(api(), await api().token('home:home-ten'), deliveryId, [{ sku: 'APRON', quantity: 10 }]), 200);
    expect((await api().request('GET', `/v1/deliveries/${deliveryId}`, { token: admin })).body.status).toBe('delivered');
  });
});

describe('a move overtaken while it was being computed', () => {
  it('answers from the delivery’s new state, not from its stale reads', async () => {
    // A losing dispatch can read the delivery before the winner commits and its requests (or the
    // store's stock) after: "nothing left to dispatch" or "store short" would then be wrong answers.
    const { deliveryId } = await plannedDelivery('race-stale', 'home-stale', { APRON: 100 }, [{ sku: 'APRON', quantity: 100 }]);
    const principal: Principal = { subject: 'test', org: { kind: 'store', id: 'race-stale' }, scopes: new Set(['carestock/deliveries.schedule']) };
    const target = guardedDelivery(principal, 'decide', deliveryId);
    let overtaken = false;
    const refusal = await moveDelivery(target, new Date(), {
      action: 'dispatch',
      from: 'planned',
      to: 'dispatched',
      plan: async ({ delivery }) => {
        if (!overtaken) {
          overtaken = true;
          await dispatchDelivery(target, new Date()); // the racing winner commits first
        }
        throw new HttpProblem('insufficient-stock', 'The store does not hold the units for this delivery; nothing moved.', { extensions: { currentStatus: delivery.status, shortfall: [] } });
      },
    }).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(HttpProblem);
    expect((refusal as HttpProblem).toBody()).toMatchObject({ status: 409, currentStatus: 'dispatched', detail: expect.stringContaining('already dispatched') });
  });
});

