/**
 * POST /v1/stores/{storeId}/allocations through HTTP against DynamoDB Local: a store short of stock
 * serves the home with the fewest days of supply first, never allocates more than it holds, says
 * why a line got less, records the allocation on each request and keeps the homes' inbound units
 * equal to what is now promised. The allocation rule itself has its property tests
 * (test/unit/allocation.property.test.ts).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { daysAgo, postCount, seedRegistry } from '../support/stock-fixtures.ts';
import { act, inboundOf, submitted } from '../support/request-fixtures.ts';
import { useTestApi } from '../support/test-api.ts';

const api = useTestApi();
let admin: string;
let store: string;
const ids: Record<string, string> = {};

beforeAll(async () => {
  admin = await seedRegistry(api(), { stores: ['s1', 'empty'], homes: { low: 's1', mid: 's1', high: 's1' } });
  store = await api().token('store:s1');
  // Counted a day ago at 10 masks a day: low has 1 day left, mid 5, high 10.
  for (const [homeId, onHand] of [['low', 20], ['mid', 60], ['high', 110]] as const) {
    expect((await postCount(api(), admin, `/v1/homes/${homeId}`, daysAgo(1), [{ sku: 'MASK-IIR', onHand, dailyUsage: 10 }])).status).toBe(200);
  }
  expect((await postCount(api(), store, '/v1/stores/s1', daysAgo(0.01), [{ sku: 'MASK-IIR', onHand: 100 }, { sku: 'APRON', onHand: 1000 }])).status).toBe(200);
  // Oldest request first: the one with the most days left, so age alone would favour it.
  for (const homeId of ['high', 'mid', 'low']) {
    ids[homeId] = await submitted(api(), store, homeId, [{ sku: 'MASK-IIR', quantity: 100 }, { sku: 'APRON', quantity: 50 }]);
    expect((await act(api(), store, ids[homeId]!, 'approve', { lines: [{ sku: 'MASK-IIR', quantity: 100 }, { sku: 'APRON', quantity: 50 }] })).status).toBe(200);
  }
}, 60_000);

const allocate = () => api().request('POST', '/v1/stores/s1/allocations', { token: store });
const lineOf = (result: any, homeId: string, sku: string) =>
  result.allocations.find((a: any) => a.homeId === homeId).lines.find((l: any) => l.sku === sku);

describe('allocating a store short of stock', () => {
  it('fewest days first, never more than the store holds, and says why a line got less', async () => {
    const response = await allocate();
    expect(response.status).toBe(200);
    const masks = ['low', 'mid', 'high'].map((h) => lineOf(response.body, h, 'MASK-IIR'));
    expect(masks.reduce((sum, l) => sum + l.allocated, 0)).toBe(100);
    const [low, mid, high] = masks.map((l) => l.allocated);
    expect(low).toBeGreaterThanOrEqual(mid!);
    expect(mid).toBeGreaterThanOrEqual(high!);
    // Water-filling: low (1 day) and mid (5 days) are lifted to the same level before high (10 days) gets anything.
    expect(high).toBe(0);
    expect(masks.every((l) => l.reason?.startsWith('Store short of MASK-IIR: 100 of 300 approved units'))).toBe(true);
    // Aprons: 1,000 in stock cover the 150 approved.
    for (const h of ['low', 'mid', 'high']) expect(lineOf(response.body, h, 'APRON')).toEqual({ sku: 'APRON', approved: 50, allocated: 50, reason: null });
  });

  it('records the allocation on each request, and each home\'s inbound is what is now promised', async () => {
    for (const homeId of ['low', 'mid', 'high']) {
      const request = (await api().request('GET', `/v1/requests/${ids[homeId]}`, { token: store })).body;
      const masks = request.allocatedLines.find((l: any) => l.sku === 'MASK-IIR');
      expect(request.status).toBe('approved');
      expect(request.allocatedAt).not.toBeNull();
      expect(request.history.at(-1)).toMatchObject({ action: 'allocate', from: 'approved', to: 'approved', actor: { org: 'store:s1' } });
      expect(await inboundOf(api(), homeId)).toEqual({ 'MASK-IIR': masks.allocated, APRON: 50 });
    }
  });

  it('running it again gives the same answer and writes nothing', async () => {
    const before = await api().tableItems();
    const first = await allocate();
    const again = await allocate();
    const quantities = (result: any) => result.allocations.map((a: any) => [a.requestId, a.lines.map((l: any) => [l.sku, l.approved, l.allocated])]);
    expect(quantities(again.body)).toEqual(quantities(first.body));
    expect(await api().tableItems()).toEqual(before);
  });

  it('stock held by scheduled requests is not allocated twice', async () => {
    // Scheduling is the deliveries feature's: here mid's request is moved to scheduled directly.
    const raw = DynamoDBDocumentClient.from(new DynamoDBClient({}));
    await raw.send(new UpdateCommand({
      TableName: api().system.tableName,
      Key: { PK: `REQUEST#${ids.mid}`, SK: 'REQUEST' },
      UpdateExpression: 'SET #s = :s, GSI3PK = :q',
      ExpressionAttributeNames: { '#s': 'status' },
      ExpressionAttributeValues: { ':s': 'scheduled', ':q': 'STORE#s1#REQUESTS#scheduled' },
    }));
    const heldByMid = (await api().request('GET', `/v1/requests/${ids.mid}`, { token: store })).body.allocatedLines.find((l: any) => l.sku === 'MASK-IIR').allocated;
    const response = await allocate();
    expect(response.body.allocations.map((a: any) => a.homeId).sort()).toEqual(['high', 'low']);
    const total = ['low', 'high'].reduce((sum, h) => sum + lineOf(response.body, h, 'MASK-IIR').allocated, 0);
    expect(total).toBe(100 - heldByMid);
  });

  it('cancelling an allocated request takes off what was allocated, not what was approved', async () => {
    const allocated = lineOf((await allocate()).body, 'low', 'MASK-IIR').allocated;
    expect((await inboundOf(api(), 'low'))['MASK-IIR']).toBe(allocated);
    expect((await act(api(), store, ids.low!, 'cancel')).status).toBe(200);
    expect(await inboundOf(api(), 'low')).toEqual({ 'MASK-IIR': 0, APRON: 0 });
  });

  it('a store with nothing to allocate answers an empty list; an unknown store 404', async () => {
    const empty = await api().request('POST', '/v1/stores/empty/allocations', { token: admin });
    expect(empty.status).toBe(200);
    expect(empty.body.allocations).toEqual([]);
    expect((await api().request('POST', '/v1/stores/ghost/allocations', { token: admin })).status).toBe(404);
  });
});
