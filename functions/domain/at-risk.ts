/**
 * "At risk", for the shortfall job and its index. The rule itself is `assessPosition`
 * (stock-position.ts), the same function status, the worklist, the export and the page use: a home
 * is flagged for an item it holds exactly when that item is not green at asOf (never counted,
 * silent, out, or short), with that reason.
 *
 * The job finds those positions by Query, not Scan: each position carries in the at-risk index
 * (GSI2, `RUNOUT#<shard>`) the earliest instant at which the rule can first turn it non-green,
 * given the stored state and the deployed thresholds. Between two writes a position's state does not
 * change, and every part of the rule only gets worse with time (the projection falls, the count
 * ages), so "not green at asOf" implies "risk-from ≤ asOf": the job asks for `GSI2SK ≤ asOf` and
 * re-checks every hit with the rule. Anything that changes the state (a count, a receipt, an
 * outbreak declared or ended) rewrites the position, and so its entry, in the same Put.
 */
import { MS_PER_DAY, canonicalInstant, instantMs } from './instants.ts';
import { forecastUsage, type PositionState, type RiskReason } from './stock-position.ts';
import type { StockRules } from './stock-rules.ts';

export type { RiskReason } from './stock-position.ts';

/** Sorts before every ISO instant: a position at risk from the moment it was written. */
export const AT_RISK_ALWAYS = '0000-00-00T00:00:00.000Z';

// The key is written a second early, so floating-point rounding of the thresholds can only make
// the index return a position slightly early (the rule then decides), never miss it.
const MARGIN_MS = 1_000;
// The projection's own tolerance for binary fractions (stock-position.ts).
const EPSILON = 1e-9;
const LATEST_INSTANT_MS = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/**
 * Days after onHandAt after which the supply part of the rule holds (strictly after); negative:
 * from the start; Infinity: never. out: the floored projection reaches 0; short: under
 * shortfallDays of forecast supply, or the floored projection at or below the reorder level.
 */
function supplyRiskAfterDays(p: PositionState, rules: StockRules): number {
  const usage = forecastUsage(p);
  const level = p.reorderLevel;
  if (p.onHand === 0 || (level !== null && p.onHand <= level)) return -1;
  if (usage <= 0) return Number.POSITIVE_INFINITY;
  const out = (p.onHand - 1 + EPSILON) / usage;
  const reorder = level === null ? Number.POSITIVE_INFINITY : (p.onHand - level - 1 + EPSILON) / usage;
  const days = p.onHand / usage - rules.shortfallDays;
  return Math.min(out, reorder, days);
}

/** The at-risk index value of a position: the earliest instant it can be shown other than green. */
export function riskFrom(p: PositionState, rules: StockRules): string {
  if (p.countedAt === null || p.onHandAt === null) return AT_RISK_ALWAYS;
  const supplyAfter = supplyRiskAfterDays(p, rules);
  if (supplyAfter < 0) return AT_RISK_ALWAYS;
  const staleAt = instantMs(p.countedAt) + rules.staleAfterDays * MS_PER_DAY;
  const supplyAt = instantMs(p.onHandAt) + supplyAfter * MS_PER_DAY;
  const ms = Math.floor(Math.min(staleAt, supplyAt)) - MARGIN_MS;
  return !(ms >= 0) ? AT_RISK_ALWAYS : canonicalInstant(Math.min(ms, LATEST_INSTANT_MS));
}

/** The bound the job queries the index with (`GSI2SK < bound`): every entry at or before asOf. */
export const atRiskBound = (asOf: Date): string => canonicalInstant(asOf.getTime() + 1);

/** The reasons of a flagged home, in the order records give them. */
export const REASON_ORDER = ['short', 'silent', 'out', 'never-counted', 'outbreak'] as const;
export type HomeReason = (typeof REASON_ORDER)[number];

export function orderReasons(reasons: Iterable<HomeReason | RiskReason>): HomeReason[] {
  const set = new Set<string>(reasons);
  return REASON_ORDER.filter((r) => set.has(r));
}
