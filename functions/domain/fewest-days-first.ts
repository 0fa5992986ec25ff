/**
 * Water-filling by days of supply, in whole units, without handing units out one by one.
 *
 * Unit k of a home (counting from 0) is handed out while the home stands at (onHand + k) / usage
 * days: call that the unit's price. Handing units out one at a time to the home with the fewest days
 * picks exactly the `units` cheapest prices overall. So: find the water level at which that many
 * units are priced at or below it (a walk over 2 breakpoints per home), count each home's units under
 * it, and settle the few units the floating-point level got wrong with a heap. The cost grows with
 * the number of homes, not with the number of units.
 */

import { BinaryHeap } from './binary-heap.ts';

export interface HomeNeed {
  /** Units on hand now (≥ 0). */
  onHand: number;
  /** Units used per day (> 0: homes without usage never run out and are served separately). */
  dailyUsage: number;
  /** Whole units the home may receive at most. */
  wanted: number;
}

/**
 * How many units each home gets when `units` are handed out one at a time, each to the home with the
 * fewest days of supply at that moment, never beyond what it wants; ties go to the home earlier in
 * `homes`. Every home must have dailyUsage > 0.
 */
export function fewestDaysFirst(homes: HomeNeed[], units: number): number[] {
  const wantedTotal = homes.reduce((sum, h) => sum + h.wanted, 0);
  if (units >= wantedTotal) return homes.map((h) => h.wanted);
  if (units <= 0) return homes.map(() => 0);
  const level = waterLevel(homes, units);
  const counts = homes.map((home) => unitsPricedAtOrBelow(home, level));
  let surplus = counts.reduce((a, b) => a + b, 0) - units;

  // The level is exact only in real arithmetic; settle the difference a unit at a time, always
  // taking back the dearest unit handed out or handing out the cheapest one not yet given.
  const indexes = homes.map((_, i) => i);
  if (surplus > 0) {
    const lastGiven = (i: number) => counts[i]! - 1;
    const dearestFirst = new BinaryHeap<number>(
      (a, b) => compareUnits(b, lastGiven(b), a, lastGiven(a)),
      indexes.filter((i) => counts[i]! > 0),
    );
    for (; surplus > 0; surplus -= 1) {
      const i = dearestFirst.pop()!;
      counts[i] = lastGiven(i);
      if (counts[i]! > 0) dearestFirst.push(i);
    }
  }
  if (surplus < 0) {
    const cheapestFirst = new BinaryHeap<number>(
      (a, b) => compareUnits(a, counts[a]!, b, counts[b]!),
      indexes.filter((i) => counts[i]! < homes[i]!.wanted),
    );
    for (; surplus < 0; surplus += 1) {
      const i = cheapestFirst.pop()!;
      counts[i] = counts[i]! + 1;
      if (counts[i]! < homes[i]!.wanted) cheapestFirst.push(i);
    }
  }
  return counts;

  function compareUnits(i: number, k: number, j: number, l: number): number {
    return unitPrice(homes[i]!, k) - unitPrice(homes[j]!, l) || i - j;
  }
}

function unitPrice(home: HomeNeed, k: number): number {
  return (home.onHand + k) / home.dailyUsage;
}

/** The level L (in days) at which Σ clamp(L·usage − onHand, 0, wanted) reaches `units`. */
function waterLevel(homes: HomeNeed[], units: number): number {
  // The sum is piecewise linear: each home starts filling at onHand/usage and is full at
  // (onHand + wanted)/usage. Walk the breakpoints until the target falls inside a segment.
  const breakpoints = homes
    .flatMap((h) => [
      { at: h.onHand / h.dailyUsage, slope: h.dailyUsage },
      { at: (h.onHand + h.wanted) / h.dailyUsage, slope: -h.dailyUsage },
    ])
    .sort((a, b) => a.at - b.at);
  let filled = 0;
  let slope = 0;
  let at = breakpoints[0]?.at ?? 0;
  for (const point of breakpoints) {
    const next = filled + slope * (point.at - at);
    if (next >= units && slope > 0) return at + (units - filled) / slope;
    filled = next;
    at = point.at;
    slope += point.slope;
  }
  return at;
}

/** Units k < wanted with price ≤ level; the estimate is corrected so it agrees with unitPrice exactly. */
function unitsPricedAtOrBelow(home: HomeNeed, level: number): number {
  let k = Math.min(home.wanted, Math.max(0, Math.floor(level * home.dailyUsage - home.onHand) + 1));
  while (k > 0 && unitPrice(home, k - 1) > level) k -= 1;
  while (k < home.wanted && unitPrice(home, k) <= level) k += 1;
  return k;
}
