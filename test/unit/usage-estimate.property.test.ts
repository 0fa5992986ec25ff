import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { applyCount, applyReceipt } from '../../functions/domain/usage-estimate.ts';
import { roundRate } from '../../functions/domain/rates.ts';
import type { PositionState } from '../../functions/domain/stock-position.ts';
import { defaultStockRules } from '../../functions/domain/stock-rules.ts';
import type { StockRules } from '../../functions/domain/stock-rules.ts';

const DAY = 86_400_000;
const EPOCH = Date.parse('2025-01-01T00:00:00.000Z');
const SKU = 'MASK-FFP3';

type StockEvent =
  | { kind: 'count'; stepMs: number; onHand: number; dailyUsage: number | undefined }
  | { kind: 'receipt'; stepMs: number; quantity: number };

// Steps are mostly forward; a negative step makes a late count or a receipt before the last count.
const arbStep = fc.oneof({ weight: 5, arbitrary: fc.integer({ min: 0, max: 5 * DAY }) }, { weight: 1, arbitrary: fc.integer({ min: -3 * DAY, max: 0 }) });

const arbEvent: fc.Arbitrary<StockEvent> = fc.oneof(
  { weight: 3, arbitrary: fc.record({
    kind: fc.constant('count' as const),
    stepMs: arbStep,
    onHand: fc.oneof(fc.constant(0), fc.nat({ max: 5000 })),
    dailyUsage: fc.option(fc.double({ min: 0, max: 500, noNaN: true }), { nil: undefined }),
  }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('receipt' as const), stepMs: arbStep, quantity: fc.integer({ min: 1, max: 3000 }) }) },
);

const arbRules: fc.Arbitrary<StockRules> = fc.record({
  smoothing: fc.double({ min: 0.01, max: 1, noNaN: true }),
  minUsageIntervalDays: fc.constantFrom(0, 0.25, 0.5, 1),
}).map((r) => ({ ...defaultStockRules, ...r }));

function expectSane(p: PositionState): void {
  expect(Number.isFinite(p.dailyUsage)).toBe(true);
  expect(p.dailyUsage).toBeGreaterThanOrEqual(0);
  expect(Number.isInteger(p.onHand) && p.onHand >= 0).toBe(true);
  expect(p.receivedSinceCount).toBeGreaterThanOrEqual(0);
  expect(p.inbound).toBeGreaterThanOrEqual(0);
}

describe('usage estimate properties', () => {
  it('never produces a negative or non-finite usage, whatever the sequence of counts and receipts', () => {
    fc.assert(
      fc.property(fc.array(arbEvent, { maxLength: 40 }), arbRules, (events, rules) => {
        let p: PositionState | null = null;
        let t = EPOCH;
        for (const e of events) {
          t += e.stepMs;
          const at = new Date(t).toISOString();
          if (e.kind === 'receipt') {
            p = applyReceipt(p, SKU, e.quantity, at);
          } else {
            const outcome = applyCount(p, { sku: SKU, countedAt: at, onHand: e.onHand, dailyUsage: e.dailyUsage }, rules);
            expect(outcome.adjustment).toBeGreaterThanOrEqual(0);
            if (outcome.observedUsage !== null) expect(outcome.observedUsage).toBeGreaterThanOrEqual(0);
            if (outcome.late) expect(outcome.position).toBe(p);
            p = outcome.position;
          }
          expectSane(p);
        }
      }),
    );
  });

  it('a zero count never lowers an existing estimate', () => {
    fc.assert(
      fc.property(fc.array(arbEvent, { maxLength: 20 }), fc.integer({ min: 0, max: 10 * DAY }), arbRules, (events, stepMs, rules) => {
        let p: PositionState | null = null;
        let t = EPOCH;
        for (const e of events) {
          t += e.stepMs;
          const at = new Date(t).toISOString();
          p = e.kind === 'receipt'
            ? applyReceipt(p, SKU, e.quantity, at)
            : applyCount(p, { sku: SKU, countedAt: at, onHand: e.onHand, dailyUsage: e.dailyUsage }, rules).position;
        }
        if (p === null || p.usageSource === 'none') return;
        const before = p.dailyUsage;
        const latest = Math.max(t, p.onHandAt === null ? t : Date.parse(p.onHandAt));
        const zero = applyCount(p, { sku: SKU, countedAt: new Date(latest + stepMs).toISOString(), onHand: 0 }, rules);
        expect(zero.position.dailyUsage).toBeGreaterThanOrEqual(before);
      }),
    );
  });

  it('usage lies between the previous estimate and the observation when it is updated by a non-zero count', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: 5000 }),
        fc.double({ min: 0, max: 500, noNaN: true }),
        fc.integer({ min: 1, max: 5000 }),
        fc.integer({ min: DAY / 2, max: 10 * DAY }),
        arbRules,
        (first, declared, second, gap, rules) => {
          const p = applyCount(null, { sku: SKU, countedAt: new Date(EPOCH).toISOString(), onHand: first, dailyUsage: declared }, rules).position;
          const out = applyCount(p, { sku: SKU, countedAt: new Date(EPOCH + gap).toISOString(), onHand: second }, rules);
          expect(out.adjustment).toBe(Math.max(0, second - first));
          if (out.observedUsage === null) {
            // Unrecorded receipt or counts too close together: the estimate stands.
            expect(out.position.dailyUsage).toBe(roundRate(declared));
            return;
          }
          // Rates are kept to 6 decimal places (domain/rates.ts): the bounds hold to that precision.
          const lo = Math.min(declared, out.observedUsage) - 5e-7;
          const hi = Math.max(declared, out.observedUsage) + 5e-7;
          expect(out.position.dailyUsage).toBeGreaterThanOrEqual(lo);
          expect(out.position.dailyUsage).toBeLessThanOrEqual(hi);
        },
      ),
    );
  });
});

describe('usage stays a number DynamoDB can store', () => {
  it('settles at the smallest rate (six decimals), never into an underflow, when an item stops being used', () => {
    const rules = { ...defaultStockRules };
    let p = applyCount(null, { sku: SKU, countedAt: new Date(EPOCH).toISOString(), onHand: 100, dailyUsage: 0.5 }, rules).position;
    for (let day = 1; day <= 1000; day++) {
      p = applyCount(p, { sku: SKU, countedAt: new Date(EPOCH + day * DAY).toISOString(), onHand: 100 }, rules).position;
      expect(p.dailyUsage === 0 || p.dailyUsage >= 1e-6).toBe(true);
    }
    // Unrounded, 0.5 × 0.7^1000 is about 1e-155: below what DynamoDB can store.
    expect(p.dailyUsage).toBeLessThanOrEqual(1e-6);
  });
});
