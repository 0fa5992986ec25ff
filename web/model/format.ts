/**
 * Numbers and dates as a store manager reads them, in the page's language (`t`: English unless a
 * caller says). Dates are shown in the store's time zone (Europe/London unless the store says
 * otherwise), whatever the browser's zone is.
 */
import { english, type Translator } from '../i18n/translate.ts';

const MS_PER_DAY = 86_400_000;

/** "2.4 days", "0 days", "1 day"; null (no usage recorded, so it never runs out) → "no use recorded". */
export function formatDays(days: number | null, t: Translator = english): string {
  if (days === null) return t.t('format.noUse');
  const rounded = days >= 10 ? Math.round(days) : Math.floor(days * 10) / 10;
  return t.t('format.days', { count: rounded });
}

/** The calendar date (YYYY-MM-DD) of an instant in a time zone. */
export function isoDateInZone(instant: string | Date, timeZone: string): string {
  const date = typeof instant === 'string' ? new Date(instant) : instant;
  // en-CA formats dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(date);
}

/** YYYY-MM-DD plus n days (calendar arithmetic, no zone involved). */
export function addDays(isoDate: string, days: number): string {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Whole days from one calendar date to another. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / MS_PER_DAY);
}

/**
 * "Thu 26 Nov" / "Iau 26 Tach" for a YYYY-MM-DD date (the year only when it is not `today`'s year).
 * The short names come from the catalogue (CLDR's, as Node's full ICU gives them; a unit test
 * compares), not from the browser's Intl: Debian's Chromium carries no Welsh date names (cy-GB
 * resolves to en-US there, "Thu, Dec 3"), and ICU's punctuation differs between versions anyway.
 */
export function formatDate(isoDate: string, today?: string, t: Translator = english): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  const weekday = t.t('date.weekdays').split(' ')[date.getUTCDay()];
  const month = t.t('date.months').split(' ')[date.getUTCMonth()];
  const text = `${weekday} ${date.getUTCDate()} ${month}`;
  return today === undefined || today.slice(0, 4) === isoDate.slice(0, 4) ? text : `${text} ${date.getUTCFullYear()}`;
}

/** "today", "tomorrow", "Thu 26 Nov": a date relative to today. */
export function formatDayRelative(isoDate: string, today: string, t: Translator = english): string {
  const offset = daysBetween(today, isoDate);
  if (offset === 0) return t.t('format.today');
  if (offset === 1) return t.t('format.tomorrow');
  if (offset === -1) return t.t('format.yesterday');
  return formatDate(isoDate, today, t);
}

/** "09:14:05" in the zone: the "data fetched at" time. */
export function formatClock(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }).format(instant);
}

/** "just now", "3 min ago", "2 h ago" */
export function formatAge(from: Date, now: Date, t: Translator = english): string {
  const seconds = Math.max(0, Math.round((now.getTime() - from.getTime()) / 1000));
  if (seconds < 60) return t.t('format.justNow');
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return t.t('format.minutesAgo', { count: minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return t.t('format.hoursAgo', { count: hours });
  return t.t('format.daysAgo', { count: Math.floor(hours / 24) });
}

/** A run-out instant as the store reads it: the date in its zone, and how that date relates to today. */
export function formatRunout(runoutDate: string | null, timeZone: string, today: string, t: Translator = english): { iso: string | null; text: string } {
  if (runoutDate === null) return { iso: null, text: t.t('format.notRunningOut') };
  const iso = isoDateInZone(runoutDate, timeZone);
  const offset = daysBetween(today, iso);
  if (offset < 0) return { iso, text: t.t('format.ranOut', { date: formatDate(iso, today, t) }) };
  return { iso, text: t.t('format.runsOut', { when: formatDayRelative(iso, today, t) }) };
}

export function formatQuantity(n: number, t: Translator = english): string {
  return t.number(n);
}
