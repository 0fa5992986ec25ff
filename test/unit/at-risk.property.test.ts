/**
 * One truth for "at risk": every position that status (and so the stock view, the worklist, the
 * export and the page, which all print the API's status) shows red, amber or unknown is flagged by
 * that day's job, with the rule's reason; none shown green is. The job here is what it runs: the
 * at-risk index's key range (`GSI2SK < atRiskBound(asOf)`), then `flaggedItemsByHome` and
 * `shortfallRecords`, over positions generated at the thresholds: 6.95 / 7.05 days, 2.99 / 3.00,
 * zero on hand, zero usage, never counted, stale by one millisecond (and exactly at the limit),
 * at / above the reorder level, with and without an open outbreak.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { keys } from '../../functions/data/keys.ts';
import type { PositionRecord } from '../../functions/data/stock-items.ts';
import { atRiskBound, riskFrom } from '../../functions/domain/at-risk.ts';
import { flaggedItemsByHome, shortfallRecords } from '../../functions/domain/assess-shortfalls.ts';
import { roundRate } from '../../functions/domain/rates.ts';
import { viewPosition, type PositionState } from '../../functions/domain/stock-position.ts';
import { defaultStockRules } from '../../functions/domain/stock-rules.ts';

const DAY = 86_400_000;
const rules = defaultStockRules;
const asOf = new Date('2026-03-10T07:00:00.000Z');

/** Days of supply at asOf the generator aims at: the thresholds and their neighbours. */
const arbDays = fc.constantFrom(0, 0.5, 2.99, 3, 3.01, 6.95, 6.99, 7, 7.05, 10, 40);
/** How long before asOf the count was: fresh, exactly at the staleness limit, a millisecond past it, long ago. */
const arbCountedMsAgo = fc.oneof(
  fc.constantFrom(0, 1, 0.5 * DAY, 1 * DAY, 3 * DAY - 1, 3 * DAY, 3 * DAY + 1, 10 * DAY),
  fc.integer({ min: 0, max: 5 * DAY }),
);

const arbPosition = fc
  .record({
    kind: fc.constantFrom('days', 'zero-on-hand', 'zero-usage', 'never-counted', 'receipt-only'),
    days: arbDays,
    onHand: fc.integer({ min: 1, max: 20_000 }),
    countedMsAgo: arbCountedMsAgo,
    reorder: fc.constantFrom('none', 'below', 'at', 'above'),
    outbreak: fc.option(fc.record({ baseline: fc.constantFrom(0, 5, 50), surge: fc.constantFrom(0, 1.27, 10, 86) }), { nil: null }),
  })
  .map(({ kind, days, onHand, countedMsAgo, reorder, outbreak }): PositionState => {
    const countedAt = kind === 'never-counted' || kind === 'receipt-only' ? null : new Date(asOf.getTime() - countedMsAgo).toISOString();
    const elapsed = countedMsAgo / DAY;
    const usage = kind === 'zero-usage' ? 0 : kind === 'zero-on-hand' ? 10 : roundRate(onHand / Math.max(days + elapsed, 0.01));
    const held = kind === 'zero-on-hand' ? 0 : onHand;
    const projected = Math.max(0, held - usage * elapsed);
    const level = reorder === 'none' ? null : Math.max(0, Math.floor(projected) + (reorder === 'below' ? -1 : reorder === 'at' ? 0 : 1));
    return {
      sku: 'GOWN-FR',
      onHand: held,
      onHandAt: kind === 'never-counted' ? null : countedAt ?? new Date(asOf.getTime() - countedMsAgo).toISOString(),
      countedAt,
      lastCountOnHand: countedAt === null ? null : held,
      receivedSinceCount: 0,
      dailyUsage: usage,
      usageSource: usage > 0 ? 'estimated' : 'none',
      reorderLevel: level,
      targetLevel: null,
      inbound: 0,
      ...(outbreak ? { outbreak: { outbreakId: 'ob-1', baselineUsage: outbreak.baseline, surgeUsage: outbreak.surge } } : {}),
    };
  });

/** What the job does with the table: the index's key range, then the rule. */
function jobFlags(records: readonly PositionRecord[]) {
  const bound = atRiskBound(asOf);
  const fromIndex = records.filter((r) => keys.atRiskIndex(r.location, r.state.sku, riskFrom(r.state, rules)).GSI2SK < bound);
  const flagged = flaggedItemsByHome(fromIndex, asOf, rules, new Map());
  const homes = new Map(records.map((r) => [r.location.id, { homeId: r.location.id, storeId: 's1' }]));
  return shortfallRecords('2026-03-10', flagged, new Set(), homes);
}

describe('one truth for "at risk": status and the shortfall job agree', () => {
  it('every position shown red, amber or unknown is flagged, with its status and reason; none shown green is', () => {
    fc.assert(
      fc.property(fc.array(arbPosition, { minLength: 1, maxLength: 12 }), (states) => {
        const records: PositionRecord[] = states.map((state, i) => ({ location: { kind: 'home', id: `h${i}` }, state, version: 1 }));
        const flagged = new Map(jobFlags(records).map((r) => [r.homeId, r]));
        for (const record of records) {
          const shown = viewPosition(record.state, asOf, 1, rules);
          const found = flagged.get(record.location.id);
          if (shown.status === 'green') {
            expect(found).toBeUndefined();
            continue;
          }
          expect(found).toBeDefined();
          expect(found!.items).toHaveLength(1);
          expect(found!.items[0]).toMatchObject({ sku: shown.sku, status: shown.status, daysOfSupply: shown.daysOfSupply, usageBasis: shown.usageBasis });
          const reason = found!.items[0]!.reason;
          if (shown.status === 'unknown') expect(['silent', 'never-counted']).toContain(reason);
          else expect(['short', 'out']).toContain(reason);
          expect(found!.reasons).toContain(reason);
          expect(found!.reasons.includes('outbreak')).toBe(false); // the tag comes from the job's own read (homesInOutbreak)
        }
      }),
      { numRuns: 500 },
    );
  }, 20_000);

  it('the thresholds by example: the disagreements of before are gone', () => {
    const at = (msAgo: number) => new Date(asOf.getTime() - msAgo).toISOString();
    const base: PositionState = {
      sku: 'MASK-IIR', onHand: 0, onHandAt: at(DAY), countedAt: at(DAY), lastCountOnHand: 0, receivedSinceCount: 0,
      dailyUsage: 0, usageSource: 'none', reorderLevel: null, targetLevel: null, inbound: 0,
    };
    const reasonOf = (state: PositionState) => jobFlags([{ location: { kind: 'home', id: 'h' }, state, version: 1 }])[0]?.items[0]?.reason ?? null;
    // Nothing on hand and no usage: red, and now flagged "out".
    expect(viewPosition(base, asOf, 1, rules).status).toBe('red');
    expect(reasonOf(base)).toBe('out');
    // Never counted (held since a receipt): unknown, and now flagged "never-counted".
    expect(reasonOf({ ...base, onHand: 40, countedAt: null, lastCountOnHand: null })).toBe('never-counted');
    // Stale by one millisecond: unknown, "silent"; exactly at the limit: green.
    expect(reasonOf({ ...base, onHand: 5000, dailyUsage: 1, countedAt: at(3 * DAY + 1), onHandAt: at(3 * DAY + 1) })).toBe('silent');
    expect(reasonOf({ ...base, onHand: 5000, dailyUsage: 1, countedAt: at(3 * DAY), onHandAt: at(3 * DAY) })).toBeNull();
    // At its reorder level with weeks of supply: amber, "short".
    expect(reasonOf({ ...base, onHand: 500, dailyUsage: 1, reorderLevel: 499 })).toBe('short');
    expect(reasonOf({ ...base, onHand: 500, dailyUsage: 1, reorderLevel: 498 })).toBeNull();
  });
});
