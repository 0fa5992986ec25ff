/**
 * The outbreak forecast: max(estimate, usage before the outbreak + surge). Counts taken during the
 * outbreak feed the estimate as always; the property is that the surge is never added on top of
 * counts that already show it: over generated count series, the forecast stays within what was
 * declared and what was observed, and reaches the observed usage once the counts show more.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { forecastOf, outbreakUsageFor, surgeUsage } from '../../functions/domain/forecast.ts';
import { daysOfSupply, forecastUsage, viewPosition, type PositionState } from '../../functions/domain/stock-position.ts';
import { defaultStockRules } from '../../functions/domain/stock-rules.ts';
import { applyCount } from '../../functions/domain/usage-estimate.ts';

const DAY = 86_400_000;
const rules = defaultStockRules;
const T0 = Date.parse('2026-03-01T08:00:00.000Z');
const iso = (ms: number) => new Date(ms).toISOString();
const EPS = 1e-6;

describe('forecastOf', () => {
  it('is the estimate without an outbreak or without a surge, else the larger of the two', () => {
    expect(forecastOf(10, null)).toEqual({ usage: 10, basis: 'estimate' });
    expect(forecastOf(10, { outbreakId: 'o', baselineUsage: 10, surgeUsage: 0 })).toEqual({ usage: 10, basis: 'estimate' });
    expect(forecastOf(10, { outbreakId: 'o', baselineUsage: 10, surgeUsage: 7 })).toEqual({ usage: 17, basis: 'outbreak' });
    expect(forecastOf(30, { outbreakId: 'o', baselineUsage: 10, surgeUsage: 7 })).toEqual({ usage: 30, basis: 'estimate' });
    expect(surgeUsage(4, 1.75)).toBe(7);
    expect(surgeUsage(3, null)).toBe(0);
  });
});

describe('counts during an outbreak do not add the surge twice', () => {
  const arbSeries = fc.record({
    baseline: fc.integer({ min: 1, max: 200 }),
    residents: fc.integer({ min: 1, max: 40 }),
    perCase: fc.constantFrom(0.9, 1.27, 1.75, 8.6, 10),
    /** How much of the surge the counts really show: none, part, all, more. */
    shown: fc.constantFrom(0, 0.5, 1, 1.5, 3),
    /** Days between counts and the noise on each day's consumption. */
    steps: fc.array(fc.record({ days: fc.constantFrom(0.5, 1, 1, 1, 2), noise: fc.double({ min: -0.2, max: 0.2, noNaN: true }) }), { minLength: 1, maxLength: 20 }),
  });

  it('the forecast stays between what was declared and the most any count showed, never estimate + surge', () => {
    fc.assert(
      fc.property(arbSeries, ({ baseline, residents, perCase, shown, steps }) => {
        const surge = surgeUsage(residents, perCase);
        const start: PositionState = {
          sku: 'GOWN-FR', onHand: 1_000_000, onHandAt: iso(T0), countedAt: iso(T0), lastCountOnHand: 1_000_000, receivedSinceCount: 0,
          dailyUsage: baseline, usageSource: 'estimated', reorderLevel: null, targetLevel: null, inbound: 0,
          outbreak: outbreakUsageFor('ob', baseline, residents, perCase),
        };
        let position = start;
        let at = T0;
        let onHand = start.onHand;
        let mostObserved = baseline;
        for (const { days, noise } of steps) {
          at += days * DAY;
          onHand = Math.max(0, onHand - Math.round((baseline + shown * surge) * (1 + noise) * days));
          const outcome = applyCount(position, { sku: 'GOWN-FR', countedAt: iso(at), onHand }, rules);
          if (outcome.observedUsage !== null) mostObserved = Math.max(mostObserved, outcome.observedUsage);
          position = outcome.position;
          const forecast = forecastUsage(position);
          expect(position.outbreak).toEqual(start.outbreak); // counts keep the baseline frozen
          expect(forecast).toBeGreaterThanOrEqual(baseline + surge - EPS); // the declaration counts at once
          expect(forecast).toBeLessThanOrEqual(Math.max(baseline + surge, mostObserved) + EPS); // and no more than seen
          expect(forecast).toBeCloseTo(Math.max(position.dailyUsage, baseline + surge), 6);
          if (position.dailyUsage > baseline + EPS) expect(forecast).toBeLessThan(position.dailyUsage + surge - EPS); // never both
          expect(viewPosition(position, new Date(at), 1, rules).usageBasis).toBe(position.dailyUsage >= baseline + surge ? 'estimate' : 'outbreak');
        }
      }),
      { numRuns: 300 },
    );
  });

  it('days of supply use the forecast: a home at 10 days with a surge that doubles usage shows 5', () => {
    const p: PositionState = {
      sku: 'GOWN-FR', onHand: 100, onHandAt: iso(T0), countedAt: iso(T0), lastCountOnHand: 100, receivedSinceCount: 0,
      dailyUsage: 10, usageSource: 'estimated', reorderLevel: null, targetLevel: null, inbound: 0,
    };
    expect(daysOfSupply(p, new Date(T0))).toBe(10);
    expect(daysOfSupply({ ...p, outbreak: outbreakUsageFor('ob', 10, 4, 2.5) }, new Date(T0))).toBe(5);
  });
});
