/**
 * How a status reads on the page: a word, a short meaning and a symbol, and a colour class. The
 * colour is never the only signal (WCAG 1.4.1): the word is always printed beside it.
 */
import { english, type Translator } from '../i18n/translate.ts';
import type { StockStatus } from './api-types.ts';

export interface StatusPresentation {
  status: StockStatus;
  /** The word printed in the badge. */
  word: string;
  /** The word inside a sentence ("(red)"). */
  lowerWord: string;
  /** What the word means, for the badge's title and the legend. */
  meaning: string;
  /** A shape that differs per status, for anyone who cannot tell the colours apart. */
  symbol: string;
  /** CSS class carrying the colour. */
  className: string;
}

/** The API's thresholds (configuration on the server; the deployed page is told them in config.json). */
export interface Thresholds {
  criticalDays: number;
  shortfallDays: number;
  staleAfterDays: number;
}

export const defaultThresholds: Thresholds = { criticalDays: 3, shortfallDays: 7, staleAfterDays: 3 };

const SYMBOLS: Record<StockStatus, string> = { red: '▲', amber: '◆', green: '●', unknown: '?' };

export function presentStatus(status: StockStatus | undefined, t: Thresholds = defaultThresholds, m: Translator = english): StatusPresentation {
  const s: StockStatus = status ?? 'unknown';
  const days = { red: t.criticalDays, amber: t.shortfallDays, green: t.shortfallDays, unknown: t.staleAfterDays }[s];
  return {
    status: s,
    word: m.t(`status.${s}`),
    lowerWord: m.t(`status.${s}.lower`),
    meaning: m.t(`status.${s}.meaning`, { days }),
    symbol: SYMBOLS[s],
    className: `status-${s}`,
  };
}

/** Worst first, as the API orders them: red, amber, unknown (a silent home needs a call), green. */
const severity: Record<StockStatus, number> = { red: 0, amber: 1, unknown: 2, green: 3 };

export function compareStatus(a: StockStatus | undefined, b: StockStatus | undefined): number {
  return severity[a ?? 'unknown'] - severity[b ?? 'unknown'];
}

export function worstOf(statuses: readonly StockStatus[]): StockStatus {
  return [...statuses].sort(compareStatus)[0] ?? 'unknown';
}

export const STATUS_ORDER: readonly StockStatus[] = ['red', 'amber', 'unknown', 'green'];

/** "2 red, 1 amber, 3 green": counts per status in worst-first order, zeros left out. */
export function statusCounts(statuses: readonly (StockStatus | undefined)[]): { status: StockStatus; count: number }[] {
  return STATUS_ORDER.map((status) => ({ status, count: statuses.filter((s) => (s ?? 'unknown') === status).length })).filter(
    (entry) => entry.count > 0,
  );
}
