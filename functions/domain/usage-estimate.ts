import { MS_PER_DAY, canonicalInstant, instantMs } from './instants.ts';
import { projectedOnHand } from './stock-position.ts';
import { roundRate } from './rates.ts';
import type { PositionState } from './stock-position.ts';
import type { StockRules } from './stock-rules.ts';

export interface CountInput {
  sku: string;
  countedAt: string;
  onHand: number;
  /** Replaces the stored level when given; null clears it; undefined keeps it. */
  reorderLevel?: number | null;
  targetLevel?: number | null;
  /** Declared usage, units/day: used only until counts give an estimate (see applyCount). */
  dailyUsage?: number;
}

/**
 * Why a count did not replace the position:
 * - before-last-count: older than the current count (ARCHITECTURE §3: history only);
 * - before-last-receipt: newer than the last count but older than a receipt already applied. The state keeps
 *   only the total received since the count, so it cannot tell which receipts this count already includes;
 *   applying it would silently drop the later receipt and understate stock.
 */
export type LateReason = 'before-last-count' | 'before-last-receipt';

export interface CountOutcome {
  position: PositionState;
  /** The count is history only: position is returned unchanged. */
  late: boolean;
  lateReason: LateReason | null;
  /** (lastCountOnHand + receivedSinceCount − onHand) ÷ days, when it could be measured; null otherwise. */
  observedUsage: number | null;
  /** Units of unrecorded receipt (count higher than explained by receipts), >= 0. */
  adjustment: number;
  usageUpdated: boolean;
}

export function emptyPosition(sku: string): PositionState {
  return {
    sku,
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
  };
}

function requireWholeUnits(name: string, value: number, min: number): void {
  if (!Number.isInteger(value) || value < min) throw new RangeError(`${name} must be a whole number >= ${min}, got ${value}`);
}

function requireSameSku(current: PositionState | null, sku: string): void {
  if (current !== null && current.sku !== sku) {
    throw new Error(`Position is for SKU "${current.sku}", not "${sku}"`);
  }
}

function validateCount(count: CountInput): void {
  requireWholeUnits('onHand', count.onHand, 0);
  if (count.reorderLevel != null) requireWholeUnits('reorderLevel', count.reorderLevel, 0);
  if (count.targetLevel != null) requireWholeUnits('targetLevel', count.targetLevel, 0);
  if (count.dailyUsage !== undefined && !(Number.isFinite(count.dailyUsage) && count.dailyUsage >= 0)) {
    throw new RangeError(`dailyUsage must be a finite number >= 0, got ${count.dailyUsage}`);
  }
}

function lateness(p: PositionState, countedMs: number): LateReason | null {
  if (p.countedAt !== null && countedMs < instantMs(p.countedAt)) return 'before-last-count';
  if (p.onHandAt !== null && countedMs < instantMs(p.onHandAt)) return 'before-last-receipt';
  return null;
}

/**
 * Applies a physical count. Usage (ARCHITECTURE §2) is observed between this count and the previous one and
 * smoothed by EWMA from the current estimate (the declared usage until the first observation).
 *
 * Declared usage on a count is taken only while usageSource is 'none' or 'declared'. Once counts have produced
 * an estimate, a declared value is ignored — not even used as the EWMA prior — because evidence beats a planning
 * guess, and spreadsheets repeat the declared column on every upload: re-seeding from it each day would pin the
 * estimate to the guess.
 */
export function applyCount(current: PositionState | null, count: CountInput, rules: StockRules): CountOutcome {
  validateCount(count);
  requireSameSku(current, count.sku);
  const countedMs = instantMs(count.countedAt);
  const base = current ?? emptyPosition(count.sku);

  const lateReason = lateness(base, countedMs);
  if (lateReason !== null) {
    return { position: base, late: true, lateReason, observedUsage: null, adjustment: 0, usageUpdated: false };
  }

  let dailyUsage = base.dailyUsage;
  let usageSource = base.usageSource;
  if (count.dailyUsage !== undefined && usageSource !== 'estimated') {
    dailyUsage = roundRate(count.dailyUsage);
    usageSource = 'declared';
  }

  let observedUsage: number | null = null;
  let adjustment = 0;
  let usageUpdated = false;
  if (base.countedAt !== null && base.lastCountOnHand !== null) {
    const consumed = base.lastCountOnHand + base.receivedSinceCount - count.onHand;
    const days = (countedMs - instantMs(base.countedAt)) / MS_PER_DAY;
    if (consumed < 0) {
      // More than the last count plus receipts: stock arrived unrecorded. Usage over the interval is unknowable.
      adjustment = -consumed;
    } else if (days > 0 && days >= rules.minUsageIntervalDays) {
      observedUsage = consumed / days;
      const smoothed =
        usageSource === 'none' ? observedUsage : rules.smoothing * observedUsage + (1 - rules.smoothing) * dailyUsage;
      // A zero count: the home ran out at an unknown time, so the observation is only a lower bound on usage.
      dailyUsage = roundRate(count.onHand === 0 ? Math.max(usageSource === 'none' ? 0 : dailyUsage, smoothed) : smoothed);
      usageSource = 'estimated';
      usageUpdated = true;
    }
  }

  const at = canonicalInstant(countedMs);
  const position: PositionState = {
    sku: base.sku,
    onHand: count.onHand,
    onHandAt: at,
    countedAt: at,
    lastCountOnHand: count.onHand,
    receivedSinceCount: 0,
    dailyUsage,
    usageSource,
    reorderLevel: count.reorderLevel === undefined ? base.reorderLevel : count.reorderLevel,
    targetLevel: count.targetLevel === undefined ? base.targetLevel : count.targetLevel,
    inbound: base.inbound,
    ...(base.outbreak ? { outbreak: base.outbreak } : {}),
  };
  return { position, late: false, lateReason: null, observedUsage, adjustment, usageUpdated };
}

/**
 * Applies a receipt: onHand is rebased to the projection at receivedAt plus the units, so the run-out date
 * moves. Receipts are placed in time relative to the position:
 * - before the last count: that count already saw the units; only inbound goes down;
 * - between the last count and a later receipt: added to onHand without rebasing (the consumption from
 *   onHandAt onwards is already projected), and to receivedSinceCount;
 * - otherwise: rebased at receivedAt.
 */
export function applyReceipt(
  current: PositionState | null,
  sku: string,
  quantity: number,
  receivedAt: string,
): PositionState {
  requireWholeUnits('quantity', quantity, 1);
  requireSameSku(current, sku);
  const receivedMs = instantMs(receivedAt);
  const base = current ?? emptyPosition(sku);
  const inbound = Math.max(0, base.inbound - quantity);

  if (base.countedAt !== null && receivedMs < instantMs(base.countedAt)) return { ...base, inbound };

  const receivedSinceCount = base.receivedSinceCount + quantity;
  if (base.onHandAt !== null && receivedMs < instantMs(base.onHandAt)) {
    return { ...base, onHand: base.onHand + quantity, receivedSinceCount, inbound };
  }
  return {
    ...base,
    onHand: projectedOnHand(base, new Date(receivedMs)) + quantity,
    onHandAt: canonicalInstant(receivedMs),
    receivedSinceCount,
    inbound,
  };
}

/** Why a count line did not change its position: it is late, or it repeats the current count. */
export type NotAppliedReason = LateReason | 'repeats-current-count';

/**
 * A line not applied, and why: late (history only), or the very count the position already holds
 * (the same instant, and nothing it would change) — a re-posted file, answered as such rather than
 * as a fresh count. A count at the same instant with another figure is a correction, and applies.
 */
export function notAppliedReason(current: PositionState | null, outcome: CountOutcome, changes: boolean): NotAppliedReason | null {
  if (outcome.late) return outcome.lateReason;
  const repeats = current !== null && current.countedAt !== null && !changes && instantMs(current.countedAt) === instantMs(outcome.position.countedAt ?? '');
  return repeats ? 'repeats-current-count' : null;
}
