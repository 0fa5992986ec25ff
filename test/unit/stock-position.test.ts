import { describe, it, expect } from 'vitest';
import {
  compareStatusSeverity,
  daysOfSupply,
  positionStatus,
  projectedOnHand,
  runoutDate,
  suggestedOrder,
  viewPosition,
  worstStatus,
} from '../../functions/domain/stock-position.ts';
import type { PositionState, StockStatus } from '../../functions/domain/stock-position.ts';
import { defaultStockRules as rules } from '../../functions/domain/stock-rules.ts';

const DAY = 86_400_000;
const T0 = '2025-03-10T08:00:00.000Z';
const at = (days: number): Date => new Date(Date.parse(T0) + days * DAY);

function position(overrides: Partial<PositionState> = {}): PositionState {
  return {
    sku: 'MASK-IIR',
    onHand: 1000,
    onHandAt: T0,
    countedAt: T0,
    lastCountOnHand: 1000,
    receivedSinceCount: 0,
    dailyUsage: 100,
    usageSource: 'estimated',
    reorderLevel: null,
    targetLevel: null,
    inbound: 0,
    ...overrides,
  };
}

const neverCounted = position({ onHand: 0, onHandAt: null, countedAt: null, lastCountOnHand: null, dailyUsage: 40, usageSource: 'declared' });

describe('the worked example: 1,000 counted two days ago at 100/day', () => {
  const p = position();

  it('projects 800 on hand and 8 days of supply, green', () => {
    expect(projectedOnHand(p, at(2))).toBe(800);
    expect(daysOfSupply(p, at(2))).toBe(8);
    expect(positionStatus(p, at(2), rules)).toBe('green');
  });

  it('runs out ten days after the count, whatever asOf is', () => {
    expect(runoutDate(p)).toBe('2025-03-20T08:00:00.000Z');
  });

  it('is shown whole in the view', () => {
    expect(viewPosition(p, at(2), 100, rules)).toEqual({
      sku: 'MASK-IIR',
      onHand: 1000,
      projectedOnHand: 800,
      dailyUsage: 100,
      forecastUsage: 100,
      usageBasis: 'estimate',
      daysOfSupply: 8,
      runoutDate: '2025-03-20T08:00:00.000Z',
      status: 'green',
      reorderLevel: null,
      targetLevel: null,
      suggestedOrder: 0,
      countedAt: T0,
    });
  });
});

describe('projectedOnHand', () => {
  it('floors to whole units', () => {
    // 10 − 3 × 1.5 = 5.5
    expect(projectedOnHand(position({ onHand: 10, dailyUsage: 3 }), at(1.5))).toBe(5);
  });

  it('never goes below zero', () => {
    expect(projectedOnHand(position({ onHand: 10 }), at(1))).toBe(0);
  });

  it('does not add stock when asOf is before onHandAt', () => {
    expect(projectedOnHand(position(), at(-1))).toBe(1000);
  });

  it('projects from onHandAt (the last receipt), not from countedAt', () => {
    const p = position({ onHand: 1500, onHandAt: at(1).toISOString() });
    expect(projectedOnHand(p, at(2))).toBe(1400);
  });

  it('is onHand when usage is 0', () => {
    expect(projectedOnHand(position({ dailyUsage: 0 }), at(2))).toBe(1000);
  });
});

describe('daysOfSupply and runoutDate', () => {
  it('divides the unrounded projection, so it agrees with the run-out date', () => {
    // 10 − 3 × 1.5 = 5.5 units; 5.5 ÷ 3 = 1.8333…; run-out at 10 ÷ 3 = 3.333… days
    const p = position({ onHand: 10, dailyUsage: 3 });
    expect(daysOfSupply(p, at(1.5))).toBeCloseTo(1.833333, 5);
    expect(viewPosition(p, at(1.5), 1, rules).daysOfSupply).toBe(1.83);
    expect(runoutDate(p)).toBe('2025-03-13T16:00:00.000Z');
  });

  it('are null when usage is 0', () => {
    expect(daysOfSupply(position({ dailyUsage: 0 }), at(1))).toBeNull();
    expect(runoutDate(position({ dailyUsage: 0 }))).toBeNull();
  });

  it('are null when never counted, even with a declared usage', () => {
    expect(daysOfSupply(neverCounted, at(0))).toBeNull();
    expect(runoutDate(neverCounted)).toBeNull();
  });

  it('are 0 and the count instant when the count is zero', () => {
    expect(daysOfSupply(position({ onHand: 0 }), at(1))).toBe(0);
    expect(runoutDate(position({ onHand: 0 }))).toBe(T0);
  });

  it('caps a far run-out date at 9999-12-31 so it stays a sortable ISO string', () => {
    expect(runoutDate(position({ onHand: 1_000_000, dailyUsage: 0.000001 }))).toBe('9999-12-31T23:59:59.999Z');
  });
});

describe('positionStatus thresholds (7 and 3 days)', () => {
  it.each<[number, StockStatus]>([
    [701, 'green'], // 7.01 days
    [700, 'green'], // exactly 7: amber is strictly less than 7
    [699, 'amber'], // 6.99
    [301, 'amber'], // 3.01
    [300, 'amber'], // exactly 3
    [299, 'red'], // 2.99
    [1, 'red'],
    [0, 'red'],
  ])('onHand %i at 100/day, counted just now → %s', (onHand, expected) => {
    expect(positionStatus(position({ onHand }), at(0), rules)).toBe(expected);
  });

  it('moves from green to amber to red as time passes', () => {
    const p = position({ onHand: 1000 });
    expect(positionStatus(p, at(2.9), rules)).toBe('green'); // 710 units, 7.1 days
    const q = position({ onHand: 500 });
    expect(positionStatus(q, at(1.9), rules)).toBe('amber'); // 310 units, 3.1 days
    expect(positionStatus(q, at(2.1), rules)).toBe('red'); // 290 units, 2.9 days
  });

  it('follows configured thresholds', () => {
    const strict = { ...rules, shortfallDays: 10, criticalDays: 5 };
    expect(positionStatus(position({ onHand: 900 }), at(0), strict)).toBe('amber');
    expect(positionStatus(position({ onHand: 450 }), at(0), strict)).toBe('red');
  });
});

describe('positionStatus reorder level', () => {
  it('is amber at the reorder level and green one unit above it', () => {
    expect(positionStatus(position({ reorderLevel: 800 }), at(2), rules)).toBe('amber'); // projected 800
    expect(positionStatus(position({ reorderLevel: 799 }), at(2), rules)).toBe('green');
  });

  it('applies with usage 0', () => {
    expect(positionStatus(position({ dailyUsage: 0, onHand: 50, reorderLevel: 50 }), at(1), rules)).toBe('amber');
    expect(positionStatus(position({ dailyUsage: 0, onHand: 51, reorderLevel: 50 }), at(1), rules)).toBe('green');
  });
});

describe('positionStatus with usage 0', () => {
  it('is green with stock and no reorder level', () => {
    expect(positionStatus(position({ dailyUsage: 0, onHand: 5 }), at(1), rules)).toBe('green');
  });

  it('is red with nothing on hand', () => {
    expect(positionStatus(position({ dailyUsage: 0, onHand: 0 }), at(1), rules)).toBe('red');
  });
});

describe('positionStatus staleness (3 days)', () => {
  it('is unknown when never counted', () => {
    expect(positionStatus(neverCounted, at(0), rules)).toBe('unknown');
  });

  it('still knows a count exactly at the limit', () => {
    // 1000 − 300 = 700 units, exactly 7 days
    expect(positionStatus(position(), at(3), rules)).toBe('green');
  });

  it('is unknown one millisecond past the limit', () => {
    expect(positionStatus(position(), new Date(at(3).getTime() + 1), rules)).toBe('unknown');
  });

  it('is driven by the count, not by a later receipt', () => {
    const p = position({ onHand: 5000, onHandAt: at(3).toISOString() });
    expect(positionStatus(p, at(3.5), rules)).toBe('unknown');
  });
});

describe('suggestedOrder', () => {
  // 600 units at 100/day counted now: 6 days, amber. Default target: 100 × 14 = 1,400, so 800 short.
  const amber = position({ onHand: 600 });

  it('orders up to the default target in whole packs', () => {
    expect(suggestedOrder(amber, at(0), 1, rules)).toBe(800);
    expect(suggestedOrder(amber, at(0), 100, rules)).toBe(800);
    expect(suggestedOrder(amber, at(0), 150, rules)).toBe(900); // 800 ÷ 150 = 5.33 → 6 packs
    expect(suggestedOrder(amber, at(0), 1000, rules)).toBe(1000);
  });

  it('subtracts what is already inbound', () => {
    expect(suggestedOrder({ ...amber, inbound: 750 }, at(0), 100, rules)).toBe(100); // 50 short → one pack
    expect(suggestedOrder({ ...amber, inbound: 800 }, at(0), 100, rules)).toBe(0);
    expect(suggestedOrder({ ...amber, inbound: 5000 }, at(0), 100, rules)).toBe(0);
  });

  it('uses the target level when set', () => {
    expect(suggestedOrder({ ...amber, targetLevel: 1000 }, at(0), 150, rules)).toBe(450); // 400 short → 3 packs
  });

  it('uses the projection, not the counted figure', () => {
    // 600 − 100 × 1 = 500 projected: 900 short
    expect(suggestedOrder(amber, at(1), 100, rules)).toBe(900);
  });

  it('orders for a red position', () => {
    expect(suggestedOrder(position({ onHand: 0 }), at(0), 100, rules)).toBe(1400);
  });

  it('rounds the default target up to whole units', () => {
    // 0.1 × 14 = 1.4 → 2 units; 1/7 × 14 = 2 exactly, not 3
    expect(suggestedOrder(position({ onHand: 0, dailyUsage: 0.1 }), at(0), 1, rules)).toBe(2);
    expect(suggestedOrder(position({ onHand: 0, dailyUsage: 1 / 7 }), at(0), 1, rules)).toBe(2);
  });

  it('is 0 when green or unknown', () => {
    expect(suggestedOrder(position(), at(0), 100, rules)).toBe(0);
    expect(suggestedOrder(neverCounted, at(0), 100, rules)).toBe(0);
    expect(suggestedOrder(position({ onHand: 100 }), at(4), 100, rules)).toBe(0); // stale
  });

  it('refuses a pack size that is not a whole number >= 1', () => {
    expect(() => suggestedOrder(amber, at(0), 0, rules)).toThrow(RangeError);
    expect(() => suggestedOrder(amber, at(0), 2.5, rules)).toThrow(RangeError);
  });
});

describe('worstStatus and compareStatusSeverity', () => {
  it.each<[StockStatus[], StockStatus]>([
    [[], 'unknown'],
    [['green'], 'green'],
    [['green', 'unknown'], 'unknown'],
    [['green', 'unknown', 'amber'], 'amber'],
    [['amber', 'red', 'green'], 'red'],
  ])('worst of %j is %s', (statuses, expected) => {
    expect(worstStatus(statuses)).toBe(expected);
  });

  it('sorts a worklist worst first', () => {
    const list: StockStatus[] = ['green', 'unknown', 'red', 'amber', 'green', 'red'];
    expect(list.sort(compareStatusSeverity)).toEqual(['red', 'red', 'amber', 'unknown', 'green', 'green']);
  });
});
