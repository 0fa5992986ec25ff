/**
 * Recounts: correcting the latest count gives the position it would have had if the miscount had
 * never been counted (a property over generated count series, with receipts), and only the latest
 * applied count can be corrected.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { StockEvent } from '../../functions/data/stock-items.ts';
import { stateBeforeCount } from '../../functions/domain/recount.ts';
import type { PositionState } from '../../functions/domain/stock-position.ts';
import { defaultStockRules } from '../../functions/domain/stock-rules.ts';
import { applyCount, applyReceipt } from '../../functions/domain/usage-estimate.ts';

const DAY = 86_400_000;
const T0 = Date.parse('2026-03-01T08:00:00.000Z');
const iso = (ms: number) => new Date(ms).toISOString();
const rules = defaultStockRules;

type Step = { kind: 'count'; onHand: number } | { kind: 'receipt'; quantity: number };

/** Replays steps a day apart, keeping the history newest first as the table does. */
function replay(steps: readonly Step[]) {
  let position: PositionState | null = null;
  const history: StockEvent[] = [];
  steps.forEach((step, i) => {
    const at = iso(T0 + i * DAY);
    if (step.kind === 'count') {
      const outcome = applyCount(position, { sku: 'GOWN-FR', countedAt: at, onHand: step.onHand, ...(i === 0 ? { dailyUsage: 20 } : {}) }, rules);
      position = outcome.position;
      history.unshift(event(`count-${i}`, 'count', at, { onHand: step.onHand, observedUsage: outcome.observedUsage, dailyUsage: position.dailyUsage, applied: !outcome.late }));
    } else if (position) {
      position = applyReceipt(position, 'GOWN-FR', step.quantity, at);
      history.unshift(event(`receipt-${i}`, 'receipt', at, { quantity: step.quantity, dailyUsage: position.dailyUsage }));
    }
  });
  return { position: position as PositionState | null, history };
}

function event(eventId: string, kind: StockEvent['kind'], at: string, fields: Partial<StockEvent>): StockEvent {
  return { eventId, kind, sku: 'GOWN-FR', at, onHand: null, quantity: null, applied: true, lateReason: null, observedUsage: null, dailyUsage: null, positionVersion: null, reference: null, recordedAt: at, recordedBy: 'home:h', ...fields };
}

const arbSteps = fc.array(
  fc.oneof(
    { weight: 3, arbitrary: fc.integer({ min: 0, max: 2000 }).map((onHand): Step => ({ kind: 'count', onHand })) },
    { weight: 1, arbitrary: fc.integer({ min: 1, max: 500 }).map((quantity): Step => ({ kind: 'receipt', quantity })) },
  ),
  { minLength: 0, maxLength: 12 },
);

describe('a recount withdraws the corrected count', () => {
  it('gives the position the series would have had without the miscount', () => {
    fc.assert(
      fc.property(arbSteps, fc.integer({ min: 0, max: 2000 }), fc.integer({ min: 0, max: 2000 }), (steps, miscount, truth) => {
        const series: Step[] = [{ kind: 'count', onHand: 1000 }, ...steps];
        const withMiscount = replay([...series, { kind: 'count', onHand: miscount }]);
        const miscountId = withMiscount.history[0]!.eventId;
        const before = stateBeforeCount(withMiscount.position!, withMiscount.history, miscountId);
        expect('state' in before).toBe(true);
        if (!('state' in before)) return;
        // The recount a day after the miscount (two days after the last step), and the same count without the miscount.
        const recountAt = iso(T0 + (series.length + 1) * DAY);
        const corrected = applyCount(before.state, { sku: 'GOWN-FR', countedAt: recountAt, onHand: truth }, rules);
        const without = applyCount(replay(series).position, { sku: 'GOWN-FR', countedAt: recountAt, onHand: truth }, rules);
        expect(corrected.position.dailyUsage).toBeCloseTo(without.position.dailyUsage, 6);
        expect(corrected.observedUsage).toBe(without.observedUsage);
        expect(corrected.adjustment).toBe(without.adjustment);
        expect(corrected.position.onHand).toBe(truth);
      }),
      { numRuns: 500 },
    );
  });

  it('only the latest applied count can be corrected', () => {
    const { position, history } = replay([{ kind: 'count', onHand: 1000 }, { kind: 'count', onHand: 900 }]);
    expect(stateBeforeCount(position!, history, 'count-0')).toEqual({ refused: 'not-latest-count' });
    expect(stateBeforeCount(position!, history, 'count-9')).toEqual({ refused: 'unknown-count' });
    expect('state' in stateBeforeCount(position!, history, 'count-1')).toBe(true);
  });
});
