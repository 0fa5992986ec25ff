/**
 * A store short of masks allocates them to two approved requests: the home about to run out is
 * served first, the total never exceeds the store's stock, and the short line says why.
 */
import { expect } from 'vitest';
import type { Journey } from '../journey.ts';
import { typedClient } from './typed-client.ts';

const storeId = 'e2e-alloc-store';
const sku = 'E2E-ALLOC-MASK';

export const journey: Journey = {
  name: 'a store allocates short stock, fewest days of supply first',
  async run({ baseUrl, token }) {
    const admin = typedClient(baseUrl, await token('admin'));
    await admin.PUT('/v1/items/{sku}', { params: { path: { sku } }, body: { name: 'Mask', unit: 'mask', packSize: 10 } });
    await admin.PUT('/v1/stores/{storeId}', { params: { path: { storeId } }, body: { name: 'Allocation JES', capacityPerDay: 2 } });
    const store = typedClient(baseUrl, await token(`store:${storeId}`));
    const countedAt = new Date(Date.now() - 3_600_000).toISOString();
    await store.POST('/v1/stores/{storeId}/stock-counts', { params: { path: { storeId } }, body: { countedAt, lines: [{ sku, onHand: 150 }] } });

    // Both homes use 50 a day: one has a day left, the other ten.
    for (const [homeId, onHand] of [['e2e-alloc-low', 50], ['e2e-alloc-high', 500]] as const) {
      await admin.PUT('/v1/homes/{homeId}', { params: { path: { homeId } }, body: { name: homeId, storeId, beds: 20, deliveryDays: ['TUE'] } });
      await store.POST('/v1/homes/{homeId}/stock-counts', { params: { path: { homeId } }, body: { countedAt, lines: [{ sku, onHand, dailyUsage: 50 }] } });
      const asked = await store.POST('/v1/homes/{homeId}/requests', { params: { path: { homeId } }, body: { lines: [{ sku, quantity: 200 }] } });
      await store.POST('/v1/requests/{requestId}/approve', { params: { path: { requestId: asked.data!.requestId } }, body: { lines: [{ sku, quantity: 200 }] } });
    }

    const result = await store.POST('/v1/stores/{storeId}/allocations', { params: { path: { storeId } } });
    const byHome = new Map(result.data!.allocations.map((a) => [a.homeId, a.lines[0]!]));
    expect(byHome.get('e2e-alloc-low')!.allocated).toBeGreaterThan(byHome.get('e2e-alloc-high')!.allocated);
    expect(byHome.get('e2e-alloc-low')!.allocated + byHome.get('e2e-alloc-high')!.allocated).toBe(150);
    expect(byHome.get('e2e-alloc-high')!.reason).toContain('Store short of E2E-ALLOC-MASK');
  },
};
