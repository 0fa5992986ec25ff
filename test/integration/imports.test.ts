/**
 * Bulk onboarding: stores and homes from CSV and JSON, all or nothing (a file with one bad row
 * writes nothing, and the 400 names every bad row by line and column), idempotent (the same file
 * twice changes nothing and says so), a dry run that writes nothing, and 1,000 homes in a bounded
 * number of DynamoDB round trips.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { recordCommands } from '../support/shortfall-fixtures.ts';
import { useTestApi } from '../support/test-api.ts';

const api = useTestApi();
let admin: string;

const csv = (text: string) => ({ body: text, raw: true, headers: { 'content-type': 'text/csv' } });
const post = (path: string, options: Record<string, unknown>) => api().request('POST', path, { token: admin, ...options });
const homesOf = async () => (await api().tableItems()).filter((i) => i.entity === 'Home').length;

beforeAll(async () => {
  admin = await api().token('admin');
  await api().request('PUT', '/v1/regions/gwent', { token: admin, body: { name: 'Gwent' } });
});

const storesCsv = 'storeId,name,regionId,capacityPerDay,timeZone\r\nnewport-jes,Newport JES,gwent,3,Europe/London\r\ntorfaen-jes,"Torfaen JES, Pontypool",gwent,2,\r\n';

describe('stores import', () => {
  it('creates from CSV, then the same file changes nothing and says so', async () => {
    const first = await post('/v1/stores/import', csv(storesCsv));
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ dryRun: false, rows: 2, created: ['newport-jes', 'torfaen-jes'], updated: [], unchanged: 0, changed: true });
    expect((await api().request('GET', '/v1/stores/torfaen-jes', { token: admin })).body).toMatchObject({ name: 'Torfaen JES, Pontypool', regionId: 'gwent', timeZone: 'Europe/London' });
    const before = await api().tableItems();
    const again = await post('/v1/stores/import', csv(storesCsv));
    expect(again.body).toMatchObject({ created: [], updated: [], unchanged: 2, changed: false });
    expect(again.body.message).toMatch(/^Nothing changed/);
    expect(await api().tableItems()).toEqual(before);
  });

  it('refuses a file naming an unknown region, with the line and column, writing nothing', async () => {
    const before = await api().tableItems();
    const response = await post('/v1/stores/import', csv('storeId,name,regionId,capacityPerDay\nnew-jes,New,atlantis,2\n'));
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([{ in: 'body', path: '/rows/0/regionId', message: expect.stringMatching(/^row 1 \(line 2\), column C \(regionId\): No region "atlantis"/) }]);
    expect(await api().tableItems()).toEqual(before);
  });
});

describe('homes import', () => {
  const good = 'homeId,name,storeId,beds,deliveryDays,localAuthority\nty-newydd,Tŷ Newydd,newport-jes,30,MON THU,Newport\nmaes-y-coed,Maes-y-Coed,newport-jes,24,TUE,Newport\n';

  it('a dry run answers what would change and writes nothing', async () => {
    const before = await api().tableItems();
    const response = await post('/v1/homes/import?dryRun=true', csv(good));
    expect(response.body).toMatchObject({ dryRun: true, created: ['ty-newydd', 'maes-y-coed'], changed: true });
    expect(response.body.message).toMatch(/Nothing was written/);
    expect(await api().tableItems()).toEqual(before);
  });

  it('creates, then the same file again changes nothing; a changed row updates only that home and keeps its last count', async () => {
    expect((await post('/v1/homes/import', csv(good))).body).toMatchObject({ created: ['ty-newydd', 'maes-y-coed'], unchanged: 0 });
    expect((await api().request('GET', '/v1/homes/ty-newydd', { token: admin })).body).toMatchObject({ deliveryDays: ['MON', 'THU'], localAuthority: 'Newport', beds: 30 });
    const count = await api().request('POST', '/v1/homes/ty-newydd/stock-counts', { token: admin, body: { countedAt: new Date(Date.now() - 60_000).toISOString(), lines: [{ sku: 'MASK-IIR', onHand: 1 }] } });
    expect([200, 400]).toContain(count.status); // no catalogue here: the count may be refused; the home's last count is what matters below
    const again = await post('/v1/homes/import', csv(good));
    expect(again.body).toMatchObject({ created: [], updated: [], unchanged: 2, changed: false });
    const changed = await post('/v1/homes/import', { body: { rows: [{ homeId: 'maes-y-coed', name: 'Maes-y-Coed', storeId: 'newport-jes', beds: 26, deliveryDays: ['TUE'], localAuthority: 'Newport' }] } });
    expect(changed.body).toMatchObject({ created: [], updated: ['maes-y-coed'], unchanged: 0 });
    expect((await api().request('GET', '/v1/homes/maes-y-coed', { token: admin })).body.beds).toBe(26);
  });

  it('one bad row writes nothing, and every bad row is named by line and column', async () => {
    const bad =
      'homeId,name,storeId,beds,deliveryDays\n' +
      'good-home,Good,newport-jes,20,MON\n' +
      'Bad Id,Bad,newport-jes,twenty,FUNDAY\n' +
      'lost-home,Lost,no-such-jes,10,MON\n' +
      'good-home,Again,newport-jes,20,MON\n';
    const before = await api().tableItems();
    const response = await post('/v1/homes/import', csv(bad));
    expect(response.status).toBe(400);
    const named = response.body.errors.map((e: { path: string; message: string }) => `${e.path} ${e.message.split(':')[0]}`);
    expect(named).toEqual(expect.arrayContaining(['/rows/1/homeId row 2 (line 3), column A (homeId)', '/rows/1/beds row 2 (line 3), column D (beds)', '/rows/1/deliveryDays/0 row 2 (line 3), column E (deliveryDays)']));
    expect(await api().tableItems()).toEqual(before);
    // The references and repeats are checked once the rows themselves are valid.
    const second = await post('/v1/homes/import', csv('homeId,name,storeId,beds,deliveryDays\ngood-home,Good,newport-jes,20,MON\nlost-home,Lost,no-such-jes,10,MON\ngood-home,Again,newport-jes,20,MON\n'));
    expect(second.body.errors.map((e: { path: string }) => e.path)).toEqual(['/rows/1/storeId', '/rows/2/homeId']);
    expect(second.body.errors[0].message).toMatch(/^row 2 \(line 3\), column C \(storeId\): No store "no-such-jes"/);
    expect(await api().tableItems()).toEqual(before);
  });

  it('refuses more than 1,000 rows, and a JSON body names rows without lines', async () => {
    const rows = Array.from({ length: 1001 }, (_, i) => ({ homeId: `h-${i}`, name: `Home ${i}`, storeId: 'newport-jes', beds: 10, deliveryDays: ['MON'] }));
    const response = await post('/v1/homes/import', { body: { rows } });
    expect(response.status).toBe(400);
    expect(response.body.errors[0]).toMatchObject({ path: '/rows' });
    const json = await post('/v1/homes/import', { body: { rows: [{ homeId: 'x', name: 'X', storeId: 'newport-jes', beds: 0, deliveryDays: ['MON'] }] } });
    expect(json.body.errors).toEqual([expect.objectContaining({ path: '/rows/0/beds', message: expect.not.stringMatching(/\(line \d+\)/) })]);
  });

  it('imports 1,000 homes in a bounded number of round trips, and the same file again writes nothing', async () => {
    const rows = Array.from({ length: 1000 }, (_, i) => `bulk-${i},Cartref ${i},newport-jes,${10 + (i % 50)},MON THU,Newport`);
    const file = `homeId,name,storeId,beds,deliveryDays,localAuthority\n${rows.join('\n')}\n`;
    const homesBefore = await homesOf();
    const recorder = recordCommands();
    let response;
    const started = performance.now();
    try {
      response = await post('/v1/homes/import', csv(file));
    } finally {
      recorder.stop();
    }
    // A figure for the README and the bench, not an assertion: wall-clock times are the machine's.
    console.log(`import of 1,000 homes: ${Math.round(performance.now() - started)} ms, ${recorder.commands.length} DynamoDB calls`);
    expect(response.status).toBe(200);
    expect(response.body.created).toHaveLength(1000);
    const calls = recorder.commands.map((c) => c.name);
    // 10 BatchGets of the homes (100 keys each), 1 of the store, 40 BatchWrites of 25: 51 calls.
    expect(calls.filter((c) => c === 'BatchGetCommand')).toHaveLength(11);
    expect(calls.filter((c) => c === 'BatchWriteCommand')).toHaveLength(40);
    expect(calls.length).toBe(51);
    expect(await homesOf()).toBe(homesBefore + 1000);

    const again = recordCommands();
    try {
      expect((await post('/v1/homes/import', csv(file))).body).toMatchObject({ created: [], updated: [], unchanged: 1000, changed: false });
    } finally {
      again.stop();
    }
    expect(again.commands.every((c) => c.name === 'BatchGetCommand')).toBe(true);
    expect(await homesOf()).toBe(homesBefore + 1000);
  }, 120_000);
});
