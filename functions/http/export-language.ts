/**
 * The language of a CSV export (issue #19): `?lang=cy|en` when given, else the request's
 * Accept-Language (functions/i18n/locale.ts). The file says which in `Content-Language`; `Vary`
 * tells caches that, without `lang`, the answer depends on Accept-Language.
 */
import { currentLocale, type Locale } from '../i18n/locale.ts';

export function exportLanguageOf(lang: Locale | undefined): { locale: Locale; headers: Record<string, string> } {
  const locale = lang ?? currentLocale();
  return { locale, headers: { 'content-language': locale, vary: 'Accept-Language' } };
}
