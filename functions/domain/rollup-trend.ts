/**
 * The overview's trend, pure: the periods (days or ISO weeks) between two dates, and for each the
 * homes red, amber, unknown and silent, for any item or one, read from the daily rollups.
 *
 * A week's figures are those of its latest rollup within the range (a snapshot, as "this week"
 * is read on a dashboard), not a sum over its days: a home red all week is one home, not seven.
 * A period without a rollup has no figures (null), so a chart shows a gap, not a fall to zero.
 */
import { addDays, dateOf, dayNumber } from './calendar-date.ts';
import type { RollupFigures } from './rollup.ts';
import { t } from '../i18n/messages.ts';

export type TrendInterval = 'day' | 'week';

export const MAX_TREND_DAYS = 92;
export const MAX_TREND_WEEKS = 53;

export interface TrendPoint {
  /** `YYYY-MM-DD` for a day, `YYYY-Www` (ISO 8601) for a week. */
  period: string;
  /** The rollup the figures come from; null when the period has none. */
  date: string | null;
  homes: number | null;
  red: number | null;
  amber: number | null;
  unknown: number | null;
  silent: number | null;
}

/** The ISO 8601 week of a date: weeks start on Monday; week 1 holds the year's first Thursday. */
export function isoWeek(date: string): string {
  const day = dayNumber(date);
  const weekday = (((day + 3) % 7) + 7) % 7; // 0 = Monday (day 0, 1970-01-01, was a Thursday)
  const thursday = day - weekday + 3;
  const year = Number(dateOf(thursday).slice(0, 4));
  const firstThursday = dayNumber(`${String(year).padStart(4, '0')}-01-04`);
  const firstMonday = firstThursday - ((((firstThursday + 3) % 7) + 7) % 7);
  const week = Math.floor((thursday - 3 - firstMonday) / 7) + 1;
  return `${String(year).padStart(4, '0')}-W${String(week).padStart(2, '0')}`;
}

/** Why a range is refused (field and message), or null when it is within the bounds. */
export function trendRangeProblem(from: string, to: string, interval: TrendInterval): { field: 'from' | 'to'; message: string } | null {
  if (dayNumber(from) > dayNumber(to)) return { field: 'from', message: t('overview.fromAfterTo', { from, to }) };
  if (interval === 'day') {
    const days = dayNumber(to) - dayNumber(from) + 1;
    return days > MAX_TREND_DAYS ? { field: 'to', message: t('overview.tooManyDays', { max: MAX_TREND_DAYS, from, to, days }) } : null;
  }
  const weeks = periods(from, to, 'week').length;
  return weeks > MAX_TREND_WEEKS ? { field: 'to', message: t('overview.tooManyWeeks', { max: MAX_TREND_WEEKS, from, to, weeks }) } : null;
}

/** The periods from `from` to `to` inclusive, in order. */
export function periods(from: string, to: string, interval: TrendInterval): string[] {
  const list: string[] = [];
  for (let date = from; dayNumber(date) <= dayNumber(to); date = addDays(date, 1)) {
    const period = interval === 'day' ? date : isoWeek(date);
    if (list.at(-1) !== period) list.push(period);
  }
  return list;
}

/**
 * One point per period from `from` to `to`: the latest rollup of the period (dates outside the
 * range ignored). `sku`: the homes red, amber, unknown for that item; otherwise by overall status.
 */
export function trendPoints(
  rollups: readonly { date: string; figures: RollupFigures }[],
  from: string,
  to: string,
  interval: TrendInterval,
  sku?: string,
): TrendPoint[] {
  const latest = new Map<string, { date: string; figures: RollupFigures }>();
  for (const rollup of rollups) {
    if (rollup.date < from || rollup.date > to) continue;
    const period = interval === 'day' ? rollup.date : isoWeek(rollup.date);
    const seen = latest.get(period);
    if (!seen || seen.date < rollup.date) latest.set(period, rollup);
  }
  return periods(from, to, interval).map((period) => {
    const found = latest.get(period);
    if (!found) return { period, date: null, homes: null, red: null, amber: null, unknown: null, silent: null };
    const { figures } = found;
    const item = sku === undefined ? undefined : figures.items.find((i) => i.sku === sku);
    const counts = sku === undefined ? figures.status : { red: item?.red ?? 0, amber: item?.amber ?? 0, unknown: item?.unknown ?? 0 };
    return { period, date: found.date, homes: figures.homes, red: counts.red, amber: counts.amber, unknown: counts.unknown, silent: figures.silent };
  });
}
