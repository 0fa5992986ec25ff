import { describe, it, expect } from 'vitest';
import { applyCount, applyReceipt, emptyPosition, notAppliedReason } from '../../functions/domain/usage-estimate.ts';
import type { CountInput } from '../../functions/domain/usage-estimate.ts';
import type { PositionState } from '../../functions/domain/stock-position.ts';
import { defaultStockRules as rules } from '../../functions/domain/stock-rules.ts';

const DAY = 86_400_000;
const T0 = '2025-03-10T08:00:00.000Z';
const iso = (days: number): string => new Date(Date.parse(T0) + days * DAY).toISOString();
const SKU = 'GLOVE-NITRILE-M';

function count(days: number, onHand: number, extra: Partial<CountInput> = {}): CountInput {
  return { sku: SKU, countedAt: iso(days), onHand, ...extra };
}

/** Applies counts in order and returns the final position; fails the test on a late count. */
function counts(...inputs: CountInput[]): PositionState {
  let p: PositionState | null = null;
  for (const c of inputs) p = applyCount(p, c, rules).position;
  if (p === null) throw new Error('no counts');
  return p;
}

describe('emptyPosition', () => {
  it('is never counted, with no usage', () => {
    expect(emptyPosition(SKU)).toEqual({
      sku: SKU,
      onHand: 0,
      onHandAt: null,
      countedAt: null,
      lastCountOnHand: null,
      receivedSinceCount: 0,
      dailyUsage: 0,
      usageSource: 'none',
      reorderLevel: null,
      targetLevel: null,
      inbound: 0,
    });
  });
});

describe('applyCount: the first count', () => {
  it('sets the position and leaves usage unknown', () => {
    const outcome = applyCount(null, count(0, 500), rules);
    expect(outcome).toEqual({
      position: { ...emptyPosition(SKU), onHand: 500, onHandAt: T0, countedAt: T0, lastCountOnHand: 500 },
      late: false,
      lateReason: null,
      observedUsage: null,
      adjustment: 0,
      usageUpdated: false,
    });
  });

  it('takes a declared usage and levels', () => {
    const p = applyCount(null, count(0, 500, { dailyUsage: 40, reorderLevel: 200, targetLevel: 800 }), rules).position;
    expect(p).toMatchObject({ dailyUsage: 40, usageSource: 'declared', reorderLevel: 200, targetLevel: 800 });
  });

  it('stores the instant in canonical UTC form', () => {
    const p = applyCount(null, { sku: SKU, countedAt: '2025-03-10T09:00:00+01:00', onHand: 1 }, rules).position;
    expect(p.countedAt).toBe('2025-03-10T08:00:00.000Z');
    expect(p.onHandAt).toBe('2025-03-10T08:00:00.000Z');
  });
});

describe('applyCount: usage from consecutive counts', () => {
  it('takes the first observation as the estimate when nothing was declared', () => {
    // (500 − 420) ÷ 2 days = 40/day
    const outcome = applyCount(counts(count(0, 500)), count(2, 420), rules);
    expect(outcome.observedUsage).toBe(40);
    expect(outcome.usageUpdated).toBe(true);
    expect(outcome.position).toMatchObject({ dailyUsage: 40, usageSource: 'estimated', lastCountOnHand: 420 });
  });

  it('smooths from the declared usage, then from the estimate', () => {
    // observed 40; 0.3 × 40 + 0.7 × 50 = 47
    const second = applyCount(counts(count(0, 500, { dailyUsage: 50 })), count(2, 420), rules);
    expect(second.position.dailyUsage).toBeCloseTo(47, 10);
    // observed (420 − 360) ÷ 1 = 60; 0.3 × 60 + 0.7 × 47 = 50.9
    const third = applyCount(second.position, count(3, 360), rules);
    expect(third.observedUsage).toBe(60);
    expect(third.position.dailyUsage).toBeCloseTo(50.9, 10);
  });

  it('counts receipts received in between', () => {
    let p = counts(count(0, 500, { dailyUsage: 50 }));
    p = applyReceipt(p, SKU, 300, iso(1));
    // (500 + 300 − 680) ÷ 2 = 60; 0.3 × 60 + 0.7 × 50 = 53
    const outcome = applyCount(p, count(2, 680), rules);
    expect(outcome.observedUsage).toBe(60);
    expect(outcome.position.dailyUsage).toBeCloseTo(53, 10);
    expect(outcome.position.receivedSinceCount).toBe(0);
  });

  it('follows the configured smoothing', () => {
    const p = counts(count(0, 500, { dailyUsage: 50 }));
    // 0.5 × 40 + 0.5 × 50 = 45
    expect(applyCount(p, count(2, 420), { ...rules, smoothing: 0.5 }).position.dailyUsage).toBeCloseTo(45, 10);
  });

  it('does not update usage from counts closer than the minimum interval', () => {
    const p = counts(count(0, 500, { dailyUsage: 50 }));
    const close = applyCount(p, count(0.4, 470), rules);
    expect(close).toMatchObject({ observedUsage: null, usageUpdated: false });
    expect(close.position).toMatchObject({ dailyUsage: 50, usageSource: 'declared', onHand: 470 });
    // exactly 0.5 days: (500 − 470) ÷ 0.5 = 60; 0.3 × 60 + 0.7 × 50 = 53
    const enough = applyCount(p, count(0.5, 470), rules);
    expect(enough.observedUsage).toBe(60);
    expect(enough.position.dailyUsage).toBeCloseTo(53, 10);
  });
});

describe('applyCount: a count higher than explained', () => {
  it('records an adjustment, never a negative usage', () => {
    const p = counts(count(0, 500, { dailyUsage: 50 }));
    const outcome = applyCount(p, count(1, 600), rules);
    expect(outcome).toMatchObject({ adjustment: 100, observedUsage: null, usageUpdated: false });
    expect(outcome.position).toMatchObject({ onHand: 600, dailyUsage: 50, usageSource: 'declared' });
  });

  it('measures the excess against receipts', () => {
    const p = applyReceipt(counts(count(0, 500, { dailyUsage: 50 })), SKU, 200, iso(0.5));
    expect(applyCount(p, count(1, 650), rules)).toMatchObject({ adjustment: 0, observedUsage: 50 });
    expect(applyCount(p, count(1, 750), rules)).toMatchObject({ adjustment: 50, observedUsage: null });
  });

  it('records the adjustment even for counts closer than the minimum interval', () => {
    const p = counts(count(0, 500, { dailyUsage: 50 }));
    expect(applyCount(p, count(0.1, 520), rules).adjustment).toBe(20);
  });
});

describe('applyCount: a count of zero', () => {
  const estimated = counts(count(0, 1000), count(2, 900)); // 50/day estimated

  it('does not lower the estimate', () => {
    expect(estimated.dailyUsage).toBe(50);
    // observed 900 ÷ 20 = 45 is only a lower bound; EWMA 0.3 × 45 + 0.7 × 50 = 48.5 would lower it
    const outcome = applyCount(estimated, count(22, 0), rules);
    expect(outcome.observedUsage).toBe(45);
    expect(outcome.position.dailyUsage).toBe(50);
  });

  it('may raise it', () => {
    // observed 900 ÷ 6 = 150; 0.3 × 150 + 0.7 × 50 = 80
    expect(applyCount(estimated, count(8, 0), rules).position.dailyUsage).toBeCloseTo(80, 10);
  });

  it('stays put over repeated zero counts', () => {
    const out = applyCount(applyCount(estimated, count(22, 0), rules).position, count(23, 0), rules);
    expect(out.observedUsage).toBe(0);
    expect(out.position.dailyUsage).toBe(50);
  });
});

describe('applyCount: declared usage', () => {
  it('replaces a declared usage while no estimate exists', () => {
    const p = counts(count(0, 500, { dailyUsage: 50 }), count(0.2, 490, { dailyUsage: 70 }));
    expect(p).toMatchObject({ dailyUsage: 70, usageSource: 'declared' });
  });

  it('is ignored once counts have produced an estimate', () => {
    const p = counts(count(0, 500), count(2, 420), count(3, 380, { dailyUsage: 100 }));
    // 40, then observed 40 again: 0.3 × 40 + 0.7 × 40 = 40; the declared 100 plays no part
    expect(p).toMatchObject({ dailyUsage: 40, usageSource: 'estimated' });
  });
});

describe('applyCount: late counts', () => {
  const current = counts(count(0, 500, { dailyUsage: 50 }), count(2, 400));

  it('leaves the position unchanged for a count older than the current one', () => {
    const outcome = applyCount(current, count(1, 10, { reorderLevel: 99 }), rules);
    expect(outcome).toEqual({
      position: current,
      late: true,
      lateReason: 'before-last-count',
      observedUsage: null,
      adjustment: 0,
      usageUpdated: false,
    });
  });

  it('applies a count at the same instant (not strictly earlier)', () => {
    expect(applyCount(current, count(2, 390), rules)).toMatchObject({ late: false, position: { onHand: 390 } });
  });

  it('leaves the position unchanged for a count older than a receipt already applied', () => {
    const received = applyReceipt(current, SKU, 300, iso(3));
    const outcome = applyCount(received, count(2.5, 380), rules);
    expect(outcome).toMatchObject({ late: true, lateReason: 'before-last-receipt' });
    expect(outcome.position).toBe(received);
  });
});

describe('applyCount: levels', () => {
  const p = counts(count(0, 500, { reorderLevel: 100, targetLevel: 900 }));

  it('keeps the stored levels when the count does not give them', () => {
    expect(applyCount(p, count(1, 450), rules).position).toMatchObject({ reorderLevel: 100, targetLevel: 900 });
  });

  it('replaces them when given, and clears them with null', () => {
    expect(applyCount(p, count(1, 450, { reorderLevel: 150 }), rules).position).toMatchObject({ reorderLevel: 150, targetLevel: 900 });
    expect(applyCount(p, count(1, 450, { targetLevel: null }), rules).position).toMatchObject({ reorderLevel: 100, targetLevel: null });
  });
});

describe('applyCount: invalid input', () => {
  it.each<[string, Partial<CountInput>]>([
    ['negative on hand', { onHand: -1 }],
    ['fractional on hand', { onHand: 1.5 }],
    ['negative reorder level', { reorderLevel: -5 }],
    ['negative declared usage', { dailyUsage: -1 }],
    ['NaN declared usage', { dailyUsage: Number.NaN }],
    ['a date that is not an ISO instant', { countedAt: '10/03/2025' }],
    ['an instant without an offset', { countedAt: '2025-03-10T08:00:00' }],
  ])('refuses %s', (_, bad) => {
    expect(() => applyCount(null, { ...count(0, 10), ...bad }, rules)).toThrow(RangeError);
  });

  it('refuses a count for another SKU', () => {
    expect(() => applyCount(counts(count(0, 10)), { ...count(1, 5), sku: 'APRON' }, rules)).toThrow('APRON');
  });
});

describe('applyReceipt', () => {
  it('starts a never-counted position without counting it', () => {
    expect(applyReceipt(null, SKU, 300, T0)).toEqual({
      ...emptyPosition(SKU),
      onHand: 300,
      onHandAt: T0,
      receivedSinceCount: 300,
    });
  });

  it('rebases on the projection at the receipt', () => {
    const p = counts(count(0, 500, { dailyUsage: 50 }));
    // 500 − 50 × 2 = 400 projected, + 300
    expect(applyReceipt(p, SKU, 300, iso(2))).toMatchObject({
      onHand: 700,
      onHandAt: iso(2),
      countedAt: T0,
      lastCountOnHand: 500,
      receivedSinceCount: 300,
    });
  });

  it('reduces inbound, never below zero', () => {
    const p = { ...counts(count(0, 500)), inbound: 100 };
    expect(applyReceipt(p, SKU, 30, iso(1)).inbound).toBe(70);
    expect(applyReceipt(p, SKU, 150, iso(1)).inbound).toBe(0);
  });

  it('does not add units received before the last count: the count saw them', () => {
    const p = { ...counts(count(1, 500, { dailyUsage: 50 })), inbound: 200 };
    expect(applyReceipt(p, SKU, 200, iso(0.5))).toEqual({ ...p, inbound: 0 });
  });

  it('adds an earlier receipt that arrives after a later one without projecting twice', () => {
    let p = counts(count(0, 500, { dailyUsage: 50 }));
    p = applyReceipt(p, SKU, 100, iso(2)); // 400 + 100 = 500 at day 2
    expect(applyReceipt(p, SKU, 50, iso(1))).toMatchObject({ onHand: 550, onHandAt: iso(2), receivedSinceCount: 150 });
  });

  it('refuses a quantity that is not a whole number >= 1', () => {
    expect(() => applyReceipt(null, SKU, 0, T0)).toThrow(RangeError);
    expect(() => applyReceipt(null, SKU, 2.5, T0)).toThrow(RangeError);
  });
});

describe('notAppliedReason', () => {

  const first = applyCount(null, { sku: 'MASK-IIR', countedAt: '2026-03-01T08:00:00Z', onHand: 500, dailyUsage: 10 }, rules).position;
  it('a repeat of the current count: repeats-current-count; a correction at the same instant or a new count: null; a late one: its late reason', () => {
    const repeat = applyCount(first, { sku: 'MASK-IIR', countedAt: '2026-03-01T08:00:00+00:00', onHand: 500, dailyUsage: 10 }, rules);
    expect(notAppliedReason(first, repeat, false)).toBe('repeats-current-count');
    const correction = applyCount(first, { sku: 'MASK-IIR', countedAt: '2026-03-01T08:00:00Z', onHand: 450, dailyUsage: 10 }, rules);
    expect(notAppliedReason(first, correction, true)).toBeNull();
    const later = applyCount(first, { sku: 'MASK-IIR', countedAt: '2026-03-02T08:00:00Z', onHand: 490 }, rules);
    expect(notAppliedReason(first, later, true)).toBeNull();
    const late = applyCount(first, { sku: 'MASK-IIR', countedAt: '2026-02-27T08:00:00Z', onHand: 600 }, rules);
    expect(notAppliedReason(first, late, false)).toBe('before-last-count');
    expect(notAppliedReason(null, applyCount(null, { sku: 'X', countedAt: '2026-03-01T08:00:00Z', onHand: 1 }, rules), true)).toBeNull();
  });
});
