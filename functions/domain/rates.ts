/**
 * Rates (units a day, units per bed per week) are kept to 6 decimal places, whether a client sends
 * them or counts estimate them. DynamoDB cannot store a number under 1e-130, and a rate that small
 * divided into a stock figure gives days of supply beyond the safe integer range, which the
 * document client refuses to read back. 0.000001 units a day is one unit in 2,700 years: nothing
 * real is lost.
 */
export const RATE_DECIMALS = 6;
const SCALE = 10 ** RATE_DECIMALS;

export function roundRate(value: number): number {
  return Math.round(value * SCALE) / SCALE;
}
