/**
 * A home is running low and another has never counted; an administrator runs the shortfall job;
 * the store reads its shortfalls for the day: the home short of masks (with what to order) and the
 * silent home. A second run adds nothing; another store cannot read them.
 */
import { expect } from 'vitest';
import type { Journey } from '../journey.ts';
import { typedClient } from './typed-client.ts';

const DAY_MS = 86_400_000;
const storeId = 'e2e-short-store';

export const journey: Journey = {
  name: 'the shortfall job runs; the store reads its short and silent homes',
  async run({ baseUrl, token }) {
    const admin = typedClient(baseUrl, await token('admin'));
    await admin.PUT('/v1/items/{sku}', { params: { path: { sku: 'E2E-SHORT-MASK' } }, body: { name: 'Mask', unit: 'mask', packSize: 50 } });
    await admin.PUT('/v1/stores/{storeId}', { params: { path: { storeId } }, body: { name: 'Shortfall JES', capacityPerDay: 2 } });
    for (const homeId of ['e2e-short-low', 'e2e-short-silent']) {
      await admin.PUT('/v1/homes/{homeId}', { params: { path: { homeId } }, body: { name: homeId, storeId, beds: 20, deliveryDays: ['FRI'] } });
    }
    const home = typedClient(baseUrl, await token('home:e2e-short-low'));
    const counted = await home.POST('/v1/homes/{homeId}/stock-counts', {
      params: { path: { homeId: 'e2e-short-low' } },
      body: { countedAt: new Date(Date.now() - DAY_MS).toISOString(), lines: [{ sku: 'E2E-SHORT-MASK', onHand: 500, dailyUsage: 100 }] },
    });
    expect(counted.error).toBeUndefined();

    const run = await admin.POST('/v1/jobs/shortfall-scan', { body: {} });
    expect(run.error).toBeUndefined();
    const date = run.data!.date;
    expect(run.data!.records.written).toBeGreaterThanOrEqual(2);

    const store = typedClient(baseUrl, await token(`store:${storeId}`));
    const shortfalls = await store.GET('/v1/stores/{storeId}/shortfalls', { params: { path: { storeId }, query: { date } } });
    expect(shortfalls.data?.items.map((r) => [r.homeId, r.reasons])).toEqual([
      ['e2e-short-low', ['short']],
      ['e2e-short-silent', ['silent']],
    ]);
    const [item] = shortfalls.data!.items[0]!.items;
    expect(item).toMatchObject({ sku: 'E2E-SHORT-MASK', status: 'amber' });
    expect(item!.daysOfSupply).toBeCloseTo(4, 1);
    expect(item!.suggestedOrder % 50).toBe(0);

    const again = await admin.POST('/v1/jobs/shortfall-scan', { body: { asOf: run.data!.asOf } });
    expect(again.data).toMatchObject({ records: { written: 0 }, events: 0, digests: 0 });

    const other = typedClient(baseUrl, await token('store:e2e-other-store'));
    const refused = await other.GET('/v1/stores/{storeId}/shortfalls', { params: { path: { storeId } } });
    expect(refused.response.status).toBe(403);
  },
};
