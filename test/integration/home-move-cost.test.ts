/**
 * What a home's move costs (issue #13): DynamoDB requests (a fixed handful, whatever the open work)
 * and the capacity DynamoDB reports, for a typical home: 7 items counted, a planned delivery of two
 * allocated requests, one approved and one submitted request. Figures are printed; the assertions
 * are the shape and the bound. An edit that keeps the store is one read and one transaction.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { approvedRequest, countHome, expectStatus, plan, setupStore, today, weekdayIn } from '../support/delivery-fixtures.ts';
import { meterDynamoDb } from '../support/dynamodb-meter.ts';
import { testCatalogue } from '../support/stock-fixtures.ts';
import { useTestApi } from '../support/test-api.ts';

const api = useTestApi();
afterEach(() => vi.restoreAllMocks());

describe('what a move costs', () => {
  it('reads in four steps and writes one transaction of 2 + requests + 2 × planned deliveries + positions', async () => {
    const stock = Object.fromEntries(testCatalogue.map((i) => [i.sku, 50]));
    const { admin, store } = await setupStore(api(), { storeId: 'cost-from', capacityPerDay: 5, homes: { 'home-moving': [weekdayIn(1)] }, stock });
    await setupStore(api(), { storeId: 'cost-to', capacityPerDay: 5, homes: {} });
    await countHome(api(), store, 'home-moving', testCatalogue.map((i) => ({ sku: i.sku, onHand: 100, dailyUsage: 5 })));
    await approvedRequest(api(), store, 'home-moving', [{ sku: 'APRON', quantity: 100 }, { sku: 'VISOR', quantity: 100 }]);
    await approvedRequest(api(), store, 'home-moving', [{ sku: 'MASK-IIR', quantity: 100 }]);
    await expectStatus(api().request('POST', '/v1/stores/cost-from/allocations', { token: store }), 200); // 50 of each: allocations below the approvals
    await expectStatus(plan(api(), store, 'cost-from', today(), 7), 200);
    await approvedRequest(api(), store, 'home-moving', [{ sku: 'GOWN-FR', quantity: 10 }]);
    await expectStatus(api().request('POST', '/v1/homes/home-moving/requests', { token: store, body: { lines: [{ sku: 'APRON', quantity: 5 }] } }), 201);
    const body = { name: 'home-moving', storeId: 'cost-to', beds: 40, deliveryDays: [weekdayIn(1)] };
    const figures: Record<string, unknown> = {};

    let m = meterDynamoDb();
    await expectStatus(api().request('PUT', '/v1/homes/home-moving', { token: admin, body }), 200);
    vi.restoreAllMocks();
    // Get (home) → Query (positions) ∥ Query (open request ids) → BatchGet (requests) → BatchGet (planned deliveries) → TransactWrite
    expect([m.calls[0], ...m.calls.slice(1, 3).sort(), ...m.calls.slice(3)]).toEqual(['Get', 'Query', 'Query', 'BatchGet', 'BatchGet', 'TransactWrite']);
    // 2 + 4 requests + 2 × 1 delivery + 3 positions whose inbound changes (APRON, VISOR, MASK-IIR) + 4 re-attributed = 15 actions
    const positions = (await api().tableItems()).filter((i) => i.entity === 'StockPosition' && i.PK === 'HOME#home-moving');
    expect(positions.map((p) => p.storeId)).toEqual(positions.map(() => 'cost-to'));
    figures.move = { requests: m.calls.length, transactionActions: 2 + 4 + 2 + positions.length, consumedCapacityUnits: m.capacity() };

    m = meterDynamoDb();
    await expectStatus(api().request('PUT', '/v1/homes/home-moving', { token: admin, body: { ...body, beds: 41 } }), 200);
    vi.restoreAllMocks();
    expect(m.calls).toEqual(['Get', 'TransactWrite']);
    figures.edit = { requests: m.calls.length, transactionActions: 2, consumedCapacityUnits: m.capacity() };
    console.log('home move cost', JSON.stringify(figures));
  });
});
