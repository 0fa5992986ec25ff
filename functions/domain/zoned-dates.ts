/**
 * Calendar dates in a store's time zone: which day an instant falls on there, and the instant a
 * day starts there. Intl does the zone rules (GMT/BST and any other IANA zone); no dependency.
 */
import { dayNumber } from './calendar-date.ts';

/**
 * Carestock's home zone, written once: the daily jobs run at their local time in it, shortfall
 * records are dated in it, and a store that names no zone of its own is in it.
 */
export const CARESTOCK_TIME_ZONE = 'Europe/London';

const formatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

function wallClock(ms: number, timeZone: string): { date: string; msOfWallClock: number } {
  const parts = Object.fromEntries(partsFormatter(timeZone).formatToParts(new Date(ms)).map((p) => [p.type, p.value]));
  // Intl does not pad years before 1000 ("999-06-21"): ISO 8601 needs four digits.
  const date = `${parts.year!.padStart(4, '0')}-${parts.month}-${parts.day}`;
  const wall = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
  return { date, msOfWallClock: wall + (ms % 1000 + 1000) % 1000 };
}

/** The YYYY-MM-DD date of an instant in a time zone. */
export function dateInZone(instant: Date | number, timeZone: string): string {
  return wallClock(typeof instant === 'number' ? instant : instant.getTime(), timeZone).date;
}

/** The instant a calendar date begins in a time zone (00:00 local; the first instant of the day if a change skips midnight). */
export function startOfDateInZone(date: string, timeZone: string): Date {
  const midnightAsUtc = dayNumber(date) * 86_400_000;
  // Offset = wall clock − UTC. Take the offset at the guess, then re-check at the result (a DST change between).
  let guess = midnightAsUtc;
  for (let i = 0; i < 3; i++) {
    const offset = wallClock(guess, timeZone).msOfWallClock - guess;
    const next = midnightAsUtc - offset;
    if (next === guess) break;
    guess = next;
  }
  // A zone that skips midnight: step forward to the first instant that is on `date`.
  while (dateInZone(guess, timeZone) < date) guess += 15 * 60_000;
  return new Date(guess);
}
