/**
 * Numbers and dates as a store manager reads them. Dates are shown in the store's time zone
 * (Europe/London unless the store says otherwise), whatever the browser's zone is.
 */
const MS_PER_DAY = 86_400_000;

/** "2.4 days", "0 days", "1 day"; null (no usage recorded, so it never runs out) → "no use recorded". */
export function formatDays(days: number | null): string {
  if (days === null) return 'no use recorded';
  const rounded = days >= 10 ? Math.round(days) : Math.floor(days * 10) / 10;
  return `${rounded} ${rounded === 1 ? 'day' : 'days'}`;
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

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * "Thu 26 Nov" for a YYYY-MM-DD date (the year only when it is not `today`'s year). Spelled out
 * here rather than by Intl, whose punctuation differs between ICU versions (and so browsers).
 */
export function formatDate(isoDate: string, today?: string): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  const text = `${WEEKDAYS[date.getUTCDay()]} ${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]}`;
  return today === undefined || today.slice(0, 4) === isoDate.slice(0, 4) ? text : `${text} ${date.getUTCFullYear()}`;
}

/** "today", "tomorrow", "Thu 26 Nov": a date relative to today. */
export function formatDayRelative(isoDate: string, today: string): string {
  const offset = daysBetween(today, isoDate);
  if (offset === 0) return 'today';
  if (offset === 1) return 'tomorrow';
  if (offset === -1) return 'yesterday';
  return formatDate(isoDate, today);
}

/** "09:14:05" in the zone: the "data fetched at" time. */
export function formatClock(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }).format(instant);
}

/** "just now", "3 min ago", "2 h ago" */
export function formatAge(from: Date, now: Date): string {
  const seconds = Math.max(0, Math.round((now.getTime() - from.getTime()) / 1000));
  if (seconds < 60) return 'just now';
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ago`;
  return `${Math.floor(hours / 24)} days ago`;
}

/** A run-out instant as the store reads it: the date in its zone, and how that date relates to today. */
export function formatRunout(runoutDate: string | null, timeZone: string, today: string): { iso: string | null; text: string } {
  if (runoutDate === null) return { iso: null, text: 'not expected to run out' };
  const iso = isoDateInZone(runoutDate, timeZone);
  const offset = daysBetween(today, iso);
  if (offset < 0) return { iso, text: `ran out ${formatDate(iso, today)}` };
  return { iso, text: `runs out ${formatDayRelative(iso, today)}` };
}

export function formatQuantity(n: number): string {
  return new Intl.NumberFormat('en-GB').format(n);
}
