/**
 * When the page fetches again, and what it says about the age of what it shows. It refreshes
 * every minute while visible, backs off after failures, and says plainly when the figures on
 * screen are old (a failed refresh keeps the last good data rather than blanking the page).
 */
import { english, type Translator } from '../i18n/translate.ts';
import { formatAge, formatClock } from './format.ts';

export const REFRESH_MS = 60_000;
const MAX_BACKOFF_MS = 10 * 60_000;

/** The delay before the next fetch: the interval, doubled per consecutive failure up to 10 minutes. */
export function nextRefreshDelay(consecutiveFailures: number, interval = REFRESH_MS): number {
  return Math.min(interval * 2 ** Math.max(0, consecutiveFailures), Math.max(interval, MAX_BACKOFF_MS));
}

export interface FreshnessLabel {
  text: string;
  /** The data on screen is older than two refresh intervals: show it as a warning. */
  stale: boolean;
}

export function freshness(fetchedAt: Date | null, now: Date, timeZone: string, lastError: string | null, interval = REFRESH_MS, m: Translator = english): FreshnessLabel {
  if (fetchedAt === null) return { text: lastError ? m.t('refresh.couldNotLoad', { error: lastError }) : m.t('refresh.loading'), stale: lastError !== null };
  const stale = now.getTime() - fetchedAt.getTime() > 2 * interval;
  const base = m.t('refresh.fetchedAt', { time: formatClock(fetchedAt, timeZone), age: formatAge(fetchedAt, now, m) });
  if (lastError) return { text: m.t('refresh.lastFailed', { fetched: base, error: lastError }), stale: true };
  return { text: base, stale };
}
