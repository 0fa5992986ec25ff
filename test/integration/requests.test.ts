/**
 * PPE requests through HTTP against DynamoDB Local: the lifecycle (every transition checked in one
 * conditional write, 409 naming the current state), history, inbound units, tenancy, caps, and
 * the lists (a home's newest first; a store's queue oldest first or most urgent first).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { daysAgo, postCount, seedRegistry } from '../support/stock-fixtures.ts';
import { act, inboundOf, itemsOf, submit, submitted } from '../support/request-fixtures.ts';
import { useTestApi } from '../support/test-api.ts';

const api = useTestApi();
let admin: string;
let store: string;
let otherStore: string;
let home: string;
let otherHome: string;

beforeAll(async () => {
  admin = await seedRegistry(api(), { stores: ['s1', 's2'], homes: { h1: 's1', h2: 's1', h3: 's1', far: 's2' } });
  [store, otherStore, home, otherHome] = await Promise.all([api().token('store:s1'), api().token('store:s2'), api().token('home:h1'), api().token('home:h2')]);
  // h1 has 4 days of masks left, h2 1 day, h3 10 days (counted a day ago at 20 a day).
  for (const [homeId, onHand] of [['h1', 100], ['h2', 40], ['h3', 220]] as const) {
    const counted = await postCount(api(), admin, `/v1/homes/${homeId}`, daysAgo(1), [{ sku: 'MASK-IIR', onHand, dailyUsage: 20 }]);
    expect(counted.status).toBe(200);
  }
}, 60_000);

describe('submitting', () => {
  it('201 with the request: submitted, days of supply per line, history, and a Location', async () => {
    const response = await submit(api(), home, 'h1', [{ sku: 'MASK-IIR', quantity: 200 }, { sku: 'APRON', quantity: 50 }]);
    expect(response.status).toBe(201);
    const request = response.body;
    expect(response.headers.get('location')).toBe(`/v1/requests/${request.requestId}`);
    expect(request).toMatchObject({ homeId: 'h1', storeId: 's1', status: 'submitted', approvedLines: null, allocatedLines: null });
    expect(request.lines).toEqual([
      { sku: 'MASK-IIR', quantity: 200, daysOfSupplyAtSubmission: expect.closeTo(4, 1) },
      { sku: 'APRON', quantity: 50, daysOfSupplyAtSubmission: null },
    ]);
    expect(request.history).toEqual([
      { action: 'submit', from: null, to: 'submitted', at: request.createdAt, actor: { subject: expect.any(String), org: 'home:h1' }, reason: null },
    ]);
    const read = await api().request('GET', `/v1/requests/${request.requestId}`, { token: home });
    expect(read.body).toEqual(request);
    expect(await inboundOf(api(), 'h1')).toEqual({ 'MASK-IIR': 0 });
  });

  it('the home\'s store may submit on its behalf; the history says so', async () => {
    const response = await submit(api(), store, 'h1', [{ sku: 'GOWN-FR', quantity: 5 }]);
    expect(response.status).toBe(201);
    expect(response.body.history[0].actor.org).toBe('store:s1');
  });

  it('another store, or another home, may not submit for h1; nothing is written', async () => {
    const before = await api().tableItems();
    for (const token of [otherStore, otherHome]) {
      const response = await submit(api(), token, 'h1', [{ sku: 'GOWN-FR', quantity: 5 }]);
      expect(response.status).toBe(403);
    }
    expect(await api().tableItems()).toEqual(before);
  });

  it('an unknown home → 404 for an administrator, 403 for a store (the same as a home it does not serve)', async () => {
    expect((await submit(api(), admin, 'nowhere', [{ sku: 'APRON', quantity: 1 }])).status).toBe(404);
    expect((await submit(api(), store, 'nowhere', [{ sku: 'APRON', quantity: 1 }])).status).toBe(403);
  });
});

describe('the lifecycle', () => {
  it('approve in full → approved: out of the submitted queue, into the approved one, units inbound', async () => {
    const id = await submitted(api(), home, 'h1', [{ sku: 'VISOR', quantity: 30 }]);
    const inQueue = async (status: string) =>
      (await api().request('GET', `/v1/stores/s1/requests?status=${status}&limit=100`, { token: store })).body.items.map((r: any) => r.requestId);
    expect(await inQueue('submitted')).toContain(id);

    const approved = await act(api(), store, id, 'approve', { lines: [{ sku: 'VISOR', quantity: 30 }] });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'approved', approvedLines: [{ sku: 'VISOR', quantity: 30 }], override: null });
    expect(approved.body.history.map((h: any) => [h.action, h.from, h.to, h.actor.org])).toEqual([
      ['submit', null, 'submitted', 'home:h1'],
      ['approve', 'submitted', 'approved', 'store:s1'],
    ]);
    expect(await inQueue('submitted')).not.toContain(id);
    expect(await inQueue('approved')).toContain(id);
    expect((await inboundOf(api(), 'h1'))['VISOR']).toBe(30);
  });

  it('approve lower quantities → partially-approved; an SKU left out is approved at 0', async () => {
    const id = await submitted(api(), store, 'h2', [{ sku: 'MASK-IIR', quantity: 100 }, { sku: 'APRON', quantity: 40 }]);
    const response = await act(api(), store, id, 'approve', { lines: [{ sku: 'MASK-IIR', quantity: 60 }] });
    expect(response.status).toBe(200);
    expect(response.body.status).toBe('partially-approved');
    expect(response.body.approvedLines).toEqual([{ sku: 'MASK-IIR', quantity: 60 }, { sku: 'APRON', quantity: 0 }]);
    expect(await inboundOf(api(), 'h2')).toEqual({ 'MASK-IIR': 60 });
  });

  it('reject → rejected, with the reason in the history; nothing inbound', async () => {
    const id = await submitted(api(), store, 'h3', [{ sku: 'GOWN-FR', quantity: 10 }]);
    const response = await act(api(), store, id, 'reject', { reason: 'Stock due from the national stockpile next week' });
    expect(response.status).toBe(200);
    expect(response.body.status).toBe('rejected');
    expect(response.body.history.at(-1)).toMatchObject({ action: 'reject', from: 'submitted', to: 'rejected', reason: 'Stock due from the national stockpile next week' });
    expect((await inboundOf(api(), 'h3'))['GOWN-FR']).toBeUndefined();
  });

  it('cancel an approved request → cancelled, and its units are no longer inbound', async () => {
    const id = await submitted(api(), home, 'h1', [{ sku: 'HAND-SANITISER-500ML', quantity: 24 }]);
    await act(api(), store, id, 'approve', { lines: [{ sku: 'HAND-SANITISER-500ML', quantity: 24 }] });
    expect((await inboundOf(api(), 'h1'))['HAND-SANITISER-500ML']).toBe(24);
    const response = await act(api(), home, id, 'cancel');
    expect(response.status).toBe(200);
    expect(response.body.status).toBe('cancelled');
    expect(response.body.history.map((h: any) => h.to)).toEqual(['submitted', 'approved', 'cancelled']);
    expect((await inboundOf(api(), 'h1'))['HAND-SANITISER-500ML']).toBe(0);
  });

  it.each([
    ['approving a cancelled request', 'cancelled', 'approve', { lines: [{ sku: 'APRON', quantity: 1 }] }],
    ['rejecting an approved request', 'approved', 'reject', { reason: 'Changed my mind' }],
    ['approving a rejected request', 'rejected', 'approve', { lines: [{ sku: 'APRON', quantity: 1 }] }],
    ['cancelling a cancelled request', 'cancelled', 'cancel', undefined],
  ] as const)('%s → 409 naming the current state; nothing changed', async (_case, state, action, body) => {
    const id = await submitted(api(), home, 'h1', [{ sku: 'APRON', quantity: 1 }]);
    if (state === 'cancelled') await act(api(), home, id, 'cancel');
    if (state === 'approved') await act(api(), store, id, 'approve', { lines: [{ sku: 'APRON', quantity: 1 }] });
    if (state === 'rejected') await act(api(), store, id, 'reject', { reason: 'No' });
    const before = await api().tableItems();
    const response = await act(api(), action === 'cancel' ? home : store, id, action, body);
    expect(response.status).toBe(409);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(response.body.detail).toContain(`Request is ${state}`);
    expect(response.body.currentStatus).toBe(state);
    expect(await api().tableItems()).toEqual(before);
  });

  it('cancelling a dispatched request → 409 naming dispatched (the van has left)', async () => {
    const id = await submitted(api(), home, 'h1', [{ sku: 'APRON', quantity: 2 }]);
    // Dispatch belongs to the deliveries feature; here the request is put in that state directly.
    const raw = DynamoDBDocumentClient.from(new DynamoDBClient({}));
    await raw.send(new UpdateCommand({ TableName: api().system.tableName, Key: { PK: `REQUEST#${id}`, SK: 'REQUEST' }, UpdateExpression: 'SET #s = :s, GSI3PK = :q', ExpressionAttributeNames: { '#s': 'status' }, ExpressionAttributeValues: { ':s': 'dispatched', ':q': 'STORE#s1#REQUESTS#dispatched' } }));
    const response = await act(api(), home, id, 'cancel');
    expect(response.status).toBe(409);
    expect(response.body.detail).toBe('Request is dispatched; cancel is allowed only from submitted, approved, partially-approved or scheduled.');
  });

  it('approval lines must match the request: 400 naming the line; approving nothing → 422', async () => {
    const id = await submitted(api(), home, 'h1', [{ sku: 'APRON', quantity: 10 }]);
    const notRequested = await act(api(), store, id, 'approve', { lines: [{ sku: 'VISOR', quantity: 1 }] });
    expect(notRequested.status).toBe(400);
    expect(notRequested.body.errors).toEqual([expect.objectContaining({ path: '/lines/0/sku' })]);
    const tooMany = await act(api(), store, id, 'approve', { lines: [{ sku: 'APRON', quantity: 11 }] });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.errors).toEqual([expect.objectContaining({ path: '/lines/0/quantity' })]);
    const nothing = await act(api(), store, id, 'approve', { lines: [{ sku: 'APRON', quantity: 0 }] });
    expect(nothing.status).toBe(422);
    expect((await api().request('GET', `/v1/requests/${id}`, { token: store })).body.status).toBe('submitted');
  });
});

describe('tenancy', () => {
  it('a home cannot approve, even with a token that carries the approve scope', async () => {
    const id = await submitted(api(), home, 'h1', [{ sku: 'APRON', quantity: 1 }]);
    const withScope = await api().token('home:h1', ['carestock/read', 'carestock/requests.approve']);
    for (const token of [home, withScope]) expect((await act(api(), token, id, 'approve', { lines: [{ sku: 'APRON', quantity: 1 }] })).status).toBe(403);
  });

  it('a store cannot act on a request of a home it does not serve, existing or not: the same 403', async () => {
    const id = await submitted(api(), home, 'h1', [{ sku: 'APRON', quantity: 1 }]);
    const unknown = '11111111-2222-4333-8444-555555555555';
    const existing = await act(api(), otherStore, id, 'approve', { lines: [{ sku: 'APRON', quantity: 1 }] });
    const missing = await act(api(), otherStore, unknown, 'approve', { lines: [{ sku: 'APRON', quantity: 1 }] });
    expect([existing.status, missing.status]).toEqual([403, 403]);
    expect(existing.body.detail.replace(id, '<id>')).toBe(missing.body.detail.replace(unknown, '<id>'));
  });

  it('another home reading a request gets the same answer whether or not it exists', async () => {
    const id = await submitted(api(), home, 'h1', [{ sku: 'APRON', quantity: 1 }]);
    const unknown = '11111111-2222-4333-8444-555555555555';
    const existing = await api().request('GET', `/v1/requests/${id}`, { token: otherHome });
    const missing = await api().request('GET', `/v1/requests/${unknown}`, { token: otherHome });
    expect([existing.status, missing.status]).toEqual([403, 403]);
    expect(existing.body.detail.replace(id, '<id>')).toBe(missing.body.detail.replace(unknown, '<id>'));
    expect((await api().request('GET', `/v1/requests/${unknown}`, { token: admin })).status).toBe(404);
  });

  it("a store reads a home's requests only for the homes it serves", async () => {
    expect((await api().request('GET', '/v1/homes/h1/requests', { token: otherStore })).status).toBe(403);
    expect((await api().request('GET', '/v1/homes/far/requests', { token: store })).status).toBe(403);
  });
});

describe('request caps', () => {
  it('a request above the cap needs an override reason at approval, which is recorded', async () => {
    const put = await api().request('PUT', '/v1/stores/s1/request-caps', { token: store, body: { capsPerBedPerWeek: { 'MASK-FFP3': 1.5 } } });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ storeId: 's1', capsPerBedPerWeek: { 'MASK-FFP3': 1.5 } });
    expect((await api().request('GET', '/v1/stores/s1/request-caps', { token: store })).body).toEqual(put.body);
    // The home reads what it may ask for in a week (30 beds × 1.5), not its store's caps (a store resource).
    const weekly = await api().request('GET', '/v1/homes/h1/request-caps', { token: home });
    expect(weekly.body).toEqual({ homeId: 'h1', storeId: 's1', beds: 30, weeklyCaps: { 'MASK-FFP3': 45 } });
    expect((await api().request('GET', '/v1/stores/s1/request-caps', { token: home })).status).toBe(403);

    // 30 beds × 1.5 = 45 a week.
    const id = await submitted(api(), store, 'h3', [{ sku: 'MASK-FFP3', quantity: 100 }]);
    const refused = await act(api(), store, id, 'approve', { lines: [{ sku: 'MASK-FFP3', quantity: 100 }] });
    expect(refused.status).toBe(422);
    expect(refused.body.capExceeded).toEqual([{ sku: 'MASK-FFP3', requested: 100, cap: 45 }]);

    const within = await act(api(), store, await submitted(api(), store, 'h3', [{ sku: 'MASK-FFP3', quantity: 100 }]), 'approve', { lines: [{ sku: 'MASK-FFP3', quantity: 45 }] });
    expect(within.status).toBe(200);
    expect(within.body).toMatchObject({ status: 'partially-approved', override: null });

    const overridden = await act(api(), store, id, 'approve', { lines: [{ sku: 'MASK-FFP3', quantity: 100 }], overrideReason: 'Outbreak declared on 3 March' });
    expect(overridden.status).toBe(200);
    expect(overridden.body.override).toEqual({ reason: 'Outbreak declared on 3 March', capExceeded: [{ sku: 'MASK-FFP3', requested: 100, cap: 45 }] });
    expect(overridden.body.history.at(-1).reason).toBe('Outbreak declared on 3 March');
  });

  it('caps naming an unknown SKU, or for an unknown store, are refused', async () => {
    const unknownSku = await api().request('PUT', '/v1/stores/s1/request-caps', { token: store, body: { capsPerBedPerWeek: { 'NOT-AN-ITEM': 1 } } });
    expect(unknownSku.status).toBe(400);
    expect(unknownSku.body.errors[0].path).toBe('/capsPerBedPerWeek/NOT-AN-ITEM');
    expect((await api().request('PUT', '/v1/stores/ghost/request-caps', { token: admin, body: { capsPerBedPerWeek: {} } })).status).toBe(404);
    expect((await api().request('GET', '/v1/stores/ghost/request-caps', { token: admin })).status).toBe(404);
  });
});

describe('lists', () => {
  it("a home's requests come newest first, a page at a time", async () => {
    const ids = [];
    for (let i = 0; i < 3; i++) ids.push(await submitted(api(), store, 'h2', [{ sku: 'VISOR', quantity: i + 1 }]));
    const first = await api().request('GET', '/v1/homes/h2/requests?limit=2', { token: otherHome });
    expect(first.body.items.map((r: any) => r.requestId)).toEqual([ids[2], ids[1]]);
    const second = await api().request('GET', `/v1/homes/h2/requests?limit=2&cursor=${first.body.nextCursor}`, { token: otherHome });
    expect(second.body.items[0].requestId).toBe(ids[0]);
  });

  it('the store queue: oldest first by default, fewest days of supply first with sort=urgency', async () => {
    for (const homeId of ['h3', 'h2']) await submitted(api(), store, homeId, [{ sku: 'MASK-IIR', quantity: 10 }]);
    const queue = await api().request('GET', '/v1/stores/s1/requests?status=submitted&limit=100', { token: store });
    const oldest = queue.body.items.map((r: any) => r.createdAt);
    expect(oldest).toEqual([...oldest].sort());

    const urgent = await api().request('GET', '/v1/stores/s1/requests?status=submitted&sort=urgency&limit=100', { token: store });
    const days = urgent.body.items.map((r: any) => r.fewestDaysOfSupply);
    const known = days.filter((d: number | null) => d !== null);
    expect(known).toEqual([...known].sort((a: number, b: number) => a - b));
    expect(days.slice(known.length).every((d: unknown) => d === null)).toBe(true);
    // h2 (1 day of masks) before h1 (4 days) before h3 (10 days).
    const firstOf = (homeId: string) => urgent.body.items.findIndex((r: any) => r.homeId === homeId && r.lines.some((l: any) => l.sku === 'MASK-IIR'));
    expect(firstOf('h2')).toBeLessThan(firstOf('h1'));
    expect(firstOf('h1')).toBeLessThan(firstOf('h3'));
  });

  it('urgency pages by position; a cursor of one order is refused by the other', async () => {
    const all = (await api().request('GET', '/v1/stores/s1/requests?sort=urgency&limit=100', { token: store })).body.items;
    const page1 = await api().request('GET', '/v1/stores/s1/requests?sort=urgency&limit=2', { token: store });
    const page2 = await api().request('GET', `/v1/stores/s1/requests?sort=urgency&limit=2&cursor=${page1.body.nextCursor}`, { token: store });
    expect([...page1.body.items, ...page2.body.items].map((r: any) => r.requestId)).toEqual(all.slice(0, 4).map((r: any) => r.requestId));
    expect((await api().request('GET', `/v1/stores/s1/requests?limit=2&cursor=${page1.body.nextCursor}`, { token: store })).status).toBe(400);
    const oldest = await api().request('GET', '/v1/stores/s1/requests?limit=2', { token: store });
    expect((await api().request('GET', `/v1/stores/s1/requests?sort=urgency&cursor=${oldest.body.nextCursor}`, { token: store })).status).toBe(400);
  });

  it('every request item is tagged and keyed for its home list and its store queue', async () => {
    const requests = await itemsOf(api(), 'Request');
    for (const r of requests) {
      expect(r.GSI1PK).toBe(`HOME#${r.homeId}#REQUESTS`);
      expect(r.GSI3PK).toBe(`STORE#${r.storeId}#REQUESTS#${r.status}`);
      expect(r.version).toBe(r.history.length);
    }
  });
});
