/**
 * The usage a position is planned with: its estimate, or, while its home has an open outbreak, the
 * larger of the estimate and the usage before the outbreak plus the surge the isolating residents
 * bring (isolatingResidents × the item's perCaseDailyUsage). The surge counts from the moment the
 * outbreak is declared; as counts start to show it, the estimate rises and takes over, and the
 * surge is never added on top of counts that already include it (the baseline is frozen at the
 * declaration, not the moving estimate).
 */
import { roundRate } from './rates.ts';

export type UsageBasis = 'estimate' | 'outbreak';

/** What a home's open outbreak means for one of its positions: stored on the position. */
export interface OutbreakUsage {
  outbreakId: string;
  /** The position's estimate when the outbreak was declared (units/day). */
  baselineUsage: number;
  /** isolatingResidents × perCaseDailyUsage (units/day); 0 for an item with no per-case rate. */
  surgeUsage: number;
}

export interface Forecast {
  usage: number;
  basis: UsageBasis;
}

export function forecastOf(estimate: number, outbreak: OutbreakUsage | null | undefined): Forecast {
  if (!outbreak || outbreak.surgeUsage <= 0) return { usage: estimate, basis: 'estimate' };
  const declared = roundRate(outbreak.baselineUsage + outbreak.surgeUsage);
  return declared > estimate ? { usage: declared, basis: 'outbreak' } : { usage: estimate, basis: 'estimate' };
}

/** The surge of one item: residents × per-case rate, to the rate precision; 0 without a rate. */
export function surgeUsage(isolatingResidents: number, perCaseDailyUsage: number | null | undefined): number {
  return perCaseDailyUsage ? roundRate(isolatingResidents * perCaseDailyUsage) : 0;
}

/** The outbreak part of a position as a home's declaration sets it: the baseline is the estimate now. */
export function outbreakUsageFor(outbreakId: string, estimate: number, isolatingResidents: number, perCaseDailyUsage: number | null | undefined): OutbreakUsage {
  return { outbreakId, baselineUsage: estimate, surgeUsage: surgeUsage(isolatingResidents, perCaseDailyUsage) };
}
