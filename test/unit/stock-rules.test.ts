import { describe, it, expect } from 'vitest';
import { defaultStockRules, isInFuture, stockRulesFromEnv, validateStockRules } from '../../functions/domain/stock-rules.ts';

describe('defaultStockRules', () => {
  it('holds the thresholds of ARCHITECTURE §2', () => {
    expect(defaultStockRules).toEqual({
      shortfallDays: 7,
      criticalDays: 3,
      staleAfterDays: 3,
      smoothing: 0.3,
      minUsageIntervalDays: 0.5,
      defaultTargetDays: 14,
      clockSkewMinutes: 5,
    });
  });

  it('cannot be mutated by a caller', () => {
    expect(Object.isFrozen(defaultStockRules)).toBe(true);
  });
});

describe('stockRulesFromEnv', () => {
  it('returns the defaults when nothing is set, or a variable is blank', () => {
    expect(stockRulesFromEnv({})).toEqual(defaultStockRules);
    expect(stockRulesFromEnv({ CARESTOCK_SHORTFALL_DAYS: '', CARESTOCK_CRITICAL_DAYS: '  ' })).toEqual(defaultStockRules);
  });

  it('reads every variable', () => {
    expect(
      stockRulesFromEnv({
        CARESTOCK_SHORTFALL_DAYS: '10',
        CARESTOCK_CRITICAL_DAYS: '4.5',
        CARESTOCK_STALE_AFTER_DAYS: ' 2 ',
        CARESTOCK_USAGE_SMOOTHING: '0.5',
        CARESTOCK_MIN_USAGE_INTERVAL_DAYS: '0',
        CARESTOCK_DEFAULT_TARGET_DAYS: '21',
        CARESTOCK_CLOCK_SKEW_MINUTES: '1',
      }),
    ).toEqual({
      shortfallDays: 10,
      criticalDays: 4.5,
      staleAfterDays: 2,
      smoothing: 0.5,
      minUsageIntervalDays: 0,
      defaultTargetDays: 21,
      clockSkewMinutes: 1,
    });
  });

  it('accepts smoothing of exactly 1 (no smoothing)', () => {
    expect(stockRulesFromEnv({ CARESTOCK_USAGE_SMOOTHING: '1' }).smoothing).toBe(1);
  });

  it.each([
    ['CARESTOCK_SHORTFALL_DAYS', 'seven'],
    ['CARESTOCK_SHORTFALL_DAYS', '0x10'],
    ['CARESTOCK_SHORTFALL_DAYS', 'Infinity'],
    ['CARESTOCK_CRITICAL_DAYS', '0'],
    ['CARESTOCK_STALE_AFTER_DAYS', '-1'],
    ['CARESTOCK_USAGE_SMOOTHING', '0'],
    ['CARESTOCK_USAGE_SMOOTHING', '1.01'],
    ['CARESTOCK_MIN_USAGE_INTERVAL_DAYS', '-0.1'],
    ['CARESTOCK_DEFAULT_TARGET_DAYS', '0'],
    ['CARESTOCK_CLOCK_SKEW_MINUTES', '5 min'],
  ])('rejects %s=%j with an error naming the variable', (name, value) => {
    expect(() => stockRulesFromEnv({ [name]: value })).toThrow(name);
  });

  it('rejects a critical threshold above the shortfall threshold', () => {
    expect(() => stockRulesFromEnv({ CARESTOCK_CRITICAL_DAYS: '8' })).toThrow(/CARESTOCK_CRITICAL_DAYS.*CARESTOCK_SHORTFALL_DAYS/);
  });

  it('accepts equal critical and shortfall thresholds', () => {
    expect(stockRulesFromEnv({ CARESTOCK_CRITICAL_DAYS: '7' }).criticalDays).toBe(7);
  });
});

describe('validateStockRules', () => {
  it('rejects NaN, which no comparison would catch', () => {
    expect(() => validateStockRules({ ...defaultStockRules, smoothing: Number.NaN })).toThrow('smoothing');
  });
});

describe('isInFuture', () => {
  const now = new Date('2025-03-10T12:00:00.000Z');

  it('allows an instant exactly at the skew limit', () => {
    expect(isInFuture('2025-03-10T12:05:00.000Z', now, defaultStockRules)).toBe(false);
  });

  it('refuses an instant just past the skew limit', () => {
    expect(isInFuture('2025-03-10T12:05:00.001Z', now, defaultStockRules)).toBe(true);
  });

  it('compares instants, not strings (offsets)', () => {
    expect(isInFuture('2025-03-10T13:04:00+01:00', now, defaultStockRules)).toBe(false);
    expect(isInFuture('2025-03-10T13:06:00+01:00', now, defaultStockRules)).toBe(true);
  });

  it('throws on something that is not an ISO instant', () => {
    expect(() => isInFuture('10/03/2025', now, defaultStockRules)).toThrow(RangeError);
  });
});
