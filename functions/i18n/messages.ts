/**
 * Messages by id in the answer's language (issue #19): `t(id, params)` in the request's language
 * (functions/i18n/locale.ts), `message(locale, id, params)` in a given one (a store's alerts).
 * Welsh falls back to English only for a key it lacks, which the catalogue test forbids.
 */
import { currentLocale, type Locale } from './locale.ts';
import { cy, type WelshEntry } from './messages.cy.ts';
import { en, type MessageId, type MessageText } from './messages.en.ts';

export type { MessageId } from './messages.en.ts';
export type MessageParams = Readonly<Record<string, string | number>>;

const textOf = (entry: WelshEntry): MessageText => (typeof entry === 'object' && 'review' in entry ? entry.text : entry);

export function catalogueText(locale: Locale, id: MessageId): MessageText {
  return locale === 'cy' && cy[id] !== undefined ? textOf(cy[id]) : en[id];
}

export function message(locale: Locale, id: MessageId, params: MessageParams = {}): string {
  const text = catalogueText(locale, id);
  const chosen = typeof text === 'string' ? text : params.count === 1 ? text.one : text.other;
  return chosen.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(params, name) ? String(params[name]) : whole));
}

/** The message in the language of the request being answered (English outside one). */
export const t = (id: MessageId, params?: MessageParams): string => message(currentLocale(), id, params);
