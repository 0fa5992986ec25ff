/**
 * Recounts: a count that says it corrects the position's latest count (`corrects: <countId>`).
 * A low miscount followed by an upward recount would otherwise leave the miscount's inflated usage
 * observation in the estimate, and the recount would be taken for an unrecorded receipt. Instead the
 * corrected count's observation is withdrawn: the position is taken back to where it stood before
 * that count (the count before it, the estimate before it, every receipt since the count before it,
 * all from the history), and the recount is applied to that, as if the miscount had never been.
 * The history keeps both: the miscount marked as corrected, the recount saying what it corrects.
 */
import type { StockEvent } from '../data/stock-items.ts';
import type { PositionState } from './stock-position.ts';

export type CorrectionRefusal = 'unknown-count' | 'not-latest-count';

/**
 * The state the recount applies to, or why it cannot: the corrected count must be in `history`
 * (the position's events, newest first), a count that was applied, and the position's latest.
 */
export function stateBeforeCount(current: PositionState, history: readonly StockEvent[], correctedId: string): { state: PositionState } | { refused: CorrectionRefusal } {
  const index = history.findIndex((e) => e.eventId === correctedId);
  const corrected = history[index];
  if (!corrected || corrected.kind !== 'count' || !corrected.applied) return { refused: 'unknown-count' };
  if (corrected.at !== current.countedAt) return { refused: 'not-latest-count' };
  const before = history.slice(index + 1).filter((e) => e.applied);
  const previous = before.find((e) => e.kind === 'count' && e.onHand !== null);
  const usageEvent = before.find((e) => e.dailyUsage !== null);
  // No count before it: the corrected count was the first, and its declared usage (if any) stands.
  const dailyUsage = usageEvent?.dailyUsage ?? (previous ? current.dailyUsage : (corrected.dailyUsage ?? 0));
  const estimated = before.some((e) => e.kind === 'count' && e.observedUsage !== null);
  const since = (e: StockEvent) => previous !== undefined && e.at >= previous.at;
  const received = history
    .slice(0, index)
    .concat(before)
    .filter((e) => e.applied && e.quantity !== null && since(e))
    .reduce((sum, e) => sum + (e.kind === 'receipt' ? e.quantity! : e.kind === 'dispatch' ? -e.quantity! : 0), 0);
  return {
    state: {
      ...current,
      countedAt: previous?.at ?? null,
      lastCountOnHand: previous?.onHand ?? null,
      receivedSinceCount: previous ? Math.max(0, received) : 0,
      dailyUsage,
      usageSource: estimated ? 'estimated' : dailyUsage > 0 ? 'declared' : 'none',
      // Lateness is judged against the corrected count, not the older one the state goes back to.
      onHandAt: current.onHandAt,
    },
  };
}
