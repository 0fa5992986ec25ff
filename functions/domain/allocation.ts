/**
 * Fair allocation of a store's stock when it cannot cover every approved line.
 *
 * Per SKU, independently. The rule is "hand out units one at a time, each to the home with the fewest
 * days of supply", which is water-filling. Unit k of a home (counting from 0) is handed out while the
 * home stands at (onHand + k) / usage days — call that the unit's price. One-at-a-time handing out
 * picks exactly the cheapest units overall, so we find the water level where that many units are
 * priced at or below it and only settle the last few units one by one: the cost grows with the number
 * of homes, not with the number of units.
 *
 * Homes reporting no usage would never run out, so they come after every home that is using stock,
 * oldest request first. A home with several requests is one demand, filled oldest request first.
 */

import { BinaryHeap } from './binary-heap.ts';

export interface AllocationRequest {
  requestId: string;
  homeId: string;
  createdAt: string;
  lines: { sku: string; approved: number }[];
}

/** The home's current position for one SKU. Missing: unknown supply, treated as 0 on hand and 0 usage. */
export interface HomeSupply {
  homeId: string;
  sku: string;
  projectedOnHand: number;
  dailyUsage: number;
}

export interface AllocationLine {
  sku: string;
  approved: number;
  allocated: number;
  /** Why the line got less than approved, for a store manager; null when it got everything. */
  reason: string | null;
}

export interface Allocation {
  homeId: string;
  requestId: string;
  lines: AllocationLine[];
}

export interface AllocationInput {
  stock: Record<string, number>;
  requests: AllocationRequest[];
  supply: HomeSupply[];
}

/** Days of supply once `allocated` units arrive; Infinity when the home uses none (or is unknown). */
export function daysAfter(
  supply: Pick<HomeSupply, 'projectedOnHand' | 'dailyUsage'> | undefined,
  allocated: number,
): number {
  const usage = usageOf(supply);
  if (usage === 0) return Infinity;
  return (onHandOf(supply) + allocated) / usage;
}

/** Allocations in the order of `requests`, lines in the order of each request. */
export function allocate(input: AllocationInput): Allocation[] {
  const supplyByKey = new Map(input.supply.map((s) => [supplyKey(s.homeId, s.sku), s]));
  const bySku = new Map<string, Demand[]>();
  const allocations = input.requests.map((request) => ({
    homeId: request.homeId,
    requestId: request.requestId,
    lines: request.lines.map((line, lineIndex) => {
      const out: AllocationLine = { sku: line.sku, approved: wholeUnits(line.approved), allocated: 0, reason: null };
      const demands = bySku.get(line.sku) ?? [];
      demands.push({ request, lineIndex, line: out });
      bySku.set(line.sku, demands);
      return out;
    }),
  }));
  for (const [sku, demands] of bySku) {
    allocateSku(sku, wholeUnits(input.stock[sku] ?? 0), demands, (homeId) => supplyByKey.get(supplyKey(homeId, sku)));
  }
  return allocations;
}

interface Demand {
  request: AllocationRequest;
  lineIndex: number;
  line: AllocationLine;
}

interface HomeDemand {
  homeId: string;
  supply: HomeSupply | undefined;
  onHand: number;
  usage: number;
  /** Oldest first: the home's requests are sequential demand. */
  demands: Demand[];
  approved: number;
  allocated: number;
}

function allocateSku(
  sku: string,
  stock: number,
  demands: Demand[],
  supplyOf: (homeId: string) => HomeSupply | undefined,
): void {
  const approvedTotal = demands.reduce((sum, d) => sum + d.line.approved, 0);
  if (stock >= approvedTotal) {
    for (const d of demands) d.line.allocated = d.line.approved;
    return;
  }

  // Sorting demands by age first makes each home's demands oldest-first and the homes themselves
  // ordered by their oldest request: that order is the tie-break everywhere below.
  demands.sort(byRequestAge);
  const homes = new Map<string, HomeDemand>();
  for (const d of demands) {
    let home = homes.get(d.request.homeId);
    if (!home) {
      const supply = supplyOf(d.request.homeId);
      home = {
        homeId: d.request.homeId,
        supply,
        onHand: onHandOf(supply),
        usage: usageOf(supply),
        demands: [],
        approved: 0,
        allocated: 0,
      };
      homes.set(home.homeId, home);
    }
    home.demands.push(d);
    home.approved += d.line.approved;
  }

  const using = [...homes.values()].filter((h) => h.usage > 0 && h.approved > 0);
  const usingDemand = using.reduce((sum, h) => sum + h.approved, 0);
  const forUsing = Math.min(stock, usingDemand);
  const counts = cheapestUnits(using, forUsing);
  using.forEach((home, i) => {
    home.allocated = counts[i] ?? 0;
    fillOldestFirst(home.demands, home.allocated);
  });

  // Homes without usage: whatever is left, by request age across homes.
  let left = stock - forUsing;
  for (const d of demands) {
    const home = homes.get(d.request.homeId);
    if (!home || home.usage > 0) continue;
    d.line.allocated = Math.min(d.line.approved, left);
    home.allocated += d.line.allocated;
    left -= d.line.allocated;
  }

  const shortage =
    `Store short of ${sku}: ${thousands(stock)} of ${thousands(approvedTotal)} approved units available; ` +
    'allocated by fewest days of supply';
  for (const home of homes.values()) {
    for (const d of home.demands) {
      if (d.line.allocated < d.line.approved) d.line.reason = `${shortage} (${homeStanding(home)}).`;
    }
  }
}

function homeStanding(home: HomeDemand): string {
  if (home.usage > 0) return `this home ${daysAfter(home.supply, home.allocated).toFixed(1)} days after allocation`;
  if (!home.supply) return 'no stock position recorded for this home, so homes with known usage came first';
  return 'this home reports no daily usage, so homes using stock came first';
}

/**
 * How many units each home gets when `units` are handed out one at a time to the home with the
 * fewest days of supply (ties: earlier in `homes`). Equivalently: the `units` cheapest unit prices.
 */
function cheapestUnits(homes: HomeDemand[], units: number): number[] {
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
      indexes.filter((i) => counts[i]! < homes[i]!.approved),
    );
    for (; surplus < 0; surplus += 1) {
      const i = cheapestFirst.pop()!;
      counts[i] = counts[i]! + 1;
      if (counts[i]! < homes[i]!.approved) cheapestFirst.push(i);
    }
  }
  return counts;

  function compareUnits(i: number, k: number, j: number, l: number): number {
    return unitPrice(homes[i]!, k) - unitPrice(homes[j]!, l) || i - j;
  }
}

function unitPrice(home: HomeDemand, k: number): number {
  return (home.onHand + k) / home.usage;
}

/** The level L (in days) at which Σ clamp(L·usage − onHand, 0, approved) reaches `units`. */
function waterLevel(homes: HomeDemand[], units: number): number {
  // The sum is piecewise linear: each home starts filling at onHand/usage and is full at
  // (onHand + approved)/usage. Walk the breakpoints until the target falls inside a segment.
  const breakpoints = homes
    .flatMap((h) => [
      { at: h.onHand / h.usage, slope: h.usage },
      { at: (h.onHand + h.approved) / h.usage, slope: -h.usage },
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

/** Units k < approved with price ≤ level; the estimate is corrected so it agrees with unitPrice exactly. */
function unitsPricedAtOrBelow(home: HomeDemand, level: number): number {
  let k = Math.min(home.approved, Math.max(0, Math.floor(level * home.usage - home.onHand) + 1));
  while (k > 0 && unitPrice(home, k - 1) > level) k -= 1;
  while (k < home.approved && unitPrice(home, k) <= level) k += 1;
  return k;
}

function fillOldestFirst(demands: Demand[], units: number): void {
  let left = units;
  for (const d of demands) {
    d.line.allocated = Math.min(d.line.approved, left);
    left -= d.line.allocated;
  }
}

function byRequestAge(a: Demand, b: Demand): number {
  return (
    compareText(a.request.createdAt, b.request.createdAt) ||
    compareText(a.request.requestId, b.request.requestId) ||
    a.lineIndex - b.lineIndex
  );
}

// Unusable figures (negative, NaN, infinite) count as nothing on hand / no usage, never as stock.
function onHandOf(supply: Pick<HomeSupply, 'projectedOnHand'> | undefined): number {
  const n = supply?.projectedOnHand ?? 0;
  return Number.isFinite(n) && n > 0 ? n : 0;
}

function usageOf(supply: Pick<HomeSupply, 'dailyUsage'> | undefined): number {
  const n = supply?.dailyUsage ?? 0;
  return Number.isFinite(n) && n > 0 ? n : 0;
}

function supplyKey(homeId: string, sku: string): string {
  return JSON.stringify([homeId, sku]);
}

/** Whole, non-negative units: anything else from upstream is a bug, but must not create stock. */
function wholeUnits(n: number): number {
  return Number.isFinite(n) && n > 0 ? Math.floor(n) : 0;
}

function thousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
