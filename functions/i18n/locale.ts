/**
 * The language of an answer (issue #19): Welsh or English. An HTTP request's is negotiated from
 * its `Accept-Language` once, where every handler starts (functions/http/http-handler.ts), and held
 * for the request in an AsyncLocalStorage, so a message built anywhere while it runs (a zod
 * message, a use case's problem detail) comes out in that language without each handler passing it
 * along. Jobs (the shortfall digest) name their language explicitly: the store's setting.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

export const LOCALES = ['en', 'cy'] as const;
export type Locale = (typeof LOCALES)[number];
/** What an unsupported or absent preference gets. */
export const DEFAULT_LOCALE: Locale = 'en';

const current = new AsyncLocalStorage<Locale>();

/** The language of the request being answered; English outside one. */
export const currentLocale = (): Locale => current.getStore() ?? DEFAULT_LOCALE;

/** Runs `fn` (and everything it awaits) in `locale`. */
export const withLocale = <T>(locale: Locale, fn: () => T): T => current.run(locale, fn);

export const isLocale = (value: unknown): value is Locale => value === 'en' || value === 'cy';

/**
 * RFC 9110 §12.5.4 proactive negotiation: `Accept-Language` is a list of language ranges with
 * optional weights (`cy-GB, en;q=0.5`). Each supported language gets the weight of the most
 * specific range that matches it (its primary subtag: `cy-GB` asks for Welsh, as lookup in RFC 4647
 * §3.4 would truncate it to `cy`; `*` matches any language not named); `q=0` refuses it. The highest
 * weight wins; on a tie, the range listed first. Nothing acceptable that we have, no header, or a
 * malformed one: English (we never answer 406 for a language).
 */
export function negotiateLocale(header: string | undefined | null): Locale {
  if (!header) return DEFAULT_LOCALE;
  const ranges: { language: string; specificity: number; q: number; position: number }[] = [];
  header.split(',').forEach((part, position) => {
    const [rangeText, ...params] = part.trim().split(';');
    const range = rangeText!.trim().toLowerCase();
    if (!/^(\*|[a-z]{1,8}(-[a-z0-9]{1,8})*)$/.test(range)) return;
    let q = 1;
    for (const param of params) {
      const match = /^\s*q\s*=\s*(0(\.\d{0,3})?|1(\.0{0,3})?)\s*$/i.exec(param);
      if (match) q = Number(match[1]);
      else if (/^\s*q\s*=/i.test(param)) return; // a malformed weight: ignore the range
    }
    ranges.push({ language: range === '*' ? '*' : range.split('-')[0]!, specificity: range === '*' ? 0 : range.split('-').length, q, position });
  });
  let best: { locale: Locale; q: number; position: number } | undefined;
  for (const locale of LOCALES) {
    const named = ranges.filter((r) => r.language === locale);
    const matching = named.length ? named : ranges.filter((r) => r.language === '*');
    if (!matching.length) continue;
    // The most specific range decides (`cy-GB;q=0` after `cy` refuses nothing that `cy` did not: both are Welsh); the first of equals.
    const decisive = matching.reduce((a, b) => (b.specificity > a.specificity ? b : a));
    if (decisive.q <= 0) continue;
    if (!best || decisive.q > best.q || (decisive.q === best.q && decisive.position < best.position)) best = { locale, q: decisive.q, position: decisive.position };
  }
  return best?.locale ?? DEFAULT_LOCALE;
}
