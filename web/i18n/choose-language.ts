/**
 * Which language the page opens in: a link's `?lang=` first (the switch's own links carry one), then
 * the reader's choice kept in localStorage, then the browser's languages in their order (any cy… is
 * Welsh, any en… English), then English.
 */
import type { Lang } from './translate.ts';

export const LANGUAGE_KEY = 'carestock.language';

export function chooseLanguage(requested: string | null, stored: string | null, browserLanguages: readonly string[]): Lang {
  for (const choice of [requested, stored]) if (choice === 'cy' || choice === 'en') return choice;
  for (const tag of browserLanguages) {
    const primary = tag.toLowerCase().split('-')[0];
    if (primary === 'cy' || primary === 'en') return primary;
  }
  return 'en';
}
