/**
 * The shortfall rules at their thresholds, and the claim the job's index queries rest on: the key
 * ranges it asks DynamoDB for (`GSI2SK < bound`, compared as strings) select exactly the positions
 * and homes the rules flag, so the index narrows without losing anyone.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { keys } from '../../functions/data/keys.ts';
import type { PositionRecord } from '../../functions/data/stock-items.ts';
import { positionStatus, type PositionState } from '../../functions/domain/stock-position.ts';
import { atRiskBound, riskFrom } from '../../functions/domain/at-risk.ts';
import { defaultStockRules } from '../../functions/domain/stock-rules.ts';
import {
  attributedHomes,
  isShort,
  isSilent,
  shortItemsByHome,
  shortfallDate,
  shortfallRecords,
  staleBefore,
} from '../../functions/domain/assess-shortfalls.ts';
import { scheduledAsOf } from '../../functions/scheduled/scheduled-event.ts';

const DAY = 86_400_000;
const rules = defaultStockRules;
const asOf = new Date('2026-03-10T07:00:00.000Z');
const ago = (days: number) => new Date(asOf.getTime() - days * DAY).toISOString();

function position(homeId: string, sku: string, onHand: number, dailyUsage: number, countedDaysAgo: number | null, kind: 'home' | 'store' = 'home'): PositionRecord {
  const countedAt = countedDaysAgo === null ? null : ago(countedDaysAgo);
  return {
    location: { kind, id: homeId },
    version: 1,
    state: {
      sku,
      onHand,
      onHandAt: countedAt,
      countedAt,
      lastCountOnHand: countedAt === null ? null : onHand,
      receivedSinceCount: 0,
      dailyUsage,
      usageSource: dailyUsage > 0 ? 'declared' : 'none',
      reorderLevel: null,
      targetLevel: null,
      inbound: 0,
    },
  };
}

describe('short: strictly under seven days of projected supply at asOf', () => {
  it('6.99 days is short; 7.00 and 7.01 are not', () => {
    // Counted a day before asOf: 799 / 100 = 7.99 days at the count, 6.99 at asOf.
    expect(isShort(position('h', 'MASK', 799, 100, 1), asOf, rules)).toBe(true);
    expect(isShort(position('h', 'MASK', 800, 100, 1), asOf, rules)).toBe(false);
    expect(isShort(position('h', 'MASK', 801, 100, 1), asOf, rules)).toBe(false);
  });

  it('usage 0 is never short, not even with nothing left; never counted is not short', () => {
    expect(isShort(position('h', 'MASK', 0, 0, 1), asOf, rules)).toBe(false);
    expect(isShort(position('h', 'MASK', 5, 0, 10), asOf, rules)).toBe(false);
    expect(isShort(position('h', 'MASK', 0, 10, null), asOf, rules)).toBe(false);
  });

  it('ran out before asOf: 0 days, short', () => {
    expect(isShort(position('h', 'MASK', 100, 100, 2), asOf, rules)).toBe(true);
  });
});

describe('silent: never counted, or newest count older than staleAfterDays', () => {
  it('a count exactly at the limit still counts; a millisecond older does not', () => {
    expect(isSilent(ago(3), asOf, rules)).toBe(false);
    expect(isSilent(new Date(asOf.getTime() - 3 * DAY - 1).toISOString(), asOf, rules)).toBe(true);
    expect(isSilent(null, asOf, rules)).toBe(true);
  });
});

describe('the index bounds select everything the rules flag', () => {
  const arbState = fc
    .record({
      onHand: fc.nat({ max: 50_000 }),
      dailyUsage: fc.oneof(fc.constant(0), fc.double({ min: 0.01, max: 2000, noNaN: true }), fc.integer({ min: 1, max: 500 })),
      countedMsAgo: fc.integer({ min: 0, max: 30 * DAY }),
    })
    .map(({ onHand, dailyUsage, countedMsAgo }): PositionState => position('h', 'GOWN', onHand, dailyUsage, countedMsAgo / DAY).state);

  it('at-risk index: every position the rule flags at asOf has GSI2SK < the bound (the index never misses one)', () => {
    fc.assert(
      fc.property(arbState, (state) => {
        const selected = keys.atRiskIndex({ kind: 'home', id: 'h' }, state.sku, riskFrom(state, rules)).GSI2SK < atRiskBound(asOf);
        if (positionStatus(state, asOf, rules) !== 'green') expect(selected).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('last-count index: GSI2SK < staleBefore ⇔ silent, including never counted and exactly at the limit', () => {
    const arbLastCount = fc.option(fc.integer({ min: -1000, max: 10 * DAY }).map((msAgo) => new Date(asOf.getTime() - msAgo).toISOString()));
    fc.assert(
      fc.property(arbLastCount, fc.constantFrom(0, 1), (lastCountedAt, edge) => {
        const at = edge === 1 && lastCountedAt !== null ? staleBefore(asOf, rules) : lastCountedAt;
        const selected = keys.lastCountIndex('home-1', at).GSI2SK < staleBefore(asOf, rules);
        expect(selected).toBe(isSilent(at, asOf, rules));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('records', () => {
  it('one per flagged home, only the short items, worst first; store positions and healthy items left out', () => {
    const positions = [
      position('h1', 'APRON', 500, 100, 1), // 4 days: amber
      position('h1', 'MASK', 150, 100, 1), // 0.5 days: red
      position('h1', 'GLOVE', 5000, 100, 1), // 49 days: not short (the index would not return it; the rules drop it anyway)
      position('jes', 'MASK', 10, 100, 1, 'store'), // a store's own stock: not a home
      position('h2', 'VISOR', 799, 100, 1),
    ];
    const short = shortItemsByHome(positions, asOf, rules, new Map([['MASK', 50]]));
    expect([...short.keys()].sort()).toEqual(['h1', 'h2']);
    expect(short.get('h1')!.map((i) => [i.sku, i.status, i.daysOfSupply])).toEqual([
      ['MASK', 'red', 0.5],
      ['APRON', 'amber', 4],
    ]);
    // target = 14 days × 100 = 1400; projected 50; rounded up to packs of 50.
    expect(short.get('h1')![0]!.suggestedOrder).toBe(1350);

    const homes = new Map([
      ['h1', { homeId: 'h1', storeId: 's2' }],
      ['h2', { homeId: 'h2', storeId: 's1' }],
      ['h3', { homeId: 'h3', storeId: 's1' }],
    ]);
    const records = shortfallRecords('2026-03-10', short, new Set(['h3', 'h1', 'gone']), homes);
    expect(records.map((r) => [r.storeId, r.homeId, r.reasons])).toEqual([
      ['s1', 'h2', ['short']],
      ['s1', 'h3', ['silent']],
      ['s2', 'h1', ['short', 'silent']],
    ]);
    expect(records.find((r) => r.homeId === 'h3')!.items).toEqual([]);
  });

  it('dates are the asOf’s date in Europe/London, across the clock change', () => {
    expect(shortfallDate(new Date('2026-03-10T07:00:00Z'))).toBe('2026-03-10');
    expect(shortfallDate(new Date('2026-06-30T23:30:00Z'))).toBe('2026-07-01'); // 00:30 BST
    expect(shortfallDate(new Date('2026-12-31T23:30:00Z'))).toBe('2026-12-31'); // GMT
  });
});

describe('homes attributed by their positions', () => {
  const attributed = (p: PositionRecord, storeId: string, homeName = `Home ${p.location.id}`): PositionRecord => ({ ...p, attribution: { storeId, homeName } });

  it('a home whose positions all carry the same store and name is attributed; store positions are not homes', () => {
    const homes = attributedHomes([
      attributed(position('h1', 'MASK', 150, 100, 1), 's1'),
      attributed(position('h1', 'APRON', 500, 100, 1), 's1'),
      attributed(position('h2', 'MASK', 150, 100, 1), 's2', 'Tŷ Newydd'),
      attributed(position('jes', 'MASK', 10, 100, 1, 'store'), 's9'),
    ]);
    expect(Object.fromEntries(homes)).toEqual({
      h1: { homeId: 'h1', storeId: 's1', name: 'Home h1' },
      h2: { homeId: 'h2', storeId: 's2', name: 'Tŷ Newydd' },
    });
  });

  it('a home with any unattributed position, or positions that disagree (moved, part-recounted), is left to its profile', () => {
    const homes = attributedHomes([
      attributed(position('old', 'MASK', 150, 100, 1), 's1'),
      position('old', 'APRON', 500, 100, 1), // written before attribution began
      position('older', 'MASK', 150, 100, 1),
      attributed(position('older', 'APRON', 500, 100, 1), 's1'),
      attributed(position('moved', 'MASK', 150, 100, 1), 's1'),
      attributed(position('moved', 'APRON', 500, 100, 1), 's2'),
      attributed(position('moved', 'GLOVE', 500, 100, 1), 's2'),
      attributed(position('renamed', 'MASK', 150, 100, 1), 's1', 'Old name'),
      attributed(position('renamed', 'APRON', 500, 100, 1), 's1', 'New name'),
      attributed(position('fine', 'MASK', 150, 100, 1), 's3'),
    ]);
    expect([...homes.keys()]).toEqual(['fine']);
  });
});

describe('scheduled events', () => {
  const now = new Date('2026-03-10T07:00:05.000Z');
  it('asOf from detail.asOf, else the scheduled time, else now; a malformed instant fails the run', () => {
    expect(scheduledAsOf({ detail: { asOf: '2026-03-09T07:00:00Z' } }, now).toISOString()).toBe('2026-03-09T07:00:00.000Z');
    expect(scheduledAsOf({ detail: { scheduledTime: '2026-03-10T07:00:00Z' } }, now).toISOString()).toBe('2026-03-10T07:00:00.000Z');
    expect(scheduledAsOf({ source: 'carestock.local-scheduler', detail: {} }, now)).toBe(now);
    expect(scheduledAsOf(undefined, now)).toBe(now);
    expect(() => scheduledAsOf({ detail: { asOf: 'yesterday' } }, now)).toThrow(/ISO 8601/);
  });
});
