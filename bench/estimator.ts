/**
 * The usage estimate, measured: a synthetic month of daily counts at one home, usage ×3 from day 15
 * (an outbreak), replayed through the domain's own rules (applyCount, applyReceipt, forecastOf,
 * daysOfSupply). For each way of forecasting: how many days after the step until the shown days of
 * supply stay within 20 % of the truth, and the largest overstatement of days of supply (the figure
 * that hurts: a home shown safe that is not). Pure: no DynamoDB, no clock; a seeded generator.
 *
 * Cases: the EWMA estimate alone; the outbreak declared on day 15 with the right per-case rate; the
 * outbreak under-declared by half; and a candidate faster estimator (a second, faster weight when
 * two observations in a row are well above the estimate), with its swing on noise before the step.
 */
import { outbreakUsageFor } from '../functions/domain/forecast.ts';
import { roundRate } from '../functions/domain/rates.ts';
import { daysOfSupply, type PositionState } from '../functions/domain/stock-position.ts';
import { defaultStockRules, type StockRules } from '../functions/domain/stock-rules.ts';
import { applyCount, applyReceipt, emptyPosition } from '../functions/domain/usage-estimate.ts';
import { seededRandom } from '../bin/local/seeded-random.ts';

const DAY = 86_400_000;
const T0 = Date.parse('2026-03-01T08:00:00.000Z');
const STEP_DAY = 15;
const DAYS = 30;
const BASE_USAGE = 40;
const NOISE = 0.2;
const START_ON_HAND = 10 * BASE_USAGE;
const DELIVERY_EVERY = 3;

export interface EstimatorCase {
  name: string;
  /** Days after the step until the shown days of supply stay within 20 % of the truth: median and worst over the seeds. */
  daysToWithin20Percent: { median: number; worst: number };
  /** Largest (shown − true) days of supply from the step on (0 when never overstated): median and worst over the seeds. */
  maxOverstatementDays: { median: number; worst: number };
  /** Before the step: the largest relative error of the forecast usage against the true rate (noise only). */
  steadySwing: number;
}

export interface EstimatorResult {
  seeds: number;
  cases: EstimatorCase[];
}


const iso = (ms: number) => new Date(ms).toISOString();
const trueRate = (day: number) => (day >= STEP_DAY ? 3 * BASE_USAGE : BASE_USAGE);

type Estimator = 'ewma' | 'rise-aware';

/**
 * The candidate: EWMA at the configured weight, but at `fastWeight` when the last two observations
 * were both more than `rise` above the estimate (a sustained rise, not one odd day).
 */
function riseAware(position: PositionState, previousObservation: number | null, observation: number, before: number, rules: StockRules): number {
  const fastWeight = 0.7;
  const rise = 1.25;
  const sustained = previousObservation !== null && previousObservation > before * rise && observation > before * rise;
  const weight = sustained ? fastWeight : rules.smoothing;
  return roundRate(weight * observation + (1 - weight) * before);
}

function replay(seed: number, estimator: Estimator, declaredShare: number | null) {
  const rules = defaultStockRules;
  const next = seededRandom(seed);
  let position: PositionState = applyCount(emptyPosition('GLOVE-NITRILE-M'), { sku: 'GLOVE-NITRILE-M', countedAt: iso(T0), onHand: START_ON_HAND, dailyUsage: BASE_USAGE }, rules).position;
  let onHand = START_ON_HAND;
  let previousObservation: number | null = null;
  const rows: { day: number; shown: number; truth: number; usage: number }[] = [];
  for (let day = 1; day < DAYS; day++) {
    const at = T0 + day * DAY;
    onHand = Math.max(0, onHand - Math.round(trueRate(day - 1) * (1 + NOISE * (2 * next() - 1))));
    if (day === STEP_DAY && declaredShare !== null) {
      // Declared at the start of the day the surge begins: twice the usage before it, or a share of that.
      position = { ...position, outbreak: outbreakUsageFor('bench', position.dailyUsage, 1, 2 * BASE_USAGE * declaredShare) };
    }
    if (day % DELIVERY_EVERY === 0) {
      // The store tops the home up to ten days at the usage it knew before the outbreak.
      const units = Math.max(1, 10 * BASE_USAGE - onHand);
      onHand += units;
      position = applyReceipt(position, position.sku, units, iso(at - 1000));
    }
    const before = position.dailyUsage;
    const outcome = applyCount(position, { sku: position.sku, countedAt: iso(at), onHand }, rules);
    position = outcome.position;
    if (estimator === 'rise-aware' && outcome.observedUsage !== null && onHand > 0) {
      position = { ...position, dailyUsage: riseAware(position, previousObservation, outcome.observedUsage, before, rules) };
    }
    previousObservation = outcome.observedUsage;
    const shown = daysOfSupply(position, new Date(at)) ?? Number.POSITIVE_INFINITY;
    rows.push({ day, shown, truth: onHand / trueRate(day), usage: shown === 0 ? 0 : onHand / shown });
  }
  return rows;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const round2 = (n: number) => Math.round(n * 100) / 100;

function measure(name: string, estimator: Estimator, declaredShare: number | null, seeds: number): EstimatorCase {
  const daysTo: number[] = [];
  const over: number[] = [];
  let swing = 0;
  for (let seed = 1; seed <= seeds; seed++) {
    const rows = replay(seed, estimator, declaredShare);
    const after = rows.filter((r) => r.day >= STEP_DAY);
    let lastOutside = -1;
    let worstOver = 0;
    after.forEach((r, i) => {
      if (Math.abs(r.shown - r.truth) > 0.2 * r.truth) lastOutside = i;
      worstOver = Math.max(worstOver, r.shown - r.truth);
    });
    daysTo.push(lastOutside + 1);
    over.push(worstOver);
    for (const r of rows.filter((r) => r.day >= 3 && r.day < STEP_DAY)) swing = Math.max(swing, Math.abs(r.usage - BASE_USAGE) / BASE_USAGE);
  }
  return {
    name,
    daysToWithin20Percent: { median: median(daysTo), worst: Math.max(...daysTo) },
    maxOverstatementDays: { median: round2(median(over)), worst: round2(Math.max(...over)) },
    steadySwing: Math.round(swing * 1000) / 1000,
  };
}

export function benchEstimator(seeds = 50): EstimatorResult {
  return {
    seeds,
    cases: [
      measure('EWMA estimate alone (α 0.3)', 'ewma', null, seeds),
      measure('outbreak declared (right per-case rate)', 'ewma', 1, seeds),
      measure('outbreak under-declared by half', 'ewma', 0.5, seeds),
      measure('rise-aware EWMA alone (candidate, not kept)', 'rise-aware', null, seeds),
    ],
  };
}

export function estimatorMarkdown(result: EstimatorResult): string {
  const lines = [
    `Synthetic month (${DAYS} days), daily counts, usage ${BASE_USAGE}/day ±${NOISE * 100} % then ×3 from day ${STEP_DAY}, topped up to ten days' pre-outbreak usage every ${DELIVERY_EVERY} days; ${result.seeds} seeds.`,
    '',
    '| forecast | days until within 20 % of the truth (median / worst) | largest overstatement, days of supply (median / worst) | swing on noise before the step (worst) |',
    '|---|---|---|---|',
    ...result.cases.map(
      (c) =>
        `| ${c.name} | ${c.daysToWithin20Percent.median} / ${c.daysToWithin20Percent.worst} | ${c.maxOverstatementDays.median.toFixed(2)} / ${c.maxOverstatementDays.worst.toFixed(2)} | ${(c.steadySwing * 100).toFixed(1)} % |`,
    ),
  ];
  return lines.join('\n');
}
