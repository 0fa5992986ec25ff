/**
 * Recounts through the API: a low miscount followed by an upward recount that says what it
 * corrects. The miscount's usage observation is withdrawn and the estimate recomputed from the
 * history as if it had not happened; the history shows both; bad corrections are 400, nothing written.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { DAY_MS, postCount, seedRegistry } from '../support/stock-fixtures.ts';
import { useTestApi } from '../support/test-api.ts';

const api = useTestApi();
let admin: string;
const T = Math.floor(Date.now() / 1000) * 1000 - 60_000;
const at = (days: number, hours = 0) => new Date(T - days * DAY_MS + hours * 3_600_000).toISOString();

async function count(homeId: string, countedAt: string, line: Record<string, unknown>) {
  const response = await postCount(api(), admin, `/v1/homes/${homeId}`, countedAt, [line]);
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body;
}

beforeAll(async () => {
  admin = await seedRegistry(api(), { stores: ['s1'], homes: { 'h-recount': 's1', 'h-plain': 's1', 'h-bad': 's1' } });
}, 60_000);

describe('a recount corrects the latest count', () => {
  it('withdraws the miscount’s usage: the estimate is what it would have been without it, and the history shows both', async () => {
    for (const homeId of ['h-recount', 'h-plain']) {
      await count(homeId, at(3), { sku: 'MASK-IIR', onHand: 1000, dailyUsage: 100 });
      await count(homeId, at(2), { sku: 'MASK-IIR', onHand: 900 }); // 100 a day observed
    }
    const miscount = await count('h-recount', at(1), { sku: 'MASK-IIR', onHand: 500 }); // 400 a day "observed"
    expect(miscount.positions[0].dailyUsage).toBe(190); // 0.3 × 400 + 0.7 × 100
    const countId = miscount.lines[0].countId;
    expect(countId).toMatch(/^count-[0-9a-f]{20}$/);

    const recount = await count('h-recount', at(1, 1), { sku: 'MASK-IIR', onHand: 800, corrects: countId });
    // From the count before the miscount: (900 − 800) ÷ (1 day 1 hour) = 96 a day; 0.3 × 96 + 0.7 × 100 = 98.8.
    expect(recount.lines[0]).toMatchObject({ applied: true, adjustment: 0, observedUsage: 96 });
    expect(recount.positions[0]).toMatchObject({ onHand: 800, dailyUsage: 98.8 });

    // Without the recount's `corrects`, the same figures keep the miscount's usage and call the rise a receipt.
    await count('h-plain', at(1), { sku: 'MASK-IIR', onHand: 500 });
    const plain = await count('h-plain', at(1, 1), { sku: 'MASK-IIR', onHand: 800 });
    expect(plain.lines[0]).toMatchObject({ adjustment: 300, observedUsage: null });
    expect(plain.positions[0].dailyUsage).toBe(190);

    const history = await api().request('GET', '/v1/homes/h-recount/stock/MASK-IIR/history', { token: admin });
    const counts = history.body.items.filter((e: any) => e.kind === 'count');
    expect(counts.map((e: any) => [e.onHand, e.corrects ?? null, e.correctedBy ?? null])).toEqual([
      [800, countId, null],
      [500, null, recount.lines[0].countId],
      [900, null, null],
      [1000, null, null],
    ]);
  });

  it('refuses a correction of anything but the latest applied count, and writes nothing', async () => {
    await count('h-bad', at(2), { sku: 'GOWN-FR', onHand: 100, dailyUsage: 10 });
    const first = (await api().request('GET', '/v1/homes/h-bad/stock/GOWN-FR/history', { token: admin })).body.items[0].eventId;
    await count('h-bad', at(1), { sku: 'GOWN-FR', onHand: 90 });
    const cases: [string, Record<string, unknown>][] = [
      ['an older count', { sku: 'GOWN-FR', onHand: 95, corrects: first }],
      ['a count of nothing', { sku: 'GOWN-FR', onHand: 95, corrects: 'count-00000000000000000000' }],
      ['a position never counted', { sku: 'VISOR', onHand: 5, corrects: first }],
      ['not a countId', { sku: 'GOWN-FR', onHand: 95, corrects: 'yesterday' }],
    ];
    for (const [what, line] of cases) {
      const before = await api().tableItems();
      const response = await postCount(api(), admin, '/v1/homes/h-bad', at(0), [line]);
      expect(response.status, what).toBe(400);
      expect(response.body.errors[0], what).toMatchObject({ in: 'body', path: '/lines/0/corrects' });
      expect(await api().tableItems(), what).toEqual(before);
    }
  });
});
