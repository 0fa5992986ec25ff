/**
 * Issue #19, the data side: Welsh names (`nameCy`) on items, regions, stores and homes, returned by
 * every read that returns the name (absent: the reader falls back to the name), and a store's alert
 * language (`cy`, `en`, `both`; `en` when not given), through PUT and the imports. Bad values are
 * 400 with the field named and nothing written (the table read back).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApi } from '../support/test-api.ts';

const api = useTestApi();
let admin: string;

const csv = (text: string) => ({ body: text, raw: true, headers: { 'content-type': 'text/csv' } });

beforeAll(async () => {
  admin = await api().token('admin');
});

describe('Welsh names', () => {
  it('an item keeps its Welsh name, trimmed; a PUT without one removes it (readers fall back to the name)', async () => {
    const put = await api().request('PUT', '/v1/items/CY-MASK', { token: admin, body: { name: 'Type IIR surgical mask', nameCy: '  Masg llawfeddygol Math IIR ', unit: 'mask', packSize: 50 } });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ name: 'Type IIR surgical mask', nameCy: 'Masg llawfeddygol Math IIR' });
    expect((await api().request('GET', '/v1/items/CY-MASK', { token: admin })).body.nameCy).toBe('Masg llawfeddygol Math IIR');
    const list = await api().request('GET', '/v1/items', { token: await api().token('home:anyhome') });
    expect(list.body.items.find((i: { sku: string }) => i.sku === 'CY-MASK')).toMatchObject({ nameCy: 'Masg llawfeddygol Math IIR' });

    const without = await api().request('PUT', '/v1/items/CY-MASK', { token: admin, body: { name: 'Type IIR surgical mask', unit: 'mask', packSize: 50 } });
    expect(without.status).toBe(200);
    expect(without.body).not.toHaveProperty('nameCy');
    expect((await api().request('GET', '/v1/items/CY-MASK', { token: admin })).body).not.toHaveProperty('nameCy');
  });

  it('a store and its homes carry their Welsh names in every read: the store, the home, the worklist', async () => {
    const store = await api().request('PUT', '/v1/stores/cy-store', { token: admin, body: { name: 'Swansea JES', nameCy: 'Storfa Offer ar y Cyd Abertawe', capacityPerDay: 2, language: 'cy' } });
    expect(store.status).toBe(200);
    expect(store.body).toMatchObject({ nameCy: 'Storfa Offer ar y Cyd Abertawe', language: 'cy' });
    await api().request('PUT', '/v1/homes/cy-home', { token: admin, body: { name: 'Bryn Haul Care Home', nameCy: 'Cartref Gofal Bryn Haul', storeId: 'cy-store', beds: 20, deliveryDays: ['WED'] } });
    await api().request('PUT', '/v1/homes/en-home', { token: admin, body: { name: 'Awel-y-Môr Residential Home', storeId: 'cy-store', beds: 20, deliveryDays: ['FRI'] } });

    const storeToken = await api().token('store:cy-store');
    expect((await api().request('GET', '/v1/stores/cy-store', { token: storeToken })).body).toMatchObject({ nameCy: 'Storfa Offer ar y Cyd Abertawe', language: 'cy' });
    expect((await api().request('GET', '/v1/homes/cy-home', { token: storeToken })).body.nameCy).toBe('Cartref Gofal Bryn Haul');
    const worklist = await api().request('GET', '/v1/stores/cy-store/homes', { token: storeToken });
    const byId = Object.fromEntries(worklist.body.items.map((h: { homeId: string }) => [h.homeId, h]));
    expect(byId['cy-home']).toMatchObject({ name: 'Bryn Haul Care Home', nameCy: 'Cartref Gofal Bryn Haul' });
    expect(byId['en-home']).not.toHaveProperty('nameCy');

    // Replaced whole: the Welsh name left out goes.
    const renamed = await api().request('PUT', '/v1/homes/cy-home', { token: admin, body: { name: 'Bryn Haul Care Home', storeId: 'cy-store', beds: 20, deliveryDays: ['WED'] } });
    expect(renamed.body).not.toHaveProperty('nameCy');
    expect((await api().request('GET', '/v1/homes/cy-home', { token: admin })).body).not.toHaveProperty('nameCy');
  });

  it('a store without a language is English; both is kept', async () => {
    expect((await api().request('PUT', '/v1/stores/en-store', { token: admin, body: { name: 'Cardiff JES', capacityPerDay: 2 } })).body.language).toBe('en');
    expect((await api().request('PUT', '/v1/stores/both-store', { token: admin, body: { name: 'Cardiff JES', capacityPerDay: 2, language: 'both' } })).body.language).toBe('both');
    expect((await api().request('GET', '/v1/stores/both-store', { token: admin })).body.language).toBe('both');
  });

  it('refuses a language that is not cy, en or both, an empty or too long Welsh name, naming each field; nothing written', async () => {
    const before = await api().tableItems();
    const store = await api().request('PUT', '/v1/stores/bad-lang', { token: admin, body: { name: 'Bad', capacityPerDay: 1, language: 'fr', nameCy: '   ' } });
    expect(store.status).toBe(400);
    expect(store.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['/language', '/nameCy']);
    const item = await api().request('PUT', '/v1/items/CY-LONG', { token: admin, body: { name: 'Long', nameCy: 'a'.repeat(121), unit: 'each', packSize: 1 } });
    expect(item.status).toBe(400);
    expect(item.body.errors).toEqual([expect.objectContaining({ in: 'body', path: '/nameCy' })]);
    const home = await api().request('PUT', '/v1/homes/cy-home', { token: admin, body: { name: 'X', nameCy: 7, storeId: 'cy-store', beds: 1, deliveryDays: [] } });
    expect(home.status).toBe(400);
    expect(home.body.errors).toEqual([expect.objectContaining({ in: 'body', path: '/nameCy' })]);
    expect(await api().tableItems()).toEqual(before);
  });

  it('the imports take optional nameCy (and for stores language) columns; the same file again changes nothing', async () => {
    const storesCsv = 'storeId,name,nameCy,capacityPerDay,language\r\nimp-cy,Newport JES,Storfa Offer ar y Cyd Casnewydd,3,both\r\nimp-en,Torfaen JES,,2,\r\n';
    const stores = await api().request('POST', '/v1/stores/import', { token: admin, ...csv(storesCsv) });
    expect(stores.status).toBe(200);
    expect((await api().request('GET', '/v1/stores/imp-cy', { token: admin })).body).toMatchObject({ nameCy: 'Storfa Offer ar y Cyd Casnewydd', language: 'both' });
    const plain = (await api().request('GET', '/v1/stores/imp-en', { token: admin })).body;
    expect(plain.language).toBe('en');
    expect(plain).not.toHaveProperty('nameCy');
    expect((await api().request('POST', '/v1/stores/import', { token: admin, ...csv(storesCsv) })).body).toMatchObject({ changed: false, unchanged: 2 });

    const homesCsv = 'homeId,name,nameCy,storeId,beds,deliveryDays\r\nimp-home,Tŷ Newydd Care Home,Cartref Gofal Tŷ Newydd,imp-cy,30,MON THU\r\n';
    expect((await api().request('POST', '/v1/homes/import', { token: admin, ...csv(homesCsv) })).status).toBe(200);
    expect((await api().request('GET', '/v1/homes/imp-home', { token: admin })).body.nameCy).toBe('Cartref Gofal Tŷ Newydd');
    expect((await api().request('POST', '/v1/homes/import', { token: admin, ...csv(homesCsv) })).body).toMatchObject({ changed: false });

    const before = await api().tableItems();
    const bad = await api().request('POST', '/v1/stores/import', { token: admin, ...csv('storeId,name,capacityPerDay,language\r\nimp-bad,Bad,1,welsh\r\n') });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ path: '/rows/0/language', message: expect.stringMatching(/^row 1 \(line 2\), column D \(language\)/) })]);
    expect(await api().tableItems()).toEqual(before);
  });

  it('the overview carries the regions’ and stores’ Welsh names, and the nation’s', async () => {
    await api().request('PUT', '/v1/regions/cy-region', { token: admin, body: { name: 'Gwent Regional Partnership Board', nameCy: 'Bwrdd Partneriaeth Rhanbarthol Gwent' } });
    await api().request('PUT', '/v1/stores/cy-region-store', { token: admin, body: { name: 'Newport JES', nameCy: 'Storfa Offer ar y Cyd Casnewydd', capacityPerDay: 2, regionId: 'cy-region' } });
    const run = await api().request('POST', '/v1/jobs/shortfall-scan', { token: admin, body: { asOf: '2026-03-10T07:00:00Z' } });
    expect(run.status).toBe(200);
    const nation = await api().request('GET', '/v1/overview?date=2026-03-10', { token: admin });
    expect(nation.body).toMatchObject({ name: 'All regions', nameCy: 'Pob rhanbarth' });
    expect(nation.body.rows.find((r: { regionId: string | null }) => r.regionId === 'cy-region')).toMatchObject({ nameCy: 'Bwrdd Partneriaeth Rhanbarthol Gwent' });
    const region = await api().request('GET', '/v1/regions/cy-region/overview?date=2026-03-10', { token: admin });
    expect(region.body).toMatchObject({ nameCy: 'Bwrdd Partneriaeth Rhanbarthol Gwent', rows: [expect.objectContaining({ storeId: 'cy-region-store', nameCy: 'Storfa Offer ar y Cyd Casnewydd' })] });
  });
});
