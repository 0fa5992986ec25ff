/** Catalogue, stores and homes through the HTTP API against DynamoDB Local. */
import { describe, expect, it, beforeAll } from 'vitest';
import { useTestApi } from '../support/test-api.ts';

const api = useTestApi();
let admin: string;

beforeAll(async () => {
  admin = await api().token('admin');
});

describe('catalogue', () => {
  it('stores an item and reads it back by SKU and in the list', async () => {
    const put = await api().request('PUT', '/v1/items/MASK-IIR', {
      token: admin,
      body: { name: 'Type IIR surgical mask', unit: 'mask', packSize: 50 },
    });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ sku: 'MASK-IIR', name: 'Type IIR surgical mask', unit: 'mask', packSize: 50 });

    const get = await api().request('GET', '/v1/items/MASK-IIR', { token: admin });
    expect(get.status).toBe(200);
    expect(get.body).toEqual(put.body);

    const list = await api().request('GET', '/v1/items', { token: await api().token('home:anyhome') });
    expect(list.status).toBe(200);
    expect(list.body.items.map((i: { sku: string }) => i.sku)).toContain('MASK-IIR');
  });

  it('answers 404 problem for an unknown SKU', async () => {
    const get = await api().request('GET', '/v1/items/NOPE', { token: admin });
    expect(get.status).toBe(404);
    expect(get.headers.get('content-type')).toBe('application/problem+json');
    expect(get.body).toMatchObject({ status: 404, title: 'Not found' });
  });

  it('paginates with an opaque cursor, every item exactly once', async () => {
    const skus = Array.from({ length: 7 }, (_, i) => `PAGE-TEST-${i}`);
    for (const sku of skus) {
      await api().request('PUT', `/v1/items/${sku}`, { token: admin, body: { name: sku, unit: 'each', packSize: 1 } });
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = `?limit=3${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const page = await api().request('GET', `/v1/items${query}`, { token: admin });
      expect(page.status).toBe(200);
      expect(page.body.items.length).toBeLessThanOrEqual(3);
      seen.push(...page.body.items.map((i: { sku: string }) => i.sku));
      cursor = page.body.nextCursor;
      pages++;
    } while (cursor && pages < 20);
    for (const sku of skus) expect(seen.filter((s) => s === sku)).toHaveLength(1);
  });

  it('refuses a cursor from another list with 400', async () => {
    const stores = await api().request('GET', '/v1/stores?limit=1', { token: admin });
    const forged = Buffer.from(JSON.stringify({ PK: 'HOME#x', SK: 'PROFILE', GSI1PK: 'STORES', GSI1SK: 'x' })).toString('base64url');
    const response = await api().request('GET', `/v1/items?cursor=${forged}`, { token: admin });
    expect(stores.status).toBe(200);
    expect(response.status).toBe(400);
    expect(response.body.errors[0]).toMatchObject({ in: 'query', path: 'cursor' });
  });

  it.each([
    ['limit=0'], ['limit=101'], ['limit=abc'], ['limit=2.5'], ['colour=red'],
  ])('refuses the query %s with 400', async (query) => {
    const response = await api().request('GET', `/v1/items?${query}`, { token: admin });
    expect(response.status).toBe(400);
    expect(response.body.errors.length).toBeGreaterThan(0);
  });
});

describe('stores and homes', () => {
  it('creates a store and two homes, lists the store’s homes, and reads each back', async () => {
    const store = await api().request('PUT', '/v1/stores/cardiff-jes', {
      token: admin,
      body: { name: 'Cardiff JES', capacityPerDay: 4, closedDates: ['2026-12-25'] },
    });
    expect(store.status).toBe(200);
    expect(store.body).toMatchObject({ storeId: 'cardiff-jes', timeZone: 'Europe/London', closedDates: ['2026-12-25'] });

    for (const homeId of ['ty-gwyn', 'plas-newydd']) {
      const home = await api().request('PUT', `/v1/homes/${homeId}`, {
        token: admin,
        body: { name: homeId, storeId: 'cardiff-jes', beds: 30, deliveryDays: ['MON', 'THU'] },
      });
      expect(home.status).toBe(200);
      expect(home.body).toMatchObject({ homeId, storeId: 'cardiff-jes', beds: 30 });
    }

    const storeToken = await api().token('store:cardiff-jes');
    const homes = await api().request('GET', '/v1/stores/cardiff-jes/homes', { token: storeToken });
    expect(homes.status).toBe(200);
    expect(homes.body.items.map((h: { homeId: string }) => h.homeId).sort()).toEqual(['plas-newydd', 'ty-gwyn']);

    expect((await api().request('GET', '/v1/homes/ty-gwyn', { token: storeToken })).status).toBe(200);
    expect((await api().request('GET', '/v1/stores/cardiff-jes', { token: storeToken })).body.name).toBe('Cardiff JES');
  });

  it('refuses a home whose store does not exist, naming the field, and stores nothing', async () => {
    const before = await api().tableItems();
    const response = await api().request('PUT', '/v1/homes/orphan', {
      token: admin,
      body: { name: 'Orphan', storeId: 'no-such-store', beds: 10, deliveryDays: [] },
    });
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([expect.objectContaining({ in: 'body', path: '/storeId' })]);
    expect(await api().tableItems()).toEqual(before);
  });

  it('keeps a home’s last count when its profile is replaced', async () => {
    await api().request('PUT', '/v1/stores/keep-store', { token: admin, body: { name: 'K', capacityPerDay: 1 } });
    const body = { name: 'Keep', storeId: 'keep-store', beds: 5, deliveryDays: ['MON'] };
    await api().request('PUT', '/v1/homes/keep-home', { token: admin, body });
    const first = (await api().tableItems()).find((i) => i.PK === 'HOME#keep-home' && i.SK === 'PROFILE');
    expect(first).toMatchObject({ lastCountedAt: null, GSI2PK: expect.stringMatching(/^LASTCOUNT#\d$/) });
    const renamed = await api().request('PUT', '/v1/homes/keep-home', { token: admin, body: { ...body, name: 'Renamed' } });
    expect(renamed.body.name).toBe('Renamed');
  });
});
