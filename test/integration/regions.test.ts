/**
 * Regions: an administrator creates them; a store names its region (which must exist); a home names
 * its local authority. A region's token reads its stores and their homes and nothing else.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApi } from '../support/test-api.ts';

const api = useTestApi();

async function as(org: string, method: string, path: string, body?: unknown) {
  return api().request(method, path, { token: await api().token(org), body });
}

beforeAll(async () => {
  await as('admin', 'PUT', '/v1/regions/gwent', { name: 'Gwent Regional Partnership Board' });
  await as('admin', 'PUT', '/v1/regions/cardiff-and-vale', { name: 'Cardiff and Vale Regional Partnership Board' });
  await as('admin', 'PUT', '/v1/stores/newport-jes', { name: 'Newport JES', capacityPerDay: 3, regionId: 'gwent' });
  await as('admin', 'PUT', '/v1/stores/cardiff-jes', { name: 'Cardiff JES', capacityPerDay: 3, regionId: 'cardiff-and-vale' });
});

describe('regions', () => {
  it('are created, read and listed; a store names one and a home its local authority', async () => {
    expect((await as('region:gwent', 'GET', '/v1/regions/gwent')).body).toMatchObject({ regionId: 'gwent', name: 'Gwent Regional Partnership Board' });
    const list = await as('admin', 'GET', '/v1/regions');
    expect(list.body.items.map((r: { regionId: string }) => r.regionId)).toEqual(['cardiff-and-vale', 'gwent']);
    expect((await as('admin', 'GET', '/v1/stores/newport-jes')).body.regionId).toBe('gwent');
    const home = await as('admin', 'PUT', '/v1/homes/ty-newydd', { name: 'Tŷ Newydd', storeId: 'newport-jes', beds: 30, deliveryDays: ['MON'], localAuthority: 'Newport' });
    expect(home.status).toBe(200);
    expect((await as('region:gwent', 'GET', '/v1/homes/ty-newydd')).body.localAuthority).toBe('Newport');
    // Replaced whole: a profile without the local authority drops it.
    await as('admin', 'PUT', '/v1/homes/ty-newydd', { name: 'Tŷ Newydd', storeId: 'newport-jes', beds: 30, deliveryDays: ['MON'] });
    expect((await as('admin', 'GET', '/v1/homes/ty-newydd')).body.localAuthority).toBeUndefined();
  });

  it('refuses a store naming an unknown region with 400 at /regionId, writing nothing', async () => {
    const before = await api().tableItems();
    const response = await as('admin', 'PUT', '/v1/stores/nowhere-jes', { name: 'Nowhere', capacityPerDay: 1, regionId: 'atlantis' });
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([expect.objectContaining({ in: 'body', path: '/regionId' })]);
    expect(await api().tableItems()).toEqual(before);
  });

  it('lets a region read its stores and homes, not another region’s, and write nothing', async () => {
    expect((await as('region:gwent', 'GET', '/v1/stores/newport-jes/homes')).status).toBe(200);
    expect((await as('region:gwent', 'GET', '/v1/stores/cardiff-jes')).status).toBe(403);
    expect((await as('region:gwent', 'GET', '/v1/regions/cardiff-and-vale')).status).toBe(403);
    expect((await as('region:gwent', 'GET', '/v1/regions')).status).toBe(403);
    expect((await as('store:newport-jes', 'GET', '/v1/regions/gwent')).status).toBe(403);
    const before = await api().tableItems();
    const count = { countedAt: new Date(Date.now() - 60_000).toISOString(), lines: [{ sku: 'MASK-IIR', onHand: 10 }] };
    expect((await as('region:gwent', 'POST', '/v1/homes/ty-newydd/stock-counts', count)).status).toBe(403);
    expect((await as('region:gwent', 'PUT', '/v1/regions/gwent', { name: 'Mine now' })).status).toBe(403);
    expect(await api().tableItems()).toEqual(before);
  });
});
