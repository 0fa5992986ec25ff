import { MS_PER_DAY, canonicalInstant, instantMs } from './instants.ts';
import type { StockRules } from './stock-rules.ts';
import { forecastOf, type OutbreakUsage, type UsageBasis } from './forecast.ts';

export type StockStatus = 'red' | 'amber' | 'green' | 'unknown';
export type UsageSource = 'declared' | 'estimated' | 'none';

/** The stored state of one position (location × SKU). Everything else is derived from it and an asOf instant. */
export interface PositionState {
  sku: string;
  /** Whole units known at onHandAt: the last count, plus receipts since (rebased at each receipt). */
  onHand: number;
  /** Instant the onHand figure refers to; null = never counted and never received. */
  onHandAt: string | null;
  /** Instant of the last physical count (drives staleness); null = never counted. */
  countedAt: string | null;
  /** The on-hand figure of that last count, for the next usage estimate. */
  lastCountOnHand: number | null;
  /** Units received since the last count, for the next usage estimate. */
  receivedSinceCount: number;
  /** Units per day, >= 0. Declared until two counts give an estimate. */
  dailyUsage: number;
  usageSource: UsageSource;
  reorderLevel: number | null;
  targetLevel: number | null;
  /** Units approved or dispatched but not yet received. */
  inbound: number;
  /** Set while the home has an open outbreak (forecast.ts); absent or null otherwise. */
  outbreak?: OutbreakUsage | null;
}

export interface PositionView {
  sku: string;
  onHand: number;
  projectedOnHand: number;
  /** The usage estimate (declared until counts give one). */
  dailyUsage: number;
  /** The usage every figure below is computed with: the estimate, or the outbreak's forecast (forecast.ts). */
  forecastUsage: number;
  usageBasis: UsageBasis;
  /** Rounded to 2 decimals; null when usage is 0 or the position was never counted. */
  daysOfSupply: number | null;
  runoutDate: string | null;
  status: StockStatus;
  reorderLevel: number | null;
  targetLevel: number | null;
  suggestedOrder: number;
  countedAt: string | null;
}

/** The usage the position is planned with: the estimate, or the open outbreak's forecast. */
export function forecastUsage(p: PositionState): number {
  return forecastOf(p.dailyUsage, p.outbreak).usage;
}

// Absorbs binary fractions (0.1 × 3 = 0.30000000000000004) before whole-unit rounding.
const EPSILON = 1e-9;

// Past this the ISO string needs an expanded year ("+010000-…") and no longer sorts in an index.
const LATEST_INSTANT_MS = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/** Unrounded projection. A clock that reads earlier than onHandAt projects no consumption rather than extra stock. */
function exactProjection(p: PositionState, asOf: Date): number {
  const usage = forecastUsage(p);
  if (p.onHandAt === null || usage <= 0) return p.onHand;
  const days = Math.max(0, (asOf.getTime() - instantMs(p.onHandAt)) / MS_PER_DAY);
  return Math.max(0, p.onHand - usage * days);
}

/** max(0, onHand − dailyUsage × days since onHandAt), floored to whole units. */
export function projectedOnHand(p: PositionState, asOf: Date): number {
  return Math.min(p.onHand, Math.max(0, Math.floor(exactProjection(p, asOf) + EPSILON)));
}

/**
 * Projected on hand ÷ daily usage, unrounded; null when usage is 0 or the position was never counted.
 * It divides the exact projection, not the floored one, so that daysOfSupply(asOf) < N exactly when
 * runoutDate < asOf + N days: the shortfall job's query on the run-out index and this rule agree.
 */
export function daysOfSupply(p: PositionState, asOf: Date): number | null {
  const usage = forecastUsage(p);
  if (usage <= 0 || p.countedAt === null) return null;
  return exactProjection(p, asOf) / usage;
}

/**
 * onHandAt + onHand ÷ dailyUsage. Independent of asOf, so it can be stored and indexed; it changes only on a
 * count or a receipt. Null when usage is 0 or never counted; capped at 9999-12-31 so it stays sortable.
 */
export function runoutDate(p: PositionState): string | null {
  const usage = forecastUsage(p);
  if (usage <= 0 || p.countedAt === null || p.onHandAt === null) return null;
  const ms = instantMs(p.onHandAt) + (p.onHand / usage) * MS_PER_DAY;
  return canonicalInstant(Math.min(Math.floor(ms), LATEST_INSTANT_MS));
}

/** Stale means strictly older than staleAfterDays: a count exactly at the limit still counts. */
function isStale(p: PositionState, asOf: Date, rules: StockRules): boolean {
  if (p.countedAt === null) return true;
  return asOf.getTime() - instantMs(p.countedAt) > rules.staleAfterDays * MS_PER_DAY;
}

/** Why a position is not green: the reasons a shortfall record gives (at-risk.ts). */
export type RiskReason = 'short' | 'silent' | 'out' | 'never-counted';

export interface PositionAssessment {
  status: StockStatus;
  /** null exactly when status is green. */
  reason: RiskReason | null;
}

/**
 * THE rule for "at risk", written once: status, the worklist, the export, the page and the shortfall
 * job all follow it. A position is at risk when it was never counted (unknown), its count is stale
 * (unknown, "silent"), nothing is left (red, "out"), or it has under shortfallDays of forecast supply
 * or is at or below its reorder level (amber, red under criticalDays: "short"). Green otherwise.
 */
export function assessPosition(p: PositionState, asOf: Date, rules: StockRules): PositionAssessment {
  if (p.countedAt === null) return { status: 'unknown', reason: 'never-counted' };
  if (isStale(p, asOf, rules)) return { status: 'unknown', reason: 'silent' };
  const projected = projectedOnHand(p, asOf);
  if (projected === 0) return { status: 'red', reason: 'out' };
  const days = daysOfSupply(p, asOf);
  if (days !== null && days < rules.criticalDays) return { status: 'red', reason: 'short' };
  if ((days !== null && days < rules.shortfallDays) || (p.reorderLevel !== null && projected <= p.reorderLevel)) {
    return { status: 'amber', reason: 'short' };
  }
  return { status: 'green', reason: null };
}

export function positionStatus(p: PositionState, asOf: Date, rules: StockRules): StockStatus {
  return assessPosition(p, asOf, rules).status;
}

/** The order-up-to level: the set target, else dailyUsage × defaultTargetDays rounded up. */
export function orderUpToLevel(p: PositionState, rules: StockRules): number {
  return p.targetLevel ?? Math.max(0, Math.ceil(forecastUsage(p) * rules.defaultTargetDays - EPSILON));
}

/** Amber or red only: target − projected − inbound, rounded up to whole packs, never negative. */
export function suggestedOrder(p: PositionState, asOf: Date, packSize: number, rules: StockRules): number {
  if (!Number.isInteger(packSize) || packSize < 1) {
    throw new RangeError(`packSize must be a whole number >= 1, got ${packSize}`);
  }
  const status = positionStatus(p, asOf, rules);
  if (status !== 'amber' && status !== 'red') return 0;
  const shortBy = orderUpToLevel(p, rules) - projectedOnHand(p, asOf) - p.inbound;
  return shortBy <= 0 ? 0 : Math.ceil(shortBy / packSize) * packSize;
}

export function viewPosition(p: PositionState, asOf: Date, packSize: number, rules: StockRules): PositionView {
  const days = daysOfSupply(p, asOf);
  const forecast = forecastOf(p.dailyUsage, p.outbreak);
  return {
    sku: p.sku,
    onHand: p.onHand,
    projectedOnHand: projectedOnHand(p, asOf),
    dailyUsage: p.dailyUsage,
    forecastUsage: forecast.usage,
    usageBasis: forecast.basis,
    daysOfSupply: days === null ? null : Math.round(days * 100) / 100,
    runoutDate: runoutDate(p),
    status: positionStatus(p, asOf, rules),
    reorderLevel: p.reorderLevel,
    targetLevel: p.targetLevel,
    suggestedOrder: suggestedOrder(p, asOf, packSize, rules),
    countedAt: p.countedAt,
  };
}

// Unknown sits between green and amber: a silent home needs a call, but a home known to be short needs stock first.
const severity: Record<StockStatus, number> = { red: 0, amber: 1, unknown: 2, green: 3 };

/** Comparator for Array.prototype.sort: worst first (red, amber, unknown, green). */
export function compareStatusSeverity(a: StockStatus, b: StockStatus): number {
  return severity[a] - severity[b];
}

/** A location's top-level status is its worst item's; an empty list is unknown. */
export function worstStatus(statuses: readonly StockStatus[]): StockStatus {
  let worst: StockStatus | undefined;
  for (const s of statuses) if (worst === undefined || compareStatusSeverity(s, worst) < 0) worst = s;
  return worst ?? 'unknown';
}
