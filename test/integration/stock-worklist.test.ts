/**
 * What a store manager reads: a location's stock with statuses and reorder suggestions, a
 * position's history page by page, and the store's worklist — its homes worst first with the
 * positions that drive each, filtered by status and paginated.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { locationStock, stockHistoryPage, worklistPage } from '../../functions/schemas/stock.ts';
import { daysAgo, postCount, seedRegistry } from '../support/stock-fixtures.ts';
import { useTestApi } from '../support/test-api.ts';

const api = useTestApi();
let admin: string;
let store: string;

beforeAll(async () => {
  admin = await seedRegistry(api(), {
    stores: ['w1', 'w2'],
    homes: { 'red-home': 'w1', 'amber-home': 'w1', 'green-home': 'w1', 'silent-home': 'w1', 'empty-home': 'w1', elsewhere: 'w2', 'history-home': 'w2' },
  });
  store = await api().token('store:w1');
  const count = async (homeId: string, at: string, lines: Record<string, unknown>[]) =>
    expect((await postCount(api(), admin, `/v1/homes/${homeId}`, at, lines)).status).toBe(200);
  const recent = daysAgo(1 / 24);
  await count('red-home', recent, [{ sku: 'MASK-FFP3', onHand: 20, dailyUsage: 10 }, { sku: 'APRON', onHand: 2000, dailyUsage: 20 }]);
  await count('amber-home', recent, [
    { sku: 'GLOVE-NITRILE-M', onHand: 50, dailyUsage: 10 },
    { sku: 'VISOR', onHand: 100, dailyUsage: 1, reorderLevel: 150 },
    { sku: 'APRON', onHand: 2000, dailyUsage: 20 },
  ]);
  await count('green-home', recent, [{ sku: 'APRON', onHand: 2000, dailyUsage: 20 }, { sku: 'GOWN-FR', onHand: 500 }]);
  await count('silent-home', daysAgo(5), [{ sku: 'MASK-IIR', onHand: 1000, dailyUsage: 10 }]);
  await count('elsewhere', recent, [{ sku: 'MASK-FFP3', onHand: 1, dailyUsage: 10 }]);
});

const ids = (body: { items: { homeId: string }[] }) => body.items.map((h) => h.homeId);

describe('a location’s stock', () => {
  it('lists positions worst first with the worst as the location’s status, and reorder suggestions in whole packs', async () => {
    const response = await api().request('GET', '/v1/homes/red-home/stock', { token: store });
    expect(response.status).toBe(200);
    expect(locationStock.parse(response.body)).toEqual(response.body);
    expect(response.body.status).toBe('red');
    const [ffp3, apron] = response.body.positions;
    expect(ffp3).toMatchObject({ sku: 'MASK-FFP3', status: 'red', dailyUsage: 10, targetLevel: null });
    expect(ffp3.daysOfSupply).toBeCloseTo(1.96, 1);
    // Target 10/day × 14 days = 140; projected 19; 121 short → 7 packs of 20.
    expect(ffp3.suggestedOrder).toBe(140);
    expect(apron).toMatchObject({ sku: 'APRON', status: 'green', suggestedOrder: 0 });
  });

  it('says amber at or under the reorder level even with plenty of days', async () => {
    const response = await api().request('GET', '/v1/homes/amber-home/stock', { token: store });
    expect(response.body.positions.map((p: { sku: string; status: string }) => [p.sku, p.status])).toEqual([
      ['GLOVE-NITRILE-M', 'amber'],
      ['VISOR', 'amber'],
      ['APRON', 'green'],
    ]);
  });

  it('a home never counted has no positions and is unknown; a stale count is unknown', async () => {
    expect((await api().request('GET', '/v1/homes/empty-home/stock', { token: store })).body).toMatchObject({ status: 'unknown', positions: [] });
    expect((await api().request('GET', '/v1/homes/silent-home/stock', { token: store })).body.positions[0]).toMatchObject({ status: 'unknown' });
  });

  it('a store counts and reads its own stock and history', async () => {
    const at = daysAgo(0.5);
    expect((await postCount(api(), store, '/v1/stores/w1', at, [{ sku: 'MASK-IIR', onHand: 20_000, dailyUsage: 500 }])).status).toBe(200);
    const stock = await api().request('GET', '/v1/stores/w1/stock', { token: store });
    expect(stock.body).toMatchObject({ status: 'green', positions: [{ sku: 'MASK-IIR', onHand: 20_000, countedAt: at }] });
    const history = await api().request('GET', '/v1/stores/w1/stock/MASK-IIR/history', { token: store });
    expect(history.body.items).toEqual([expect.objectContaining({ kind: 'count', onHand: 20_000, recordedBy: 'store:w1' })]);
    expect((await api().request('GET', '/v1/stores/w2/stock', { token: store })).status).toBe(403);
  });
});

describe('a position’s history', () => {
  it('pages newest first with an opaque cursor, every entry once', async () => {
    const now = Date.now();
    for (const [days, onHand] of [[6, 500], [5, 450], [4, 400], [3, 380], [2, 300]] as const) {
      expect((await postCount(api(), admin, '/v1/homes/history-home', daysAgo(days, now), [{ sku: 'VISOR', onHand }])).status).toBe(200);
    }
    const seen: number[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = `?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const page = await api().request('GET', `/v1/homes/history-home/stock/VISOR/history${query}`, { token: admin });
      expect(page.status).toBe(200);
      expect(stockHistoryPage.safeParse(page.body).success).toBe(true);
      seen.push(...page.body.items.map((e: { onHand: number }) => e.onHand));
      cursor = page.body.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect(seen).toEqual([300, 380, 400, 450, 500]);
  });

  it('refuses a cursor from another position’s history', async () => {
    const first = await api().request('GET', '/v1/homes/history-home/stock/VISOR/history?limit=1', { token: admin });
    const response = await api().request('GET', `/v1/homes/history-home/stock/APRON/history?cursor=${first.body.nextCursor}`, { token: admin });
    expect(response.status).toBe(400);
    expect(response.body.errors[0]).toMatchObject({ in: 'query', path: 'cursor' });
  });
});

describe('the store’s worklist (GET /v1/stores/{storeId}/homes)', () => {
  it('lists its homes worst first, each with its status and the positions that drive it', async () => {
    const response = await api().request('GET', '/v1/stores/w1/homes', { token: store });
    expect(response.status).toBe(200);
    expect(worklistPage.safeParse(response.body).success).toBe(true);
    expect(ids(response.body)).toEqual(['red-home', 'amber-home', 'silent-home', 'empty-home', 'green-home']);
    const [red, amber, silent, empty, green] = response.body.items;
    expect(red).toMatchObject({ status: 'red', storeId: 'w1', name: 'red-home', drivers: [expect.objectContaining({ sku: 'MASK-FFP3', status: 'red' })] });
    expect(amber.drivers.map((d: { sku: string }) => d.sku)).toEqual(['GLOVE-NITRILE-M', 'VISOR']);
    expect(silent).toMatchObject({ status: 'unknown', lastCountedAt: expect.any(String), drivers: [expect.objectContaining({ sku: 'MASK-IIR', status: 'unknown' })] });
    expect(empty).toMatchObject({ status: 'unknown', lastCountedAt: null, drivers: [] });
    expect(green).toMatchObject({ status: 'green', drivers: [] });
  });

  it.each([
    ['red', ['red-home']],
    ['amber', ['amber-home']],
    ['unknown', ['silent-home', 'empty-home']],
    ['green', ['green-home']],
  ])('?status=%s keeps only those homes', async (status, expected) => {
    const response = await api().request('GET', `/v1/stores/w1/homes?status=${status}`, { token: store });
    expect(ids(response.body)).toEqual(expected);
  });

  it('pages in the same order with a cursor', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = `?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const page = await api().request('GET', `/v1/stores/w1/homes${query}`, { token: store });
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...ids(page.body));
      cursor = page.body.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect(seen).toEqual(['red-home', 'amber-home', 'silent-home', 'empty-home', 'green-home']);
    expect(pages).toBe(3);
  });

  it('?positions=all adds every position of each home, green ones too, worst first; without it there is none', async () => {
    const response = await api().request('GET', '/v1/stores/w1/homes?positions=all', { token: store });
    expect(response.status).toBe(200);
    expect(worklistPage.parse(response.body)).toEqual(response.body);
    expect(ids(response.body)).toEqual(['red-home', 'amber-home', 'silent-home', 'empty-home', 'green-home']);
    const positions = Object.fromEntries(
      response.body.items.map((h: { homeId: string; positions: { sku: string; status: string }[] }) => [h.homeId, h.positions.map((p) => [p.sku, p.status])]),
    );
    expect(positions).toEqual({
      'red-home': [['MASK-FFP3', 'red'], ['APRON', 'green']],
      'amber-home': [['GLOVE-NITRILE-M', 'amber'], ['VISOR', 'amber'], ['APRON', 'green']],
      'silent-home': [['MASK-IIR', 'unknown']],
      'empty-home': [],
      'green-home': [['APRON', 'green'], ['GOWN-FR', 'green']],
    });
    // The same views as the home's own stock read, and the drivers are the positions that are not green.
    const own = await api().request('GET', '/v1/homes/amber-home/stock', { token: store });
    const amber = response.body.items[1];
    expect(amber.positions.map(({ sku, status, onHand, dailyUsage }: Record<string, unknown>) => ({ sku, status, onHand, dailyUsage }))).toEqual(
      own.body.positions.map(({ sku, status, onHand, dailyUsage }: Record<string, unknown>) => ({ sku, status, onHand, dailyUsage })),
    );
    expect(amber.drivers).toEqual(amber.positions.filter((p: { status: string }) => p.status !== 'green'));

    const without = await api().request('GET', '/v1/stores/w1/homes', { token: store });
    for (const home of without.body.items) expect(home).not.toHaveProperty('positions');
  });

  it.each([['status=purple'], ['status=red,amber'], ['colour=red'], ['limit=0'], ['positions=some'], ['positions=']])('refuses ?%s with 400', async (query) => {
    const response = await api().request('GET', `/v1/stores/w1/homes?${query}`, { token: store });
    expect(response.status).toBe(400);
  });

  it('refuses a cursor from another store’s worklist', async () => {
    const w2 = await api().request('GET', '/v1/stores/w2/homes?limit=1', { token: admin });
    expect(w2.body.nextCursor).toEqual(expect.any(String));
    const stolen = await api().request('GET', `/v1/stores/w1/homes?cursor=${w2.body.nextCursor}`, { token: store });
    expect(stolen.status).toBe(400);
    const forged = Buffer.from(JSON.stringify({ storeId: 'w2', status: 'red', days: 0, homeId: 'elsewhere' })).toString('base64url');
    const response = await api().request('GET', `/v1/stores/w1/homes?cursor=${forged}`, { token: store });
    expect(response.status).toBe(400);
  });

  it('is the store’s and an administrator’s only', async () => {
    expect((await api().request('GET', '/v1/stores/w2/homes', { token: store })).status).toBe(403);
    expect((await api().request('GET', '/v1/stores/w1/homes', { token: await api().token('home:red-home') })).status).toBe(403);
    expect(ids((await api().request('GET', '/v1/stores/w2/homes', { token: admin })).body).sort()).toEqual(['elsewhere', 'history-home']);
  });
});
