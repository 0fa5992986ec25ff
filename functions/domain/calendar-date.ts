/**
 * Calendar dates (YYYY-MM-DD) as plain day arithmetic. No time zone is involved: a date here is
 * already a date in the store's zone, and UTC is used only as a calendar that has no DST.
 */

export type Weekday = 'MON' | 'TUE' | 'WED' | 'THU' | 'FRI' | 'SAT' | 'SUN';

export const WEEKDAYS: readonly Weekday[] = ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'];

const MS_PER_DAY = 86_400_000;

/** Days since 1970-01-01; throws on anything but a real YYYY-MM-DD date (2025-02-30 included). */
export function dayNumber(date: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  // setUTCFullYear, unlike Date.UTC, does not map years 0–99 to 1900–1999.
  const ms = match ? new Date(0).setUTCFullYear(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : NaN;
  if (Number.isNaN(ms) || dateOf(ms / MS_PER_DAY) !== date) throw new RangeError(`Not a calendar date: "${date}"`);
  return ms / MS_PER_DAY;
}

/** The YYYY-MM-DD date of a day number. */
export function dateOf(dayNumber: number): string {
  return new Date(dayNumber * MS_PER_DAY).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return dateOf(dayNumber(date) + days);
}

export function weekdayOf(date: string): Weekday {
  // Day 0, 1970-01-01, was a Thursday (index 3).
  return WEEKDAYS[(((dayNumber(date) + 3) % 7) + 7) % 7]!;
}
