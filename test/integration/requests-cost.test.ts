/**
 * What a submission and an approval cost: DynamoDB requests (bounded, whatever the number of
 * lines), their order, and the capacity DynamoDB reports. Figures are printed; the assertions are
 * the bounds. Powertools' idempotency calls go through the plain client and do not ask for their
 * capacity: they are counted, not weighed.
 */
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { documentClient, dynamodbClient } from '../../functions/data/dynamodb-client.ts';
import { daysAgo, postCount, seedRegistry, testCatalogue } from '../support/stock-fixtures.ts';
import { act, submit } from '../support/request-fixtures.ts';
import { meterDynamoDb } from '../support/dynamodb-meter.ts';
import { useTestApi } from '../support/test-api.ts';

const api = useTestApi();
let home: string;
let store: string;
const lines = testCatalogue.map((item, i) => ({ sku: item.sku, quantity: 10 * (i + 1) }));

beforeAll(async () => {
  const admin = await seedRegistry(api(), { stores: ['s1'], homes: { h1: 's1' } });
  [home, store] = await Promise.all([api().token('home:h1'), api().token('store:s1')]);
  await postCount(api(), admin, '/v1/homes/h1', daysAgo(1), lines.map((l) => ({ sku: l.sku, onHand: 100, dailyUsage: 10 })));
});

afterEach(() => vi.restoreAllMocks());


describe('what a request costs', () => {
  it(`submit (${lines.length} lines) and approve are a fixed handful of requests`, async () => {
    const figures: Record<string, unknown> = {};

    let m = meterDynamoDb([documentClient, dynamodbClient]);
    const plain = await submit(api(), home, 'h1', lines);
    vi.restoreAllMocks();
    expect(plain.status).toBe(201);
    // GetItem (home) ∥ Query (catalogue) ∥ BatchGet (positions) → PutItem
    expect([...m.calls].sort()).toEqual(['BatchGet', 'Get', 'Put', 'Query']);
    figures['submit'] = { requests: m.calls, roundTrips: 2, consumedCapacityUnits: m.capacity() };

    m = meterDynamoDb([documentClient, dynamodbClient]);
    const keyed = await submit(api(), home, 'h1', lines, { 'idempotency-key': 'cost-key-000001' });
    vi.restoreAllMocks();
    expect(keyed.status).toBe(201);
    expect(m.calls.filter((c) => c.endsWith('Item'))).toEqual(['PutItem', 'UpdateItem']);
    figures['submit with Idempotency-Key'] = { requests: m.calls, roundTrips: 4, consumedCapacityUnits: `${m.capacity()} + Powertools' PutItem and UpdateItem` };

    m = meterDynamoDb([documentClient, dynamodbClient]);
    const replay = await submit(api(), home, 'h1', lines, { 'idempotency-key': 'cost-key-000001' });
    vi.restoreAllMocks();
    expect(replay.status).toBe(201);
    expect(m.calls).toEqual(['PutItem']);
    figures['replay'] = { requests: m.calls, roundTrips: 1 };

    m = meterDynamoDb([documentClient, dynamodbClient]);
    const approved = await act(api(), store, plain.body.requestId, 'approve', { lines });
    vi.restoreAllMocks();
    expect(approved.status).toBe(200);
    // GetItem (request) → GetItem (home: which store serves it now, for access; approve reuses it) →
    // GetItem (caps) ∥ BatchGet (positions) → TransactWriteItems (request + 7 positions). Issue #13 made
    // the home's read a round trip of its own (it was beside caps and positions): 3 round trips became 4.
    expect([...m.calls.slice(0, 2), ...m.calls.slice(2, 4).sort(), ...m.calls.slice(4)]).toEqual(['Get', 'Get', 'BatchGet', 'Get', 'TransactWrite']);
    figures['approve'] = { requests: m.calls, roundTrips: 4, consumedCapacityUnits: m.capacity() };

    m = meterDynamoDb([documentClient, dynamodbClient]);
    const rejected = await act(api(), store, keyed.body.requestId, 'reject', { reason: 'Duplicate of the earlier request' });
    vi.restoreAllMocks();
    expect(rejected.status).toBe(200);
    // GetItem (request) → GetItem (home: which store serves it now; issue #13, one more read) →
    // TransactWriteItems (the request's update and its request.rejected webhook event: issue #21's
    // outbox, one write with the change; it was a single UpdateItem before).
    expect(m.calls).toEqual(['Get', 'Get', 'TransactWrite']);
    figures['reject'] = { requests: m.calls, roundTrips: 3, consumedCapacityUnits: m.capacity() };

    console.log('PPE requests, DynamoDB requests and consumed capacity:\n' + JSON.stringify(figures, null, 2));
  });
});
