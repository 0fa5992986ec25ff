import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  compareStatusSeverity,
  daysOfSupply,
  orderUpToLevel,
  positionStatus,
  projectedOnHand,
  runoutDate,
  suggestedOrder,
  worstStatus,
} from '../../functions/domain/stock-position.ts';
import type { PositionState, StockStatus } from '../../functions/domain/stock-position.ts';
import { defaultStockRules } from '../../functions/domain/stock-rules.ts';
import type { StockRules } from '../../functions/domain/stock-rules.ts';

const DAY = 86_400_000;
const EPOCH = Date.parse('2025-01-01T00:00:00.000Z');

const arbUsage = fc.oneof(
  fc.constant(0),
  fc.double({ min: 0.001, max: 5000, noNaN: true }),
  fc.integer({ min: 1, max: 500 }),
);

const arbPosition: fc.Arbitrary<PositionState> = fc
  .record({
    onHand: fc.oneof(fc.constant(0), fc.nat({ max: 100_000 })),
    dailyUsage: arbUsage,
    countedMs: fc.option(fc.integer({ min: 0, max: 10 * DAY }), { freq: 5 }),
    receiptAfterCountMs: fc.option(fc.integer({ min: 1, max: 2 * DAY })),
    reorderLevel: fc.option(fc.nat({ max: 100_000 })),
    targetLevel: fc.option(fc.nat({ max: 200_000 })),
    inbound: fc.nat({ max: 50_000 }),
  })
  .map((r): PositionState => {
    const countedAt = r.countedMs === null ? null : new Date(EPOCH + r.countedMs).toISOString();
    const onHandAt =
      r.countedMs === null ? null : new Date(EPOCH + r.countedMs + (r.receiptAfterCountMs ?? 0)).toISOString();
    return {
      sku: 'APRON',
      onHand: r.onHand,
      onHandAt,
      countedAt,
      lastCountOnHand: countedAt === null ? null : r.onHand,
      receivedSinceCount: 0,
      dailyUsage: r.dailyUsage,
      usageSource: r.dailyUsage > 0 ? 'estimated' : 'none',
      reorderLevel: r.reorderLevel,
      targetLevel: r.targetLevel,
      inbound: r.inbound,
    };
  });

const arbAsOf = fc.integer({ min: -DAY, max: 20 * DAY }).map((ms) => new Date(EPOCH + ms));

const arbRules: fc.Arbitrary<StockRules> = fc
  .record({
    criticalDays: fc.double({ min: 0.5, max: 10, noNaN: true }),
    extraDays: fc.double({ min: 0, max: 20, noNaN: true }),
    staleAfterDays: fc.double({ min: 0.5, max: 30, noNaN: true }),
    defaultTargetDays: fc.integer({ min: 1, max: 60 }),
  })
  .map((r) => ({
    ...defaultStockRules,
    criticalDays: r.criticalDays,
    shortfallDays: r.criticalDays + r.extraDays,
    staleAfterDays: r.staleAfterDays,
    defaultTargetDays: r.defaultTargetDays,
  }));

describe('stock position properties', () => {
  it('projected on hand is a whole number, never negative and never above onHand', () => {
    fc.assert(
      fc.property(arbPosition, arbAsOf, (p, asOf) => {
        const projected = projectedOnHand(p, asOf);
        expect(Number.isInteger(projected)).toBe(true);
        expect(projected).toBeGreaterThanOrEqual(0);
        expect(projected).toBeLessThanOrEqual(p.onHand);
      }),
    );
  });

  it('days of supply never increase as asOf moves later', () => {
    fc.assert(
      fc.property(arbPosition, arbAsOf, fc.integer({ min: 0, max: 10 * DAY }), (p, asOf, laterBy) => {
        const earlier = daysOfSupply(p, asOf);
        const later = daysOfSupply(p, new Date(asOf.getTime() + laterBy));
        expect(later === null).toBe(earlier === null);
        if (earlier !== null && later !== null) {
          expect(later).toBeGreaterThanOrEqual(0);
          expect(later).toBeLessThanOrEqual(earlier);
        }
      }),
    );
  });

  it('status agrees with days of supply, projection and reorder level', () => {
    fc.assert(
      fc.property(arbPosition, arbAsOf, arbRules, (p, asOf, rules) => {
        const status = positionStatus(p, asOf, rules);
        if (status === 'unknown') return;
        const days = daysOfSupply(p, asOf);
        const projected = projectedOnHand(p, asOf);
        const critical = projected === 0 || (days !== null && days < rules.criticalDays);
        const short =
          (days !== null && days < rules.shortfallDays) || (p.reorderLevel !== null && projected <= p.reorderLevel);
        expect(status).toBe(critical ? 'red' : short ? 'amber' : 'green');
      }),
    );
  });

  it('a never-counted or stale position is unknown, and only those are', () => {
    fc.assert(
      fc.property(arbPosition, arbAsOf, (p, asOf) => {
        const stale = p.countedAt === null || asOf.getTime() - Date.parse(p.countedAt) > 3 * DAY;
        expect(positionStatus(p, asOf, defaultStockRules) === 'unknown').toBe(stale);
      }),
    );
  });

  it('suggested order is whole packs, never negative, and the fewest packs that reach the target', () => {
    fc.assert(
      fc.property(arbPosition, arbAsOf, fc.integer({ min: 1, max: 1000 }), arbRules, (p, asOf, packSize, rules) => {
        const order = suggestedOrder(p, asOf, packSize, rules);
        expect(order).toBeGreaterThanOrEqual(0);
        expect(order % packSize).toBe(0);
        const status = positionStatus(p, asOf, rules);
        if (status === 'green' || status === 'unknown') {
          expect(order).toBe(0);
          return;
        }
        const cover = projectedOnHand(p, asOf) + p.inbound;
        const target = orderUpToLevel(p, rules);
        if (order > 0) {
          expect(cover + order).toBeGreaterThanOrEqual(target);
          expect(cover + order - packSize).toBeLessThan(target);
        } else {
          expect(cover).toBeGreaterThanOrEqual(target);
        }
      }),
    );
  });

  it('days of supply < N exactly when the run-out date is before asOf + N days (what the shortfall index relies on)', () => {
    fc.assert(
      fc.property(arbPosition, fc.integer({ min: 0, max: 10 * DAY }), fc.double({ min: 0.1, max: 30, noNaN: true }), (p, afterMs, n) => {
        const runout = runoutDate(p);
        if (runout === null || p.onHandAt === null) return;
        const asOf = new Date(Date.parse(p.onHandAt) + afterMs);
        const days = daysOfSupply(p, asOf);
        if (days === null || Math.abs(days - n) < 1e-6 || runout.startsWith('9999')) return;
        expect(days < n).toBe(Date.parse(runout) < asOf.getTime() + n * DAY);
      }),
    );
  });

  it('the worst status is one of the list and no member is worse', () => {
    const arbStatus = fc.constantFrom<StockStatus>('red', 'amber', 'green', 'unknown');
    fc.assert(
      fc.property(fc.array(arbStatus, { minLength: 1 }), (statuses) => {
        const worst = worstStatus(statuses);
        expect(statuses).toContain(worst);
        for (const s of statuses) expect(compareStatusSeverity(s, worst)).toBeGreaterThanOrEqual(0);
      }),
    );
  });
});
