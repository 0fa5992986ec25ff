/**
 * The rollup's figures equal what the worklists of the same date show, store by store: the test
 * counts the worklists' homes and positions itself (not with the rollup's code) and compares them
 * with the overview the job wrote. Then the region and the nation are the sums of the counts, the
 * overview reads no position, and a re-run for the date rewrites the same items.
 *
 * Two regions; three stores (one in no region); homes red, amber (by days and by reorder level),
 * green, silent and never counted, every figure well away from a threshold so that the seconds
 * between the job and the worklist reads cannot move a home.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { recordCommands } from '../support/shortfall-fixtures.ts';
import { daysAgo, postCount, seedRegistry } from '../support/stock-fixtures.ts';
import { useTestApi } from '../support/test-api.ts';

const api = useTestApi();
let admin: string;

const stores = { 'gwent-a': 'gwent', 'gwent-b': 'gwent', 'powys-jes': 'powys', 'loose-jes': null } as const;
type StoreId = keyof typeof stores;
const homes: Record<string, StoreId> = { a1: 'gwent-a', a2: 'gwent-a', a3: 'gwent-a', a4: 'gwent-a', b1: 'gwent-b', b2: 'gwent-b', p1: 'powys-jes', p2: 'powys-jes', l1: 'loose-jes' };

beforeAll(async () => {
  admin = await seedRegistry(api(), { stores: [], homes: {} });
  const put = (path: string, body: unknown) => api().request('PUT', path, { token: admin, body });
  await put('/v1/regions/gwent', { name: 'Gwent' });
  await put('/v1/regions/powys', { name: 'Powys' });
  for (const [storeId, regionId] of Object.entries(stores)) await put(`/v1/stores/${storeId}`, { name: storeId, capacityPerDay: 3, ...(regionId ? { regionId } : {}) });
  for (const [homeId, storeId] of Object.entries(homes)) await put(`/v1/homes/${homeId}`, { name: homeId, storeId, beds: 20, deliveryDays: ['MON'] });
  const count = (homeId: string, when: string, lines: Record<string, unknown>[]) => postCount(api(), admin, `/v1/homes/${homeId}`, when, lines);
  // a1 red (1 day of masks), a2 amber (5 days), a3 amber by its reorder level (20 days), a4 never counted.
  await count('a1', daysAgo(0.1), [{ sku: 'MASK-IIR', onHand: 110, dailyUsage: 100 }, { sku: 'APRON', onHand: 5000, dailyUsage: 50 }]);
  await count('a2', daysAgo(0.1), [{ sku: 'MASK-IIR', onHand: 510, dailyUsage: 100 }, { sku: 'APRON', onHand: 2010, dailyUsage: 100 }]);
  await count('a3', daysAgo(0.1), [{ sku: 'MASK-IIR', onHand: 2010, dailyUsage: 100, reorderLevel: 3000 }]);
  // b1 green; b2 silent (counted five days ago: unknown), p1 green with gloves, p2 red on aprons only, l1 amber.
  await count('b1', daysAgo(0.1), [{ sku: 'MASK-IIR', onHand: 4010, dailyUsage: 100 }]);
  await count('b2', daysAgo(5), [{ sku: 'MASK-IIR', onHand: 9000, dailyUsage: 100 }]);
  await count('p1', daysAgo(0.1), [{ sku: 'GLOVE-NITRILE-M', onHand: 30_000, dailyUsage: 1000 }]);
  await count('p2', daysAgo(0.1), [{ sku: 'APRON', onHand: 0, dailyUsage: 40 }, { sku: 'MASK-IIR', onHand: 3000, dailyUsage: 100 }]);
  await count('l1', daysAgo(0.1), [{ sku: 'MASK-IIR', onHand: 400, dailyUsage: 100 }]);
  await postCount(api(), admin, '/v1/stores/gwent-a', daysAgo(0.1), [{ sku: 'MASK-IIR', onHand: 12_000 }]);
  expect((await api().request('POST', '/v1/jobs/shortfall-scan', { token: admin, body: {} })).status).toBe(200);
});

interface Counted {
  homes: number;
  status: Record<string, number>;
  short: number;
  silent: number;
  items: Record<string, { red: number; amber: number; unknown: number; homesOnHand: number; dailyUsage: number }>;
}

/** The test's own count of one store, from its worklist (every position) as the API shows it. */
async function countWorklist(storeId: string): Promise<Counted> {
  const response = await api().request('GET', `/v1/stores/${storeId}/homes?positions=all&limit=100`, { token: admin });
  expect(response.status).toBe(200);
  const counted: Counted = { homes: 0, status: { red: 0, amber: 0, green: 0, unknown: 0 }, short: 0, silent: 0, items: {} };
  for (const home of response.body.items) {
    counted.homes += 1;
    counted.status[home.status]! += 1;
    if (home.positions.some((p: { daysOfSupply: number | null }) => p.daysOfSupply !== null && p.daysOfSupply < 7)) counted.short += 1;
    if (home.lastCountedAt === null || Date.now() - Date.parse(home.lastCountedAt) > 3 * 86_400_000) counted.silent += 1;
    for (const p of home.positions) {
      const item = (counted.items[p.sku] ??= { red: 0, amber: 0, unknown: 0, homesOnHand: 0, dailyUsage: 0 });
      if (p.status !== 'green') item[p.status as 'red' | 'amber' | 'unknown'] += 1;
      item.homesOnHand += p.projectedOnHand;
      item.dailyUsage += p.dailyUsage;
    }
  }
  return counted;
}

function sum(list: Counted[]): Counted {
  const total: Counted = { homes: 0, status: { red: 0, amber: 0, green: 0, unknown: 0 }, short: 0, silent: 0, items: {} };
  for (const c of list) {
    total.homes += c.homes;
    for (const s of Object.keys(total.status)) total.status[s]! += c.status[s]!;
    total.short += c.short;
    total.silent += c.silent;
    for (const [sku, i] of Object.entries(c.items)) {
      const t = (total.items[sku] ??= { red: 0, amber: 0, unknown: 0, homesOnHand: 0, dailyUsage: 0 });
      t.red += i.red;
      t.amber += i.amber;
      t.unknown += i.unknown;
      t.homesOnHand += i.homesOnHand;
      t.dailyUsage += i.dailyUsage;
    }
  }
  return total;
}

function expectSame(figures: any, counted: Counted, what: string) {
  expect({ homes: figures.homes, status: figures.status, short: figures.short, silent: figures.silent }, what).toEqual({
    homes: counted.homes,
    status: counted.status,
    short: counted.short,
    silent: counted.silent,
  });
  const items = Object.fromEntries(figures.items.map((i: any) => [i.sku, i]));
  expect(Object.keys(items).sort(), what).toEqual(Object.keys(counted.items).sort());
  for (const [sku, c] of Object.entries(counted.items)) {
    expect({ red: items[sku].red, amber: items[sku].amber, unknown: items[sku].unknown, dailyUsage: items[sku].dailyUsage }, `${what} ${sku}`).toEqual({ red: c.red, amber: c.amber, unknown: c.unknown, dailyUsage: c.dailyUsage });
    // Projected to the job's instant and to the worklist's, seconds apart: at most a unit a position apart.
    expect(Math.abs(items[sku].homesOnHand - c.homesOnHand), `${what} ${sku} on hand`).toBeLessThanOrEqual(counted.homes);
  }
}

describe('the daily rollup against the worklists of the same date', () => {
  let counted: Record<string, Counted>;
  beforeAll(async () => {
    counted = Object.fromEntries(await Promise.all(Object.keys(stores).map(async (s) => [s, await countWorklist(s)] as const)));
  });

  it('has the figures each store’s worklist shows, store by store', async () => {
    for (const regionId of ['gwent', 'powys']) {
      const overview = await api().request('GET', `/v1/regions/${regionId}/overview`, { token: admin });
      expect(overview.status).toBe(200);
      const inRegion = Object.entries(stores).filter(([, r]) => r === regionId).map(([s]) => s);
      expect(overview.body.rows.map((r: { storeId: string }) => r.storeId).sort()).toEqual(inRegion.sort());
      for (const row of overview.body.rows) expectSame(row.figures, counted[row.storeId]!, row.storeId);
      expectSame(overview.body.totals, sum(inRegion.map((s) => counted[s]!)), regionId);
    }
    // Sanity of the scenario itself: what the test wrote is what it counted.
    expect(counted['gwent-a']!.status).toEqual({ red: 1, amber: 2, green: 0, unknown: 1 });
    expect(counted['gwent-b']!.silent).toBe(1);
  });

  it('has the nation as the sum of every store, with a row per region and one for the stores in none', async () => {
    const overview = await api().request('GET', '/v1/overview', { token: admin });
    expect(overview.status).toBe(200);
    expectSame(overview.body.totals, sum(Object.values(counted)), 'nation');
    expect(overview.body.totals.stores).toBe(4);
    const rows = Object.fromEntries(overview.body.rows.map((r: { regionId: string | null; figures: unknown }) => [String(r.regionId), r.figures]));
    expect(Object.keys(rows).sort()).toEqual(['gwent', 'null', 'powys']);
    expectSame(rows.null, counted['loose-jes']!, 'no region');
    // Worst first: Gwent has the most homes red.
    expect(overview.body.rows[0].regionId).toBe('gwent');
    expect(overview.body.weekBefore).toBeNull();
  });

  it('holds the store’s own stock in days of its homes’ usage', async () => {
    const overview = await api().request('GET', '/v1/regions/gwent/overview', { token: admin });
    const storeA = overview.body.rows.find((r: { storeId: string }) => r.storeId === 'gwent-a');
    const masks = storeA.figures.items.find((i: { sku: string }) => i.sku === 'MASK-IIR');
    expect(masks).toMatchObject({ storeOnHand: 12_000, dailyUsage: 300, storeDays: 40 });
  });

  it('rewrites the same items when the job runs again for the date', async () => {
    const rollups = async () => (await api().tableItems()).filter((i) => i.entity === 'Rollup').map((i) => `${i.PK} ${i.SK}`).sort();
    const before = await rollups();
    expect(before).toHaveLength(4 + 3 + 1); // stores, regions (and the stores in none), the nation
    expect((await api().request('POST', '/v1/jobs/shortfall-scan', { token: admin, body: {} })).status).toBe(200);
    expect(await rollups()).toEqual(before);
    const again = await api().request('GET', '/v1/overview', { token: admin });
    expectSame(again.body.totals, sum(Object.values(counted)), 'nation after a re-run');
  });

  it('answers the same tables as CSV', async () => {
    const csv = await api().request('GET', '/v1/regions/gwent/export.csv', { token: admin });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-disposition')).toMatch(/^attachment; filename="carestock-gwent-\d{4}-\d{2}-\d{2}\.csv"$/);
    const lines = String(csv.body).replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('date,regionId,storeId,name,stores,homes,red,amber,green,unknown,short,silent,outbreak');
    expect(lines).toHaveLength(1 + 2 + 1);
    expect(lines.at(-1)).toMatch(/,gwent,,Total,2,6,1,2,1,2,/);
    const national = await api().request('GET', '/v1/overview/export.csv', { token: admin });
    expect(String(national.body).trim().split('\r\n')).toHaveLength(1 + 3 + 1);
  });

  it('reads rollups only, a bounded number of calls whatever the number of homes: never a position', async () => {
    for (const path of ['/v1/overview', '/v1/regions/gwent/overview', '/v1/overview/trend?interval=day', '/v1/overview/export.csv']) {
      const recorder = recordCommands();
      try {
        expect((await api().request('GET', path, { token: admin })).status).toBe(200);
      } finally {
        recorder.stop();
      }
      const keysRead = recorder.commands.map((c) => JSON.stringify(c.input.ExpressionAttributeValues ?? c.input.Key));
      // At most: the region, the latest date, the rollup, its stores, the week before.
      expect(recorder.commands.length, path).toBeLessThanOrEqual(5);
      expect(recorder.commands.every((c) => c.name === 'QueryCommand' || c.name === 'GetCommand'), path).toBe(true);
      expect(keysRead.filter((k) => /HOME#|POS#|STORE#[a-z]/.test(k) && !/ROLLUP/.test(k)), path).toEqual([]);
    }
  });

  it('answers 404 for a date without a rollup, and 400 for a date that is not one', async () => {
    expect((await api().request('GET', '/v1/overview?date=2001-01-01', { token: admin })).status).toBe(404);
    expect((await api().request('GET', '/v1/regions/gwent/overview?date=2001-01-01', { token: admin })).status).toBe(404);
    expect((await api().request('GET', '/v1/regions/nowhere/overview', { token: admin })).status).toBe(404);
    const bad = await api().request('GET', '/v1/overview?date=2026-02-30', { token: admin });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0]).toMatchObject({ in: 'query', path: '/date' });
  });
});
