/**
 * The daily rollup's rules: a store's figures by hand at the thresholds, and as properties: every
 * home in exactly one status; a home red for an item is red overall; a region's figures are the sum
 * of its stores' whichever way the homes are split among them; the trend's periods and bounds.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { PositionRecord } from '../../functions/data/stock-items.ts';
import { defaultStockRules } from '../../functions/domain/stock-rules.ts';
import { compareWorstFirst, storeFigures, sumFigures, type RollupHome } from '../../functions/domain/rollup.ts';
import { isoWeek, periods, trendPoints, trendRangeProblem } from '../../functions/domain/rollup-trend.ts';

const DAY = 86_400_000;
const rules = defaultStockRules;
const asOf = new Date('2026-12-03T07:00:00.000Z');
const ago = (days: number) => new Date(asOf.getTime() - days * DAY).toISOString();

function position(id: string, sku: string, onHand: number, dailyUsage: number, countedDaysAgo: number | null, kind: 'home' | 'store' = 'home', reorderLevel: number | null = null): PositionRecord {
  const countedAt = countedDaysAgo === null ? null : ago(countedDaysAgo);
  return {
    location: { kind, id },
    version: 1,
    state: { sku, onHand, onHandAt: countedAt, countedAt, lastCountOnHand: countedAt === null ? null : onHand, receivedSinceCount: 0, dailyUsage, usageSource: dailyUsage > 0 ? 'declared' : 'none', reorderLevel, targetLevel: null, inbound: 0 },
  };
}

const home = (homeId: string, lastCountedDaysAgo: number | null, positions: PositionRecord[]): RollupHome => ({
  homeId,
  lastCountedAt: lastCountedDaysAgo === null ? null : ago(lastCountedDaysAgo),
  positions,
});

describe('a store’s figures, by hand', () => {
  const figures = storeFigures(
    {
      homes: [
        // red: 2 days of masks (200 / 100); short
        home('h-red', 0, [position('h-red', 'MASK', 200, 100, 0), position('h-red', 'APRON', 1000, 10, 0)]),
        // amber: 6.99 days of masks at asOf; short
        home('h-amber', 1, [position('h-amber', 'MASK', 799, 100, 1)]),
        // amber by its reorder level only: 20 days, not short
        home('h-reorder', 0, [position('h-reorder', 'MASK', 2000, 100, 0, 'home', 2000)]),
        // green: 7.00 days exactly is not short
        home('h-green', 1, [position('h-green', 'MASK', 800, 100, 1)]),
        // silent: counted 4 days ago, unknown
        home('h-silent', 4, [position('h-silent', 'MASK', 5000, 100, 4)]),
        // never counted, no positions: unknown and silent
        home('h-new', null, []),
      ],
      positions: [position('store', 'MASK', 3000, 0, 0, 'store')],
    },
    asOf,
    rules,
  );

  it('counts homes by overall status, short, silent', () => {
    expect(figures.homes).toBe(6);
    expect(figures.status).toEqual({ red: 1, amber: 2, green: 1, unknown: 2 });
    expect(figures.short).toBe(2);
    expect(figures.silent).toBe(2);
    expect(figures.outbreak).toBe(0);
  });

  it('per item: homes by that item’s status, and stock held in days of the homes’ usage', () => {
    const mask = figures.items.find((i) => i.sku === 'MASK')!;
    // usage: 100 × 5 homes with masks; held: 200 + 699 + 2000 + 700 + max(0, 5000 − 400) = 8199
    expect(mask).toEqual({ sku: 'MASK', red: 1, amber: 2, unknown: 1, homesOnHand: 8199, storeOnHand: 3000, dailyUsage: 500, homesDays: 16.4, storeDays: 6 });
    expect(figures.items.map((i) => i.sku)).toEqual(['APRON', 'MASK']);
    expect(figures.items[0]).toMatchObject({ sku: 'APRON', red: 0, amber: 0, homesOnHand: 1000, storeOnHand: 0, homesDays: 100, storeDays: 0 });
  });
});

const arbHome = (id: number) =>
  fc
    .record({
      lastCounted: fc.option(fc.integer({ min: 0, max: 6 }), { freq: 6 }),
      positions: fc.array(
        fc.record({
          sku: fc.constantFrom('MASK', 'APRON', 'GLOVE'),
          onHand: fc.nat({ max: 3000 }),
          usage: fc.nat({ max: 200 }),
          counted: fc.option(fc.integer({ min: 0, max: 6 }), { freq: 6 }),
          reorder: fc.option(fc.nat({ max: 1000 })),
        }),
        { maxLength: 4 },
      ),
    })
    .map(({ lastCounted, positions }) => {
      const unique = [...new Map(positions.map((p) => [p.sku, p])).values()];
      return home(`h${id}`, lastCounted, unique.map((p) => position(`h${id}`, p.sku, p.onHand, p.usage, p.counted, 'home', p.reorder)));
    });
const arbHomes = fc.integer({ min: 0, max: 12 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => arbHome(i))));
const arbStorePositions = fc.array(fc.record({ sku: fc.constantFrom('MASK', 'APRON', 'GLOVE', 'VISOR'), onHand: fc.nat({ max: 50_000 }) }), { maxLength: 4 }).map((list) =>
  [...new Map(list.map((p) => [p.sku, p])).values()].map((p) => position('store', p.sku, p.onHand, 0, 0, 'store')),
);

describe('properties', () => {
  it('every home is in exactly one status; a home red (amber) for an item is red (at least amber) overall', () => {
    fc.assert(
      fc.property(arbHomes, arbStorePositions, (homes, own) => {
        const f = storeFigures({ homes, positions: own }, asOf, rules);
        expect(f.status.red + f.status.amber + f.status.green + f.status.unknown).toBe(homes.length);
        expect(f.homes).toBe(homes.length);
        for (const item of f.items) {
          expect(item.red).toBeLessThanOrEqual(f.status.red);
          expect(item.red + item.amber).toBeLessThanOrEqual(f.status.red + f.status.amber);
          expect(item.red + item.amber + item.unknown).toBeLessThanOrEqual(homes.length);
        }
        expect(f.short).toBeLessThanOrEqual(f.status.red + f.status.amber + f.status.unknown);
      }),
    );
  });

  it('a region is the sum of its stores however the homes are split: the same figures as one store of them all', () => {
    fc.assert(
      fc.property(arbHomes, arbStorePositions, arbStorePositions, fc.nat(), (homes, ownA, ownB, cut) => {
        const at = homes.length === 0 ? 0 : cut % (homes.length + 1);
        const a = storeFigures({ homes: homes.slice(0, at), positions: ownA }, asOf, rules);
        const b = storeFigures({ homes: homes.slice(at), positions: ownB }, asOf, rules);
        const whole = storeFigures({ homes, positions: [...ownA, ...ownB] }, asOf, rules);
        const summed = sumFigures([a, b]);
        expect(summed).toEqual({ ...whole, stores: 2, items: summed.items });
        // Items: the same, except a SKU only the stores hold appears once in each way of counting.
        const bySku = (f: typeof whole) => Object.fromEntries(f.items.map((i) => [i.sku, i]));
        expect(bySku(summed)).toEqual(bySku(whole));
        expect(sumFigures([b, a])).toEqual(summed);
        expect(sumFigures([a])).toEqual(a);
      }),
    );
  });

  it('orders rows worst first: a total order on distinct names', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(5), fc.nat(5), fc.nat(5), fc.nat(5)), { maxLength: 8 }), (list) => {
        const rows = list.map(([red, amber, unknown, silent], i) => ({
          name: `r${i}`,
          figures: { stores: 1, homes: 20, status: { red, amber, green: 0, unknown }, short: 0, silent, outbreak: 0, items: [] },
        }));
        const sorted = [...rows].sort(compareWorstFirst);
        for (let i = 1; i < sorted.length; i++) expect(compareWorstFirst(sorted[i - 1]!, sorted[i]!)).toBeLessThan(0);
      }),
    );
  });
});

describe('the trend', () => {
  it('names ISO weeks, across year ends', () => {
    expect(isoWeek('2026-12-03')).toBe('2026-W49');
    expect(isoWeek('2026-11-30')).toBe('2026-W49'); // a Monday
    expect(isoWeek('2026-11-29')).toBe('2026-W48'); // a Sunday
    expect(isoWeek('2021-01-03')).toBe('2020-W53');
    expect(isoWeek('2024-12-30')).toBe('2025-W01');
    expect(isoWeek('2026-01-01')).toBe('2026-W01');
  });

  it('ISO weeks are seven consecutive days, Monday to Sunday', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 36_000 }), (offset) => {
        const days = periods('2001-01-01', '2001-01-01', 'day');
        expect(days).toEqual(['2001-01-01']);
        const start = new Date(Date.UTC(2001, 0, 1) + offset * DAY).toISOString().slice(0, 10); // a Monday when offset % 7 = 0
        const monday = new Date(Date.UTC(2001, 0, 1) + (offset - (offset % 7)) * DAY).toISOString().slice(0, 10);
        const sunday = new Date(Date.UTC(2001, 0, 1) + (offset - (offset % 7) + 6) * DAY).toISOString().slice(0, 10);
        expect(isoWeek(start)).toBe(isoWeek(monday));
        expect(isoWeek(sunday)).toBe(isoWeek(monday));
        expect(periods(monday, sunday, 'week')).toHaveLength(1);
      }),
    );
  });

  it('bounds a call at 92 days or 53 weeks, and from after to', () => {
    expect(trendRangeProblem('2026-01-01', '2026-04-02', 'day')).toBeNull(); // 92 days
    expect(trendRangeProblem('2026-01-01', '2026-04-03', 'day')).toMatchObject({ field: 'to' });
    expect(trendRangeProblem('2025-12-01', '2026-12-06', 'week')).toBeNull(); // W49 2025 to W49 2026: 53 weeks
    expect(trendRangeProblem('2025-12-01', '2026-12-07', 'week')).toMatchObject({ field: 'to' });
    expect(trendRangeProblem('2026-02-02', '2026-02-01', 'day')).toMatchObject({ field: 'from' });
  });

  it('takes a week’s latest rollup, leaves a period without one empty, and reads one item when asked', () => {
    const figures = (red: number, maskRed: number) => ({ stores: 1, homes: 10, status: { red, amber: 1, green: 8 - red, unknown: 1 }, short: red + 1, silent: 1, outbreak: 0, items: [{ sku: 'MASK', red: maskRed, amber: 0, unknown: 1, homesOnHand: 0, storeOnHand: 0, dailyUsage: 0, homesDays: null, storeDays: null }] });
    const rollups = [
      { date: '2026-11-23', figures: figures(5, 4) },
      { date: '2026-11-29', figures: figures(3, 2) },
      { date: '2026-12-07', figures: figures(1, 0) },
    ];
    const points = trendPoints(rollups, '2026-11-23', '2026-12-13', 'week');
    expect(points.map((p) => [p.period, p.date, p.red])).toEqual([
      ['2026-W48', '2026-11-29', 3],
      ['2026-W49', null, null],
      ['2026-W50', '2026-12-07', 1],
    ]);
    expect(trendPoints(rollups, '2026-11-23', '2026-11-29', 'week', 'MASK')[0]).toMatchObject({ red: 2, amber: 0, unknown: 1, silent: 1 });
    expect(trendPoints(rollups, '2026-11-23', '2026-11-29', 'week', 'GOWN')[0]).toMatchObject({ red: 0, amber: 0, unknown: 0 });
  });
});
