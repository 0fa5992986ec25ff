/**
 * Declared outbreaks through the API, against DynamoDB Local: the forecast moves the moment an
 * outbreak is declared (status at once, the next shortfall job), ending it returns the forecast to
 * the estimate, the history keeps both, a count during the outbreak does not add the surge twice,
 * per-case rates, tenancy and bad input (4xx problem+json, the table read back unchanged).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { DAY_MS, postCount, seedRegistry } from '../support/stock-fixtures.ts';
import { useTestApi } from '../support/test-api.ts';

const api = useTestApi();
let admin: string;
const T = Math.floor(Date.now() / 1000) * 1000 - 60_000;
const at = (daysBefore: number) => new Date(T - daysBefore * DAY_MS).toISOString();
const today = new Date(T).toISOString().slice(0, 10);

const stockOf = async (homeId: string, token = admin) => {
  const response = await api().request('GET', `/v1/homes/${homeId}/stock`, { token });
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return Object.fromEntries(response.body.positions.map((p: any) => [p.sku, p]));
};

beforeAll(async () => {
  admin = await seedRegistry(api(), { stores: ['sa', 'sb'], homes: { 'h-ten': 'sa', 'h-other': 'sb', 'h-bad': 'sa', 'h-count': 'sa' } });
  for (const [sku, rate] of [['GOWN-FR', 1.75], ['MASK-FFP3', 1.27]] as const) {
    const response = await api().request('PUT', `/v1/items/${sku}/per-case-usage`, { token: admin, body: { perCaseDailyUsage: rate } });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(response.body).toMatchObject({ sku, perCaseDailyUsage: rate });
  }
  // 10 days of gowns at 10 a day; aprons have no per-case rate.
  const count = await postCount(api(), admin, '/v1/homes/h-ten', at(0), [{ sku: 'GOWN-FR', onHand: 100, dailyUsage: 10 }, { sku: 'APRON', onHand: 1000, dailyUsage: 10 }]);
  expect(count.status, JSON.stringify(count.body)).toBe(200);
  const bad = await postCount(api(), admin, '/v1/homes/h-bad', at(0), [{ sku: 'GOWN-FR', onHand: 100, dailyUsage: 10 }]);
  expect(bad.status).toBe(200);
}, 60_000);

describe('declaring an outbreak moves the forecast at once', () => {
  it('a home at 10 days with a surge that brings it under 7 is amber at once and flagged by the next job run; ending it returns to the estimate', async () => {
    const before = await stockOf('h-ten');
    expect(before['GOWN-FR']).toMatchObject({ status: 'green', daysOfSupply: 10, usageBasis: 'estimate', forecastUsage: 10 });

    const home = await api().token('home:h-ten');
    const declared = await api().request('PUT', '/v1/homes/h-ten/outbreak', { token: home, body: { isolatingResidents: 4, startedOn: today, note: 'east wing' } });
    expect(declared.status, JSON.stringify(declared.body)).toBe(200);
    expect(declared.body).toMatchObject({ homeId: 'h-ten', status: 'open', isolatingResidents: 4, startedOn: today, expectedEndOn: null, note: 'east wing', declaredBy: 'home:h-ten', endedAt: null });
    expect(declared.body.items).toEqual(expect.arrayContaining([{ sku: 'GOWN-FR', baselineUsage: 10, surgeUsage: 7 }, { sku: 'APRON', baselineUsage: 10, surgeUsage: 0 }]));

    // 10 + 4 × 1.75 = 17 a day: 100 / 17 = 5.88 days, amber, at once.
    const during = await stockOf('h-ten');
    expect(during['GOWN-FR']).toMatchObject({ status: 'amber', daysOfSupply: 5.88, dailyUsage: 10, forecastUsage: 17, usageBasis: 'outbreak' });
    expect(during['GOWN-FR'].suggestedOrder).toBeGreaterThan(0);
    expect(during.APRON).toMatchObject({ status: 'green', usageBasis: 'estimate', forecastUsage: 10 });

    const worklist = await api().request('GET', '/v1/stores/sa/homes', { token: await api().token('store:sa') });
    expect(worklist.body.items.find((h: any) => h.homeId === 'h-ten')).toMatchObject({ status: 'amber', outbreak: { isolatingResidents: 4, startedOn: today, expectedEndOn: null } });

    const job = await api().request('POST', '/v1/jobs/shortfall-scan', { token: admin, body: {} });
    expect(job.status, JSON.stringify(job.body)).toBe(200);
    const records = await api().request('GET', '/v1/stores/sa/shortfalls', { token: admin });
    const record = records.body.items.find((r: any) => r.homeId === 'h-ten');
    expect(record).toMatchObject({ reasons: ['short', 'outbreak'], items: [{ sku: 'GOWN-FR', reason: 'short', status: 'amber', usageBasis: 'outbreak' }] });

    const ended = await api().request('DELETE', '/v1/homes/h-ten/outbreak', { token: await api().token('store:sa') });
    expect(ended.status, JSON.stringify(ended.body)).toBe(200);
    expect(ended.body).toMatchObject({ status: 'ended', endedBy: 'store:sa', outbreakId: declared.body.outbreakId });
    const after = await stockOf('h-ten');
    expect(after['GOWN-FR']).toMatchObject({ status: 'green', usageBasis: 'estimate', forecastUsage: 10 });
    expect((await api().request('DELETE', '/v1/homes/h-ten/outbreak', { token: admin })).status).toBe(404);

    const history = await api().request('GET', '/v1/homes/h-ten/outbreaks', { token: home });
    expect(history.status).toBe(200);
    expect(history.body.items.map((o: any) => [o.outbreakId, o.status])).toEqual([[declared.body.outbreakId, 'ended']]);
  });

  it('a count during the outbreak does not add the surge twice; an item counted for the first time gets the surge too', async () => {
    const first = await postCount(api(), admin, '/v1/homes/h-count', at(4), [{ sku: 'MASK-FFP3', onHand: 400, dailyUsage: 10 }]);
    expect(first.status).toBe(200);
    const declared = await api().request('PUT', '/v1/homes/h-count/outbreak', { token: admin, body: { isolatingResidents: 10, startedOn: today, expectedEndOn: today } });
    expect(declared.status, JSON.stringify(declared.body)).toBe(200);
    // 10 + 10 × 1.27 = 22.7 a day, declared; the counts show 40 a day (the surge and more): the estimate rises and takes over.
    for (const [days, onHand] of [[3, 360], [2, 320], [1, 280], [0, 240]] as const) {
      const response = await postCount(api(), admin, '/v1/homes/h-count', at(days), [{ sku: 'MASK-FFP3', onHand }]);
      expect(response.status, JSON.stringify(response.body)).toBe(200);
    }
    const position = (await stockOf('h-count'))['MASK-FFP3'];
    expect(position.dailyUsage).toBeGreaterThan(22.7);
    expect(position).toMatchObject({ usageBasis: 'estimate' });
    expect(position.forecastUsage).toBe(position.dailyUsage); // max(estimate, 10 + 12.7), never estimate + 12.7
    const gown = await postCount(api(), admin, '/v1/homes/h-count', at(0), [{ sku: 'GOWN-FR', onHand: 100, dailyUsage: 5 }]);
    expect(gown.body.positions[0]).toMatchObject({ forecastUsage: 22.5, usageBasis: 'outbreak' }); // 5 + 10 × 1.75
    // Changing the open outbreak keeps its usage before it.
    const changed = await api().request('PUT', '/v1/homes/h-count/outbreak', { token: admin, body: { isolatingResidents: 2, startedOn: today } });
    expect(changed.body.outbreakId).toBe(declared.body.outbreakId);
    expect(changed.body.items).toEqual(expect.arrayContaining([{ sku: 'MASK-FFP3', baselineUsage: 10, surgeUsage: 2.54 }]));
  });

  it('a new per-case rate survives a PUT of the item', async () => {
    const put = await api().request('PUT', '/v1/items/GOWN-FR', { token: admin, body: { name: 'Gown', unit: 'gown', packSize: 10 } });
    expect(put.body).toMatchObject({ sku: 'GOWN-FR', perCaseDailyUsage: 1.75 });
    const cleared = await api().request('PUT', '/v1/items/APRON/per-case-usage', { token: admin, body: { perCaseDailyUsage: null } });
    expect(cleared.status).toBe(200);
    expect(cleared.body).not.toHaveProperty('perCaseDailyUsage');
  });
});

describe('bad input and tenancy: 4xx problem+json, nothing written', () => {
  const cases: [string, string, string, unknown, number][] = [
    ['negative residents', 'PUT', '/v1/homes/h-bad/outbreak', { isolatingResidents: -1, startedOn: '2026-03-01' }, 400],
    ['fractional residents', 'PUT', '/v1/homes/h-bad/outbreak', { isolatingResidents: 2.5, startedOn: '2026-03-01' }, 400],
    ['no residents', 'PUT', '/v1/homes/h-bad/outbreak', { isolatingResidents: 0, startedOn: '2026-03-01' }, 400],
    ['an end before the start', 'PUT', '/v1/homes/h-bad/outbreak', { isolatingResidents: 3, startedOn: '2026-03-10', expectedEndOn: '2026-03-09' }, 400],
    ['a date outside 2000–2100', 'PUT', '/v1/homes/h-bad/outbreak', { isolatingResidents: 3, startedOn: '1999-12-31' }, 400],
    ['an unknown field', 'PUT', '/v1/homes/h-bad/outbreak', { isolatingResidents: 3, startedOn: '2026-03-10', cases: 3 }, 400],
    ['an unknown home', 'PUT', '/v1/homes/nobody/outbreak', { isolatingResidents: 3, startedOn: '2026-03-10' }, 404],
    ['a per-case usage on an unknown SKU', 'PUT', '/v1/items/NO-SUCH-SKU/per-case-usage', { perCaseDailyUsage: 1 }, 404],
    ['a negative per-case usage', 'PUT', '/v1/items/GOWN-FR/per-case-usage', { perCaseDailyUsage: -1 }, 400],
    ['ending with none open', 'DELETE', '/v1/homes/h-bad/outbreak', undefined, 404],
  ];
  it.each(cases)('%s', async (_, method, path, body, status) => {
    const before = await api().tableItems();
    const response = await api().request(method as 'PUT', path, { token: admin, body });
    expect(response.status, JSON.stringify(response.body)).toBe(status);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    if (status === 400 && path.includes('outbreak') && method === 'PUT' && (body as any).expectedEndOn) {
      expect(response.body.errors[0]).toMatchObject({ in: 'body', path: '/expectedEndOn' });
    }
    expect(await api().tableItems()).toEqual(before);
  });

  it("another store's home, another home, and a store's staff on the catalogue are refused with 403", async () => {
    const before = await api().tableItems();
    const body = { isolatingResidents: 3, startedOn: '2026-03-10' };
    expect((await api().request('PUT', '/v1/homes/h-other/outbreak', { token: await api().token('store:sa'), body })).status).toBe(403);
    expect((await api().request('PUT', '/v1/homes/h-other/outbreak', { token: await api().token('home:h-bad'), body })).status).toBe(403);
    expect((await api().request('GET', '/v1/homes/h-other/outbreaks', { token: await api().token('store:sa') })).status).toBe(403);
    expect((await api().request('PUT', '/v1/items/GOWN-FR/per-case-usage', { token: await api().token('store:sa'), body: { perCaseDailyUsage: 3 } })).status).toBe(403);
    expect(await api().tableItems()).toEqual(before);
  });
});
