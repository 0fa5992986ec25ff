import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fewestDaysFirst, type HomeNeed } from '../../functions/domain/fewest-days-first.ts';

/** The rule as stated: one unit at a time to the home with the fewest days; ties to the earlier home. */
function oneAtATime(homes: HomeNeed[], units: number): number[] {
  const counts = homes.map(() => 0);
  for (let u = 0; u < units; u += 1) {
    let best = -1;
    homes.forEach((h, i) => {
      if (counts[i]! >= h.wanted) return;
      const days = (h.onHand + counts[i]!) / h.dailyUsage;
      if (best < 0 || days < (homes[best]!.onHand + counts[best]!) / homes[best]!.dailyUsage) best = i;
    });
    if (best < 0) break;
    counts[best]! += 1;
  }
  return counts;
}

const needs = fc.array(
  fc.record({
    onHand: fc.oneof(fc.nat(5000), fc.double({ min: 0, max: 5000, noNaN: true })),
    dailyUsage: fc.oneof(fc.integer({ min: 1, max: 500 }), fc.double({ min: 0.001, max: 1000, noNaN: true })),
    wanted: fc.nat(3000),
  }),
  { minLength: 1, maxLength: 12 },
);

describe('fewestDaysFirst', () => {
  it('lifts the lowest home first, then levels', () => {
    // Days before: 0, 5 and 20. 300 units lift the first two to 17.5 days; the third gets none.
    const homes = [
      { onHand: 0, dailyUsage: 10, wanted: 500 },
      { onHand: 50, dailyUsage: 10, wanted: 500 },
      { onHand: 200, dailyUsage: 10, wanted: 500 },
    ];
    expect(fewestDaysFirst(homes, 300)).toEqual([175, 125, 0]);
  });

  it('never gives a home more than it wants, nor more than the units', () => {
    expect(fewestDaysFirst([{ onHand: 0, dailyUsage: 1, wanted: 3 }], 10)).toEqual([3]);
    expect(fewestDaysFirst([{ onHand: 0, dailyUsage: 1, wanted: 3 }], 0)).toEqual([0]);
  });

  it('matches handing out one unit at a time, for awkward floating-point figures (property)', () => {
    fc.assert(
      fc.property(needs, fc.double({ min: 0, max: 1, noNaN: true }), (homes, share) => {
        const units = Math.floor(homes.reduce((s, h) => s + h.wanted, 0) * share);
        expect(fewestDaysFirst(homes, units)).toEqual(oneAtATime(homes, units));
      }),
      { numRuns: 200 },
    );
  });

  it('handles a national-sized store quickly', () => {
    const homes = Array.from({ length: 5000 }, (_, i) => ({
      onHand: (i * 7919) % 3000,
      dailyUsage: 1 + (i % 97),
      wanted: 2000,
    }));
    const started = performance.now();
    const counts = fewestDaysFirst(homes, 4_000_000);
    expect(performance.now() - started).toBeLessThan(1500);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(4_000_000);
  });
});
