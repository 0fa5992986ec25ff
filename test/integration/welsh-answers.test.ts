/**
 * Issue #19: the API answers in Welsh when asked. `Accept-Language: cy` gives problem+json `title`,
 * `detail` and field errors in Welsh, `Content-Language: cy` and `Vary: Accept-Language`; a language
 * we do not have falls back to English (`Content-Language: en`); weights decide between the two.
 * Every answer here also passes the OpenAPI contract check (test/support/test-api.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApi } from '../support/test-api.ts';

const api = useTestApi();
let admin: string;

const badStore = { name: '   ', capacityPerDay: 2, language: 'fr' };
const putBadStore = (language?: string) =>
  api().request('PUT', '/v1/stores/iaith-store', { token: admin, body: badStore, headers: language === undefined ? {} : { 'accept-language': language } });

beforeAll(async () => {
  admin = await api().token('admin');
  await api().request('PUT', '/v1/stores/iaith-store', { token: admin, body: { name: 'Iaith', capacityPerDay: 2 } });
  await api().request('PUT', '/v1/homes/iaith-home', { token: admin, body: { name: 'Iaith Home', storeId: 'iaith-store', beds: 10, deliveryDays: ['MON'] } });
  await api().request('PUT', '/v1/items/IAITH-MASK', { token: admin, body: { name: 'Mask', unit: 'mask', packSize: 50 } });
});

describe('Accept-Language on problems', () => {
  it('cy: a bad request has the Welsh title, detail and field errors, and says Content-Language: cy; nothing written', async () => {
    const before = await api().tableItems();
    const response = await putBadStore('cy');
    expect(response.status).toBe(400);
    expect(response.headers.get('content-language')).toBe('cy');
    expect(response.headers.get('vary')).toMatch(/Accept-Language/i);
    expect(response.body).toMatchObject({ title: "Nid yw'r cais yn ddilys", detail: 'Mae 2 maes annilys (corff y cais).' });
    const messages = Object.fromEntries(response.body.errors.map((e: { path: string; message: string }) => [e.path, e.message]));
    expect(messages['/name']).toBe('rhaid i name beidio â bod yn wag nac yn fylchau yn unig');
    expect(messages['/language']).toBe('Dewis annilys: disgwylid un o "cy"|"en"|"both"');
    expect(await api().tableItems()).toEqual(before);
  });

  it('no header, or a language we do not have (fr): English, and Content-Language says so', async () => {
    for (const language of [undefined, 'fr', 'fr-FR, de;q=0.8']) {
      const response = await putBadStore(language);
      expect(response.status).toBe(400);
      expect(response.headers.get('content-language')).toBe('en');
      expect(response.body).toMatchObject({ title: 'Request is not valid', detail: 'The request body has 2 invalid fields.' });
      expect(response.body.errors.find((e: { path: string }) => e.path === '/name').message).toBe('name must not be empty or only spaces');
    }
  });

  it('weights decide: en;q=0.5, cy → Welsh; cy;q=0.4, en → English; cy-GB → Welsh; cy;q=0 → English', async () => {
    const languageOf = async (header: string) => (await putBadStore(header)).headers.get('content-language');
    expect(await languageOf('en;q=0.5, cy')).toBe('cy');
    expect(await languageOf('cy;q=0.4, en')).toBe('en');
    expect(await languageOf('cy-GB')).toBe('cy');
    expect(await languageOf('cy;q=0')).toBe('en');
  });

  it('every kind of refusal is Welsh: 401 without a token, 403 another organisation, 404 an unknown item, 415 a content type', async () => {
    const cy = { 'accept-language': 'cy' };
    const unauthenticated = await api().request('GET', '/v1/items', { headers: cy });
    expect(unauthenticated.status).toBe(401);
    expect(unauthenticated.body).toMatchObject({ title: 'Mae angen dilysu', detail: 'Dim tocyn cludwr ym mhennyn Authorization.' });
    const other = await api().request('GET', '/v1/homes/iaith-home', { token: await api().token('home:another-home'), headers: cy });
    expect(other.status).toBe(403);
    expect(other.body).toMatchObject({ title: 'Yn perthyn i sefydliad arall', detail: 'Ni chaiff eich sefydliad gael mynediad i gartref "iaith-home".' });
    const missing = await api().request('GET', '/v1/items/NOPE', { token: admin, headers: cy });
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ title: 'Heb ei ganfod', detail: 'Dim eitem "NOPE" yn y catalog.' });
    expect(missing.headers.get('content-language')).toBe('cy');
    const media = await api().request('PUT', '/v1/items/NOPE', { token: admin, headers: { ...cy, 'content-type': 'text/plain' }, body: 'x', raw: true });
    expect(media.status).toBe(415);
    expect(media.body).toMatchObject({ title: 'Math o gynnwys heb ei gefnogi', detail: 'Ni dderbynnir y math o gynnwys "text/plain" yma; anfonwch application/json.' });
  });

  it('a CSV fault names its row and column in Welsh, and a thousands separator is explained in Welsh', async () => {
    const cy = { 'accept-language': 'cy' };
    const csv = await api().request('POST', '/v1/stores/import', {
      token: admin,
      raw: true,
      body: 'storeId,name,capacityPerDay,language\r\nnew-jes,New,2,welsh\r\n',
      headers: { ...cy, 'content-type': 'text/csv' },
    });
    expect(csv.status).toBe(400);
    expect(csv.body.errors).toEqual([{ in: 'body', path: '/rows/0/language', message: 'rhes 1 (llinell 2), colofn D (language): Dewis annilys: disgwylid un o "cy"|"en"|"both"' }]);
    const count = await api().request('POST', '/v1/homes/iaith-home/stock-counts', {
      token: admin,
      body: { countedAt: '2026-03-10T08:00:00Z', lines: [{ sku: 'IAITH-MASK', onHand: '3,000' }] },
      headers: cy,
    });
    expect(count.status).toBe(400);
    expect(count.body.errors[0]).toMatchObject({ path: '/lines/0/onHand', message: 'Mae gwahanydd miloedd yn "3,000": ysgrifennwch y rhif yn blaen, 3000' });
  });

  it('a use case’s own refusal is Welsh too (a request for a SKU the catalogue lacks)', async () => {
    const response = await api().request('POST', '/v1/homes/iaith-home/requests', {
      token: admin,
      body: { lines: [{ sku: 'NO-SUCH-SKU', quantity: 5 }] },
      headers: { 'accept-language': 'cy', 'idempotency-key': 'iaith-0000-0001' },
    });
    expect(response.status).toBe(400);
    expect(response.body.detail).toBe('Mae 1 SKU anhysbys yn y cais; ni chofnodwyd dim.');
    expect(response.body.errors[0].message).toBe('Dim eitem "NO-SUCH-SKU" yn y catalog');
  });

  it('an import answers its message in the language asked, and says which', async () => {
    const response = await api().request('POST', '/v1/stores/import?dryRun=true', {
      token: admin,
      body: { rows: [{ storeId: 'iaith-new', name: 'Newydd', capacityPerDay: 1 }] },
      headers: { 'accept-language': 'cy' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-language')).toBe('cy');
    expect(response.body.message).toBe('Byddai 1 yn cael eu creu, 0 yn cael eu diweddaru, 0 heb newid. Nid ysgrifennwyd dim (rhediad prawf).');
  });
});

describe('CSV exports in Welsh', () => {
  const lines = (text: string) => text.replace(/^\uFEFF/, '').trim().split('\r\n').map((l) => l.split(','));

  beforeAll(async () => {
    await api().request('PUT', '/v1/items/IAITH-MASK', { token: admin, body: { name: 'Mask', nameCy: 'Masg', unit: 'mask', packSize: 50 } });
    await api().request('PUT', '/v1/homes/iaith-home', { token: admin, body: { name: 'Iaith Home', nameCy: 'Cartref Iaith', storeId: 'iaith-store', beds: 10, deliveryDays: ['MON'] } });
    await api().request('PUT', '/v1/homes/iaith-plain', { token: admin, body: { name: 'Plain Home', storeId: 'iaith-store', beds: 10, deliveryDays: ['MON'] } });
    const counted = await api().request('POST', '/v1/homes/iaith-home/stock-counts', {
      token: admin,
      body: { countedAt: new Date(Date.now() - 3_600_000).toISOString(), lines: [{ sku: 'IAITH-MASK', onHand: 3000, dailyUsage: 60 }] },
    });
    expect(counted.status).toBe(200);
  });

  it('?lang=cy: Welsh headers, status words and names (the English name where there is no Welsh one), Content-Language: cy', async () => {
    const response = await api().request('GET', '/v1/stores/iaith-store/export.csv?lang=cy', { token: admin });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-language')).toBe('cy');
    const [header, ...rows] = lines(response.body as string);
    expect(header).toEqual(['dyddiad', 'idStorfa', 'idCartref', 'enwCartref', 'sku', 'enwEitem', 'uned', 'statws', 'wrthLaw', 'stocRhagamcanol', 'defnyddDyddiol', 'dyddiauOGyflenwad', 'dyddiadRhedegAllan', 'archebAwgrymedig', 'cyfrifDiwethaf']);
    const byHome = Object.fromEntries(rows.map((r) => [r[2], r]));
    expect(byHome['iaith-home']!.slice(3, 8)).toEqual(['Cartref Iaith', 'IAITH-MASK', 'Masg', 'mask', 'gwyrdd']);
    expect(byHome['iaith-plain']!.slice(3, 8)).toEqual(['Plain Home', 'IAITH-MASK', 'Masg', 'mask', 'anhysbys']);
  });

  it('Accept-Language: cy without lang gives Welsh too; ?lang=en wins over it; lang=fr is 400, naming lang', async () => {
    const negotiated = await api().request('GET', '/v1/stores/iaith-store/export.csv', { token: admin, headers: { 'accept-language': 'cy' } });
    expect(negotiated.headers.get('content-language')).toBe('cy');
    expect(negotiated.headers.get('vary')).toMatch(/Accept-Language/i);
    expect(lines(negotiated.body as string)[0]![0]).toBe('dyddiad');
    const english = await api().request('GET', '/v1/stores/iaith-store/export.csv?lang=en', { token: admin, headers: { 'accept-language': 'cy' } });
    expect(english.headers.get('content-language')).toBe('en');
    const [header, ...rows] = lines(english.body as string);
    expect(header![0]).toBe('date');
    expect(rows.find((r) => r[2] === 'iaith-home')!.slice(3, 8)).toEqual(['Iaith Home', 'IAITH-MASK', 'Mask', 'mask', 'green']);
    const bad = await api().request('GET', '/v1/stores/iaith-store/export.csv?lang=fr', { token: admin, headers: { 'accept-language': 'cy' } });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ title: "Nid yw'r cais yn ddilys", errors: [expect.objectContaining({ in: 'query', path: '/lang' })] });
  });

  it('the national and regional exports: Welsh headers, Welsh names, a total row named Cyfanswm', async () => {
    await api().request('PUT', '/v1/regions/iaith-region', { token: admin, body: { name: 'Gwent Regional Partnership Board', nameCy: 'Bwrdd Partneriaeth Rhanbarthol Gwent' } });
    await api().request('PUT', '/v1/stores/iaith-store', { token: admin, body: { name: 'Iaith', nameCy: 'Storfa Iaith', capacityPerDay: 2, regionId: 'iaith-region' } });
    expect((await api().request('POST', '/v1/jobs/shortfall-scan', { token: admin, body: {} })).status).toBe(200);
    const nation = await api().request('GET', '/v1/overview/export.csv?lang=cy', { token: admin });
    expect(nation.status).toBe(200);
    expect(nation.headers.get('content-language')).toBe('cy');
    const [header, ...rows] = lines(nation.body as string);
    expect(header).toEqual(['dyddiad', 'idRhanbarth', 'idStorfa', 'enw', 'storfeydd', 'cartrefi', 'coch', 'ambr', 'gwyrdd', 'anhysbys', 'prin', 'tawel', 'brigiad']);
    expect(rows.find((r) => r[1] === 'iaith-region')![3]).toBe('Bwrdd Partneriaeth Rhanbarthol Gwent');
    expect(rows.at(-1)![3]).toBe('Cyfanswm');
    const region = await api().request('GET', '/v1/regions/iaith-region/export.csv?lang=cy', { token: admin });
    const regionRows = lines(region.body as string);
    expect(regionRows.find((r) => r[2] === 'iaith-store')![3]).toBe('Storfa Iaith');
    expect((await api().request('GET', '/v1/overview/export.csv?lang=xx', { token: admin })).status).toBe(400);
  });
});

describe('alerts in the store’s language', () => {
  const alertLines = () => {
    const file = join(api().system.dataDir, 'alerts.jsonl');
    return existsSync(file) ? readFileSync(file, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l)) : [];
  };

  it('a cy store’s digest and events are in Welsh, a both store’s Welsh first then English, an en store’s in English', async () => {
    for (const [storeId, language] of [['alert-cy', 'cy'], ['alert-both', 'both'], ['alert-en', 'en']] as const) {
      expect((await api().request('PUT', `/v1/stores/${storeId}`, { token: admin, body: { name: storeId, capacityPerDay: 2, language } })).status).toBe(200);
      // Never counted: flagged as silent / never-counted by the job.
      expect((await api().request('PUT', `/v1/homes/${storeId}-home`, { token: admin, body: { name: `Home of ${storeId}`, nameCy: `Cartref ${storeId}`, storeId, beds: 10, deliveryDays: ['MON'] } })).status).toBe(200);
    }
    const before = alertLines().length;
    expect((await api().request('POST', '/v1/jobs/shortfall-scan', { token: admin, body: {} })).status).toBe(200);
    const lines = alertLines().slice(before);
    const digest = (storeId: string) => lines.find((l) => l.kind === 'digest' && l.digest.storeId === storeId);
    const event = (storeId: string) => lines.find((l) => l.kind === 'event' && l.detail.storeId === storeId)?.detail;

    expect(digest('alert-cy').text).toMatch(/^Prinderau storfa alert-cy ar /);
    expect(digest('alert-cy').text).not.toContain('Shortfalls for');
    expect(digest('alert-cy').subject).toMatch(/yn brin, \d+ wedi tawelu/);
    // A Welsh store names its homes by their Welsh names.
    expect(digest('alert-cy').text).toContain('- Cartref alert-cy (alert-cy-home)');
    expect(event('alert-cy')).toMatchObject({ language: 'cy', homeName: 'Home of alert-cy', text: expect.stringMatching(/^Prinder: Cartref alert-cy \(alert-cy-home\)/) });

    const both = digest('alert-both').text as string;
    expect(both.indexOf('Prinderau storfa alert-both')).toBe(0);
    expect(both.indexOf('Shortfalls for store alert-both')).toBeGreaterThan(0);
    expect(event('alert-both').text).toBe(`Prinder: Cartref alert-both (alert-both-home), ${event('alert-both').date}: wedi tawelu / Shortfall: Home of alert-both (alert-both-home), ${event('alert-both').date}: silent`);

    expect(digest('alert-en').text).toMatch(/^Shortfalls for store alert-en/);
    expect(digest('alert-en').text).toContain('- Home of alert-en (alert-en-home)');
    expect(event('alert-en')).toMatchObject({ language: 'en', text: expect.stringMatching(/^Shortfall: /) });
  });
});
