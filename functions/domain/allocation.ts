/**
 * Fair allocation of a store's stock when it cannot cover every approved line.
 *
 * Per SKU, independently: units go one at a time to the home with the fewest days of supply
 * (computed without looping per unit, see fewest-days-first.ts). Ties go to the oldest request.
 *
 * Homes reporting no usage would never run out, so they come after every home that is using stock,
 * oldest request first. A home with several requests is one demand, filled oldest request first.
 */

import { fewestDaysFirst } from './fewest-days-first.ts';

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
  const counts = fewestDaysFirst(
    using.map((h) => ({ onHand: h.onHand, dailyUsage: h.usage, wanted: h.approved })),
    forUsing,
  );
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
