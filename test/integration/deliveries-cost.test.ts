/**
 * What planning, dispatch and receipt cost: DynamoDB requests (a fixed handful, whatever the number
 * of SKUs) and the capacity DynamoDB reports. Figures are printed; the assertions are the bounds.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { approvedRequest, countHome, dispatch, expectStatus, plan, receive, setupStore, today, weekdayIn } from '../support/delivery-fixtures.ts';
import { testCatalogue } from '../support/stock-fixtures.ts';
import { meterDynamoDb } from '../support/dynamodb-meter.ts';
import { useTestApi } from '../support/test-api.ts';

const api = useTestApi();
afterEach(() => vi.restoreAllMocks());


describe('what a delivery costs', () => {
  it(`plan, dispatch and receipt of a ${testCatalogue.length}-SKU delivery are a fixed handful of requests`, async () => {
    const stock = Object.fromEntries(testCatalogue.map((i) => [i.sku, 1000]));
    const { store } = await setupStore(api(), { storeId: 'cost-1', capacityPerDay: 5, homes: { 'home-cost': [weekdayIn(1)] }, stock });
    const lines = testCatalogue.map((i, n) => ({ sku: i.sku, quantity: 10 * (n + 1) }));
    await countHome(api(), store, 'home-cost', lines.map((l) => ({ sku: l.sku, onHand: 50, dailyUsage: 5 })));
    await approvedRequest(api(), store, 'home-cost', lines);
    const figures: Record<string, unknown> = {};

    let m = meterDynamoDb();
    const planned = await expectStatus(plan(api(), store, 'cost-1', today(), 7), 200);
    vi.restoreAllMocks();
    // Get (store) → Query ×4 (homes, two queues, delivery days) → [BatchGet (existing deliveries): none yet] →
    // BatchGet (positions) → one TransactWrite per new or grown delivery
    expect([...m.calls].sort()).toEqual(['BatchGet', 'Get', 'Query', 'Query', 'Query', 'Query', 'TransactWrite']);
    figures.plan = { requests: m.calls.length, consumedCapacityUnits: m.capacity() };
    const deliveryId = planned.body.deliveries[0].deliveryId as string;

    m = meterDynamoDb();
    await expectStatus(dispatch(api(), store, deliveryId), 200);
    vi.restoreAllMocks();
    // Get (delivery) → Get (its home: which store serves it now; issue #13, one more read) → BatchGet (requests) →
    // BatchGet (store positions) → TransactWrite (1 + 1 + 2 × SKUs actions)
    expect(m.calls).toEqual(['Get', 'Get', 'BatchGet', 'BatchGet', 'TransactWrite']);
    figures.dispatch = { requests: m.calls.length, transactionActions: 1 + 1 + 2 * lines.length, consumedCapacityUnits: m.capacity() };

    m = meterDynamoDb();
    await expectStatus(receive(api(), await api().token('home:home-cost'), deliveryId, lines), 200);
    vi.restoreAllMocks();
    expect(m.calls).toEqual(['Get', 'BatchGet', 'BatchGet', 'TransactWrite']);
    figures.receipt = { requests: m.calls.length, transactionActions: 1 + 1 + 2 * lines.length, consumedCapacityUnits: m.capacity() };
    console.log('delivery cost', JSON.stringify(figures));
  });
});
