/**
 * The trend over four simulated weeks equals a count the test makes from the counts it wrote.
 *
 * Five homes of one store (in one region), one item, 100 units a day each. For 28 days, oldest
 * first, the test posts each day's counts at noon (UTC) and runs the job as of that noon, as the
 * scheduler would have. Each home follows a script of days of supply at its counts (`k + 0.5` days,
 * away from every threshold; falling exactly 100 units a day, or refilled, so usage stays 100): a
 * home cycling from green to red, the same half a cycle later, one always green, one that stops
 * counting for a week (silent), one always red. The test works out each home's status each day
 * from its own script (red under 3 days, amber under 7, unknown and silent when the last count is
 * more than 3 days old), counts them, and compares every day and every ISO week with the API's.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../functions/domain/calendar-date.ts';
import { isoWeek } from '../../functions/domain/rollup-trend.ts';
import { postCount, seedRegistry } from '../support/stock-fixtures.ts';
import { useTestApi } from '../support/test-api.ts';

const api = useTestApi();
const DAYS = 28;
const USAGE = 100;
const SKU = 'MASK-IIR';

/** Days of supply (whole part) at each day's count, or null: no count that day. */
const scripts: Record<string, (d: number) => number | null> = {
  cycling: (d) => 10 - (d % 10),
  'cycling-later': (d) => 10 - ((d + 4) % 10),
  'always-green': (d) => 20 - (d % 5),
  'goes-silent': (d) => (d <= 10 ? 30 - d : d <= 17 ? null : 40 - (d - 18)),
  'always-red': (d) => 2 - (d % 2),
};

const todayUtc = new Date().toISOString().slice(0, 10);
const firstDate = addDays(todayUtc, -DAYS);
const dateOf = (d: number) => addDays(firstDate, d);
const noonOf = (d: number) => `${dateOf(d)}T12:00:00.000Z`;

type Expected = { red: number; amber: number; unknown: number; silent: number };

/** The test's own reading of its scripts: each home's status on day d, counted. */
function expectedOn(d: number): Expected {
  const tally: Expected = { red: 0, amber: 0, unknown: 0, silent: 0 };
  for (const script of Object.values(scripts)) {
    let last = d;
    while (last >= 0 && script(last) === null) last--;
    const daysSince = d - last;
    if (daysSince > 3) {
      tally.unknown++;
      tally.silent++;
      continue;
    }
    const supply = script(last)! + 0.5 - daysSince;
    if (supply < 3) tally.red++;
    else if (supply < 7) tally.amber++;
  }
  return tally;
}

let admin: string;
beforeAll(async () => {
  admin = await seedRegistry(api(), { stores: [], homes: {} });
  const put = (path: string, body: unknown) => api().request('PUT', path, { token: admin, body });
  await put('/v1/regions/trend-region', { name: 'Trend region' });
  await put('/v1/stores/trend-store', { name: 'Trend store', capacityPerDay: 3, regionId: 'trend-region' });
  for (const homeId of Object.keys(scripts)) await put(`/v1/homes/${homeId}`, { name: homeId, storeId: 'trend-store', beds: 20, deliveryDays: ['MON'] });
  for (let d = 0; d < DAYS; d++) {
    for (const [homeId, script] of Object.entries(scripts)) {
      const k = script(d);
      if (k === null) continue;
      const posted = await postCount(api(), admin, `/v1/homes/${homeId}`, noonOf(d), [{ sku: SKU, onHand: USAGE * k + USAGE / 2, dailyUsage: USAGE }]);
      expect(posted.status, JSON.stringify(posted.body)).toBe(200);
    }
    const run = await api().request('POST', '/v1/jobs/shortfall-scan', { token: admin, body: { asOf: noonOf(d) } });
    expect(run.status, JSON.stringify(run.body)).toBe(200);
  }
}, 300_000);

const pick = (p: { red: number; amber: number; unknown: number; silent: number }) => ({ red: p.red, amber: p.amber, unknown: p.unknown, silent: p.silent });

describe('the trend over four simulated weeks', () => {
  it('by day equals the test’s own count, for the nation, the region and the one item', async () => {
    const from = dateOf(0);
    const to = dateOf(DAYS - 1);
    const expected = Array.from({ length: DAYS }, (_, d) => ({ period: dateOf(d), date: dateOf(d), ...expectedOn(d) }));
    // The scenario moves: every status occurs.
    expect(expected.some((e) => e.red > 1 && e.amber > 0) && expected.some((e) => e.silent > 0)).toBe(true);
    for (const query of ['', '&regionId=trend-region', `&sku=${SKU}`]) {
      const trend = await api().request('GET', `/v1/overview/trend?from=${from}&to=${to}&interval=day${query}`, { token: admin });
      expect(trend.status).toBe(200);
      expect(trend.body.points.map((p: any) => ({ period: p.period, date: p.date, ...pick(p) })), query).toEqual(expected);
    }
  });

  it('by ISO week shows each week’s latest day, equal to the test’s count of that day', async () => {
    const from = dateOf(0);
    const to = dateOf(DAYS - 1);
    const latestOfWeek = new Map<string, number>();
    for (let d = 0; d < DAYS; d++) latestOfWeek.set(isoWeek(dateOf(d)), d);
    const expected = [...latestOfWeek].map(([period, d]) => ({ period, date: dateOf(d), ...expectedOn(d) }));
    const trend = await api().request('GET', `/v1/overview/trend?from=${from}&to=${to}&interval=week&regionId=trend-region`, { token: await api().token('region:trend-region') });
    expect(trend.status).toBe(200);
    expect(trend.body.points.map((p: any) => ({ period: p.period, date: p.date, ...pick(p) }))).toEqual(expected);
    expect(expected.length).toBeGreaterThanOrEqual(4);
  });

  it('leaves days without a rollup empty, and refuses ranges past its bounds with 400 naming the field', async () => {
    const trend = await api().request('GET', `/v1/overview/trend?from=${addDays(firstDate, -3)}&to=${dateOf(0)}&interval=day`, { token: admin });
    expect(trend.body.points.slice(0, 3).map((p: { date: string | null; red: number | null }) => [p.date, p.red])).toEqual([[null, null], [null, null], [null, null]]);
    const tooLong = await api().request('GET', '/v1/overview/trend?from=2026-01-01&to=2026-04-03&interval=day', { token: admin });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.errors).toEqual([expect.objectContaining({ in: 'query', path: '/to' })]);
    const tooManyWeeks = await api().request('GET', '/v1/overview/trend?from=2025-01-01&to=2026-12-31&interval=week', { token: admin });
    expect(tooManyWeeks.status).toBe(400);
    const backwards = await api().request('GET', '/v1/overview/trend?from=2026-03-02&to=2026-03-01', { token: admin });
    expect(backwards.body.errors).toEqual([expect.objectContaining({ in: 'query', path: '/from' })]);
    const badInterval = await api().request('GET', '/v1/overview/trend?interval=month', { token: admin });
    expect(badInterval.status).toBe(400);
  });

  it('compares a week with the one before', async () => {
    const overview = await api().request('GET', `/v1/regions/trend-region/overview?date=${dateOf(DAYS - 1)}`, { token: admin });
    expect(overview.body.weekBefore).toMatchObject({ date: dateOf(DAYS - 8), status: { red: expectedOn(DAYS - 8).red, amber: expectedOn(DAYS - 8).amber } });
  });
});
