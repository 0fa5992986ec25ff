import { instantMs } from './instants.ts';

/** Thresholds of the stock domain. Configuration, read once per cold start: never constants in the rules. */
export interface StockRules {
  /** Under this many days of supply a position is amber (strictly less than). */
  shortfallDays: number;
  /** Under this many days of supply a position is red (strictly less than). */
  criticalDays: number;
  /** A count older than this is stale and the position's status is unknown. */
  staleAfterDays: number;
  /** EWMA weight of a new usage observation, in (0, 1]. */
  smoothing: number;
  /** Counts closer than this to the previous count do not update usage (too little signal, too much rounding). */
  minUsageIntervalDays: number;
  /** Order-up-to level when a position has no targetLevel: ceil(dailyUsage × this). */
  defaultTargetDays: number;
  /** How far in the future an instant from a client may be before it is refused. */
  clockSkewMinutes: number;
}

export const defaultStockRules: Readonly<StockRules> = Object.freeze({
  shortfallDays: 7,
  criticalDays: 3,
  staleAfterDays: 3,
  smoothing: 0.3,
  minUsageIntervalDays: 0.5,
  defaultTargetDays: 14,
  clockSkewMinutes: 5,
});

/** The environment variable behind each rule (the CDK stack sets these on the functions). */
export const stockRulesEnvNames: Readonly<Record<keyof StockRules, string>> = Object.freeze({
  shortfallDays: 'CARESTOCK_SHORTFALL_DAYS',
  criticalDays: 'CARESTOCK_CRITICAL_DAYS',
  staleAfterDays: 'CARESTOCK_STALE_AFTER_DAYS',
  smoothing: 'CARESTOCK_USAGE_SMOOTHING',
  minUsageIntervalDays: 'CARESTOCK_MIN_USAGE_INTERVAL_DAYS',
  defaultTargetDays: 'CARESTOCK_DEFAULT_TARGET_DAYS',
  clockSkewMinutes: 'CARESTOCK_CLOCK_SKEW_MINUTES',
});

type Bound = { min: number; minInclusive: boolean; max?: number };

const bounds: Record<keyof StockRules, Bound> = {
  shortfallDays: { min: 0, minInclusive: false },
  criticalDays: { min: 0, minInclusive: false },
  staleAfterDays: { min: 0, minInclusive: false },
  smoothing: { min: 0, minInclusive: false, max: 1 },
  minUsageIntervalDays: { min: 0, minInclusive: true },
  defaultTargetDays: { min: 0, minInclusive: false },
  clockSkewMinutes: { min: 0, minInclusive: true },
};

const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

function describeBound(b: Bound): string {
  const low = b.minInclusive ? `at least ${b.min}` : `greater than ${b.min}`;
  return b.max === undefined ? `a number ${low}` : `a number ${low} and at most ${b.max}`;
}

function label(key: keyof StockRules): string {
  return `${stockRulesEnvNames[key]} (${key})`;
}

/** Throws an Error naming the rule and its environment variable when a value is out of range. */
export function validateStockRules(rules: StockRules): StockRules {
  for (const key of Object.keys(bounds) as (keyof StockRules)[]) {
    const b = bounds[key];
    const v = rules[key];
    const ok =
      typeof v === 'number' &&
      Number.isFinite(v) &&
      (b.minInclusive ? v >= b.min : v > b.min) &&
      (b.max === undefined || v <= b.max);
    if (!ok) throw new Error(`Invalid stock rule: ${label(key)} must be ${describeBound(b)}, got ${String(v)}`);
  }
  if (rules.criticalDays > rules.shortfallDays) {
    throw new Error(
      `Invalid stock rules: ${label('criticalDays')} = ${rules.criticalDays} must not exceed ` +
        `${label('shortfallDays')} = ${rules.shortfallDays}`,
    );
  }
  return rules;
}

/** Unset or blank variables take the default; anything present must be a plain decimal number in range. */
export function stockRulesFromEnv(env: Record<string, string | undefined>): StockRules {
  const rules: StockRules = { ...defaultStockRules };
  for (const key of Object.keys(stockRulesEnvNames) as (keyof StockRules)[]) {
    const raw = env[stockRulesEnvNames[key]];
    if (raw === undefined || raw.trim() === '') continue;
    const text = raw.trim();
    if (!DECIMAL.test(text)) {
      throw new Error(`Invalid stock rule: ${label(key)} must be ${describeBound(bounds[key])}, got "${raw}"`);
    }
    rules[key] = Number(text);
  }
  return validateStockRules(rules);
}

/** True when a client-supplied instant lies further in the future than the allowed clock skew. */
export function isInFuture(instant: string, now: Date, rules: StockRules): boolean {
  return instantMs(instant) > now.getTime() + rules.clockSkewMinutes * 60_000;
}
