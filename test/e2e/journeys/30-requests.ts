/**
 * A home asks for PPE with an Idempotency-Key and retries (the retry replays the first answer); its
 * store reads its queue most urgent first, approves one request in part, rejects another, and the
 * home cancels a third. A reused key with another body is refused.
 */
import { expect } from 'vitest';
import type { Journey } from '../journey.ts';
import { problemOf, typedClient } from './typed-client.ts';

const storeId = 'e2e-req-store';
const homeId = 'e2e-req-home';

export const journey: Journey = {
  name: 'a home requests PPE; its store approves, partially approves or rejects; retries with Idempotency-Key are safe',
  async run({ baseUrl, token }) {
    const admin = typedClient(baseUrl, await token('admin'));
    for (const sku of ['E2E-REQ-MASK', 'E2E-REQ-APRON']) {
      await admin.PUT('/v1/items/{sku}', { params: { path: { sku } }, body: { name: sku, unit: 'each', packSize: 10 } });
    }
    await admin.PUT('/v1/stores/{storeId}', { params: { path: { storeId } }, body: { name: 'Requests JES', capacityPerDay: 2 } });
    await admin.PUT('/v1/homes/{homeId}', { params: { path: { homeId } }, body: { name: 'Requests home', storeId, beds: 20, deliveryDays: ['MON'] } });

    const home = typedClient(baseUrl, await token(`home:${homeId}`));
    const ask = (key: string, lines: { sku: string; quantity: number }[]) =>
      home.POST('/v1/homes/{homeId}/requests', { params: { path: { homeId }, header: { 'Idempotency-Key': key } }, body: { lines } });

    const first = await ask('e2e-request-0001', [{ sku: 'E2E-REQ-MASK', quantity: 500 }, { sku: 'E2E-REQ-APRON', quantity: 200 }]);
    expect(first.response.status).toBe(201);
    const retry = await ask('e2e-request-0001', [{ sku: 'E2E-REQ-MASK', quantity: 500 }, { sku: 'E2E-REQ-APRON', quantity: 200 }]);
    expect(retry.data?.requestId).toBe(first.data?.requestId);
    const reused = await ask('e2e-request-0001', [{ sku: 'E2E-REQ-MASK', quantity: 5 }]);
    expect(reused.response.status).toBe(422);
    expect(problemOf(reused.error)?.detail).toContain('different body');

    const second = await ask('e2e-request-0002', [{ sku: 'E2E-REQ-APRON', quantity: 50 }]);
    const third = await ask('e2e-request-0003', [{ sku: 'E2E-REQ-MASK', quantity: 20 }]);

    const store = typedClient(baseUrl, await token(`store:${storeId}`));
    const queue = await store.GET('/v1/stores/{storeId}/requests', { params: { path: { storeId }, query: { status: 'submitted', sort: 'urgency' } } });
    expect(queue.data?.items).toHaveLength(3);

    const requestId = first.data!.requestId;
    const approved = await store.POST('/v1/requests/{requestId}/approve', {
      params: { path: { requestId } },
      body: { lines: [{ sku: 'E2E-REQ-MASK', quantity: 300 }, { sku: 'E2E-REQ-APRON', quantity: 200 }] },
    });
    expect(approved.data?.status).toBe('partially-approved');
    const rejected = await store.POST('/v1/requests/{requestId}/reject', { params: { path: { requestId: second.data!.requestId } }, body: { reason: 'Covered by the first' } });
    expect(rejected.data?.status).toBe('rejected');
    const cancelled = await home.POST('/v1/requests/{requestId}/cancel', { params: { path: { requestId: third.data!.requestId } } });
    expect(cancelled.data?.status).toBe('cancelled');

    const again = await store.POST('/v1/requests/{requestId}/approve', { params: { path: { requestId } }, body: { lines: [{ sku: 'E2E-REQ-MASK', quantity: 1 }] } });
    expect(again.response.status).toBe(409);
    expect(problemOf(again.error)?.detail).toContain('partially-approved');

    const mine = await home.GET('/v1/homes/{homeId}/requests', { params: { path: { homeId } } });
    expect(mine.data?.items.map((r) => r.status)).toEqual(['cancelled', 'rejected', 'partially-approved']);
    const read = await home.GET('/v1/requests/{requestId}', { params: { path: { requestId } } });
    expect(read.data?.history.map((h) => `${h.action} by ${h.actor.org}`)).toEqual([`submit by home:${homeId}`, `approve by store:${storeId}`]);
  },
};
