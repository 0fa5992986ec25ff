/**
 * GET /v1/stores/{storeId}/export.csv through the HTTP API against DynamoDB Local: a spreadsheet
 * a commissioner opens as is. Rows add up to what was counted, the CSV parses (with the project's
 * own RFC 4180 parser), another store's homes never appear, and tenancy holds.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../functions/http/csv.ts';
import { dateInZone } from '../../functions/domain/zoned-dates.ts';
import { addDays } from '../../functions/domain/calendar-date.ts';
import { EXPORT_COLUMNS } from '../../functions/stock/store-export.ts';
import { daysAgo, postCount, seedRegistry, testCatalogue } from '../support/stock-fixtures.ts';
import { useTestApi } from '../support/test-api.ts';

const api = useTestApi();
let admin: string;
const today = () => dateInZone(new Date(), 'Europe/London');

/** What was counted, per home and SKU. */
const counts: Record<string, { sku: string; onHand: number; dailyUsage: number }[]> = {
  'red-home': [
    { sku: 'MASK-IIR', onHand: 100, dailyUsage: 50 },
    { sku: 'APRON', onHand: 2000, dailyUsage: 100 },
  ],
  'green-home': [
    { sku: 'MASK-IIR', onHand: 3000, dailyUsage: 100 },
    { sku: 'GLOVE-NITRILE-M', onHand: 9000, dailyUsage: 0 },
  ],
  'other-store-home': [{ sku: 'MASK-IIR', onHand: 7777, dailyUsage: 10 }],
};

beforeAll(async () => {
  admin = await seedRegistry(api(), {
    stores: ['s1', 's2'],
    homes: { 'red-home': 's1', 'green-home': 's1', 'silent-home': 's1', 'other-store-home': 's2' },
  });
  // Names a spreadsheet must not mangle: Welsh letters, a comma and quotes, and one that looks like a formula.
  const rename = (homeId: string, name: string, storeId = 's1') =>
    api().request('PUT', `/v1/homes/${homeId}`, { token: admin, body: { name, storeId, beds: 30, deliveryDays: ['MON'] } });
  expect((await rename('red-home', 'Tŷ Gwyn, "the red one"')).status).toBe(200);
  expect((await rename('green-home', '=HYPERLINK("http://evil.example")')).status).toBe(200);
  for (const [homeId, lines] of Object.entries(counts)) {
    const response = await postCount(api(), admin, `/v1/homes/${homeId}`, daysAgo(0.01), lines);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
  }
});

async function exportOf(storeId: string, query = '', token = admin) {
  return api().request('GET', `/v1/stores/${storeId}/export.csv${query}`, { token });
}

function rowsOf(text: string) {
  const parsed = parseCsv(text);
  expect(parsed.header).toEqual([...EXPORT_COLUMNS]);
  return parsed.rows.map((r) => r.values);
}

describe('the store stock export', () => {
  it('answers a UTF-8 CSV attachment named for the store and date', async () => {
    const response = await exportOf('s1');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="carestock-s1-${today()}.csv"`);
    // The bytes, not fetch's text(), which drops a byte-order mark as it decodes.
    const raw = await fetch(`${api().url}/v1/stores/s1/export.csv`, { headers: { authorization: `Bearer ${admin}` } });
    const bytes = Buffer.from(await raw.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.split('\r\n')[0]).toBe(`\uFEFF${EXPORT_COLUMNS.join(',')}`);
    expect(text).toContain('Tŷ Gwyn');
  });

  it('has one row per home of the store × catalogue item, and nothing of another store', async () => {
    const rows = rowsOf((await exportOf('s1')).body);
    expect(rows).toHaveLength(3 * testCatalogue.length);
    expect(new Set(rows.map((r) => r.homeId))).toEqual(new Set(['red-home', 'green-home', 'silent-home']));
    expect(rows.every((r) => r.storeId === 's1' && r.date === today())).toBe(true);
    const text = (await exportOf('s1')).body as string;
    expect(text).not.toContain('other-store-home');
    expect(text).not.toContain('7777');
    for (const homeId of ['red-home', 'green-home', 'silent-home']) {
      expect(rows.filter((r) => r.homeId === homeId).map((r) => r.sku)).toEqual(testCatalogue.map((i) => i.sku).sort());
    }
  });

  it('adds up: on hand per item is what was counted, and matches each home’s own stock', async () => {
    const rows = rowsOf((await exportOf('s1')).body);
    for (const sku of ['MASK-IIR', 'APRON', 'GLOVE-NITRILE-M']) {
      const exported = rows.filter((r) => r.sku === sku).reduce((sum, r) => sum + Number(r.onHand || 0), 0);
      const counted = ['red-home', 'green-home'].flatMap((h) => counts[h]!).filter((l) => l.sku === sku).reduce((sum, l) => sum + l.onHand, 0);
      expect(exported, sku).toBe(counted);
    }
    for (const homeId of ['red-home', 'green-home']) {
      const stock = (await api().request('GET', `/v1/homes/${homeId}/stock`, { token: admin })).body;
      for (const position of stock.positions) {
        const row = rows.find((r) => r.homeId === homeId && r.sku === position.sku)!;
        expect(row.status).toBe(position.status);
        expect(Number(row.onHand)).toBe(position.onHand);
        expect(Number(row.dailyUsage)).toBe(position.dailyUsage);
        if (position.daysOfSupply === null) expect(row.daysOfSupply).toBe('');
        else expect(Number(row.daysOfSupply)).toBeCloseTo(position.daysOfSupply, 1);
        expect(row.runoutDate).toBe(position.runoutDate ? dateInZone(new Date(position.runoutDate), 'Europe/London') : '');
      }
    }
  });

  it('shows the red home’s driving item as red, and the never-counted home as unknown with empty figures', async () => {
    const rows = rowsOf((await exportOf('s1')).body);
    const mask = rows.find((r) => r.homeId === 'red-home' && r.sku === 'MASK-IIR')!;
    expect(mask).toMatchObject({ status: 'red', onHand: '100', dailyUsage: '50', itemName: 'Type IIR mask', unit: 'mask' });
    expect(Number(mask.daysOfSupply)).toBeLessThan(2);
    expect(mask.runoutDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(mask.lastCounted).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const silent = rows.filter((r) => r.homeId === 'silent-home');
    expect(silent.every((r) => r.status === 'unknown' && r.onHand === '' && r.daysOfSupply === '' && r.runoutDate === '')).toBe(true);
    const noUsage = rows.find((r) => r.homeId === 'green-home' && r.sku === 'GLOVE-NITRILE-M')!;
    expect(noUsage).toMatchObject({ dailyUsage: '0', daysOfSupply: '', runoutDate: '' });
  });

  it('keeps names whole, quoted where needed, and defuses formulas', async () => {
    const rows = rowsOf((await exportOf('s1')).body);
    expect(rows.find((r) => r.homeId === 'red-home')!.homeName).toBe('Tŷ Gwyn, "the red one"');
    expect(rows.find((r) => r.homeId === 'green-home')!.homeName).toBe(`'=HYPERLINK("http://evil.example")`);
  });

  it('projects to the start of a later day, and refuses past or far dates', async () => {
    // Two days on, not one: just before midnight the start of tomorrow is minutes away, and whole units would not move.
    const later = addDays(today(), 2);
    const response = await exportOf('s1', `?date=${later}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toContain(`carestock-s1-${later}.csv`);
    const projected = rowsOf(response.body).find((r) => r.homeId === 'green-home' && r.sku === 'MASK-IIR')!;
    const now = rowsOf((await exportOf('s1')).body).find((r) => r.homeId === 'green-home' && r.sku === 'MASK-IIR')!;
    expect(Number(projected.projectedOnHand)).toBeLessThan(Number(now.projectedOnHand));
    expect(projected.date).toBe(later);
    for (const bad of [addDays(today(), -1), addDays(today(), 29), 'tomorrow', '2026-02-30']) {
      const refused = await exportOf('s1', `?date=${bad}`);
      expect(refused.status, bad).toBe(400);
      expect(refused.body.errors[0]).toMatchObject({ in: 'query', path: expect.stringContaining('date') });
    }
  });

  it('is the store’s and an admin’s only: another store or a home gets 403 and no CSV', async () => {
    for (const org of ['store:s2', 'home:red-home', 'home:other-store-home']) {
      const response = await exportOf('s1', '', await api().token(org));
      expect(response.status, org).toBe(403);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
      expect(JSON.stringify(response.body)).not.toContain('MASK-IIR');
    }
    expect((await exportOf('s1', '', await api().token('store:s1'))).status).toBe(200);
    expect((await exportOf('s2', '', await api().token('store:s2'))).status).toBe(200);
  });

  it('answers 404 for a store that does not exist', async () => {
    const response = await exportOf('no-such-store');
    expect(response.status).toBe(404);
  });
});
