/**
 * A home posts a count as JSON; the next day its store posts one for it from a spreadsheet (CSV).
 * The home reads its positions, days of supply and status, and a position's history page by page;
 * the store reads its morning worklist. A bad spreadsheet row comes back named.
 */
import { expect } from 'vitest';
import type { Journey } from '../journey.ts';
import { problemOf, typedClient } from './typed-client.ts';

const DAY_MS = 86_400_000;
const storeId = 'e2e-stock-store';
const homeId = 'e2e-stock-home';

export const journey: Journey = {
  name: 'a home posts a JSON count, its store a CSV count; they read positions, status, history and the worklist',
  async run({ baseUrl, token }) {
    const admin = typedClient(baseUrl, await token('admin'));
    for (const sku of ['E2E-STOCK-MASK', 'E2E-STOCK-GLOVE']) {
      await admin.PUT('/v1/items/{sku}', { params: { path: { sku } }, body: { name: sku, unit: 'each', packSize: 10 } });
    }
    await admin.PUT('/v1/stores/{storeId}', { params: { path: { storeId } }, body: { name: 'Stock JES', capacityPerDay: 2 } });
    await admin.PUT('/v1/homes/{homeId}', { params: { path: { homeId } }, body: { name: 'Stock home', storeId, beds: 20, deliveryDays: ['WED'] } });

    const now = Date.now();
    const twoDaysAgo = new Date(now - 2 * DAY_MS).toISOString();
    const oneDayAgo = new Date(now - DAY_MS).toISOString();

    const home = typedClient(baseUrl, await token(`home:${homeId}`));
    const first = await home.POST('/v1/homes/{homeId}/stock-counts', {
      params: { path: { homeId } },
      body: {
        countedAt: twoDaysAgo,
        lines: [
          { sku: 'E2E-STOCK-MASK', onHand: 1000, dailyUsage: 100 },
          { sku: 'E2E-STOCK-GLOVE', onHand: 300, dailyUsage: 100, reorderLevel: 200 },
        ],
      },
    });
    expect(first.error).toBeUndefined();
    expect(first.data?.lines.map((line) => line.applied)).toEqual([true, true]);

    // The store keeps a spreadsheet: the same operation takes text/csv, columns in any order and case.
    const store = typedClient(baseUrl, await token(`store:${storeId}`));
    const csv = `SKU,onHand,countedAt\nE2E-STOCK-MASK,900,${oneDayAgo}\nE2E-STOCK-GLOVE,150,${oneDayAgo}\n`;
    const second = await store.POST('/v1/homes/{homeId}/stock-counts', {
      params: { path: { homeId } },
      body: csv,
      bodySerializer: (body) => body as string,
      headers: { 'content-type': 'text/csv' },
    });
    expect(second.error).toBeUndefined();
    expect(second.data?.lines).toEqual([
      expect.objectContaining({ sku: 'E2E-STOCK-MASK', applied: true, observedUsage: 100 }),
      expect.objectContaining({ sku: 'E2E-STOCK-GLOVE', applied: true, observedUsage: 150 }),
    ]);

    const stock = await home.GET('/v1/homes/{homeId}/stock', { params: { path: { homeId } } });
    const positions = new Map(stock.data!.positions.map((position) => [position.sku, position]));
    expect(positions.get('E2E-STOCK-MASK')?.daysOfSupply).toBeCloseTo(8, 0);
    expect(positions.get('E2E-STOCK-MASK')?.status).toBe('green');
    expect(positions.get('E2E-STOCK-GLOVE')?.status).toBe('red');
    expect(stock.data?.status).toBe('red');

    const history: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await home.GET('/v1/homes/{homeId}/stock/{sku}/history', {
        params: { path: { homeId, sku: 'E2E-STOCK-MASK' }, query: { limit: 1, ...(cursor ? { cursor } : {}) } },
      });
      history.push(...page.data!.items.map((event) => `${event.kind} ${event.onHand}`));
      cursor = page.data!.nextCursor ?? undefined;
    } while (cursor && history.length < 10);
    expect(history).toEqual(['count 900', 'count 1000']);

    const worklist = await store.GET('/v1/stores/{storeId}/homes', { params: { path: { storeId }, query: { status: 'red' } } });
    const entry = worklist.data?.items.find((item) => item.homeId === homeId);
    expect(entry?.status).toBe('red');
    expect(entry?.drivers[0]?.sku).toBe('E2E-STOCK-GLOVE');

    const badRow = await store.POST('/v1/homes/{homeId}/stock-counts', {
      params: { path: { homeId } },
      body: `countedAt,sku,onHand\n${oneDayAgo},E2E-STOCK-MASK,800\n${oneDayAgo},E2E-STOCK-GLOVE,-5\n`,
      bodySerializer: (body) => body as string,
      headers: { 'content-type': 'text/csv' },
    });
    expect(badRow.response.status).toBe(400);
    expect(problemOf(badRow.error)?.errors).toEqual([expect.objectContaining({ in: 'body', path: '/lines/1/onHand' })]);
  },
};
