/**
 * The page's words in Welsh and English. Every word a screen shows comes from a catalogue keyed by
 * message id (`en.ts`, `cy.ts`); `t(id, params)` fills `{name}` placeholders (numbers formatted for
 * the language) and picks a counted phrase's plural form by `Intl.PluralRules` (English: one/other;
 * Welsh: zero/one/two/few/many/other). Pure and DOM-free: `web/model/` shapes its sentences with it.
 * Each catalogue is a chunk of its own, loaded (`load-catalogue.ts`) before the page first renders
 * in that language or switches to it: a page in Welsh downloads no English, and one in English no
 * Welsh (the page's size budget holds for each). Node (the unit tests) registers them directly.
 */
import type { en } from './en.ts';

export type Lang = 'en' | 'cy';
export const LANGS: readonly Lang[] = ['cy', 'en'];
/** The locale dates and numbers are formatted for, and what the page's `<html lang>` says. */
export const LOCALES: Record<Lang, string> = { en: 'en-GB', cy: 'cy-GB' };
export const HTML_LANG: Record<Lang, string> = { en: 'en-GB', cy: 'cy' };

export type PluralCategory = 'zero' | 'one' | 'two' | 'few' | 'many' | 'other';
export const WELSH_PLURALS: readonly PluralCategory[] = ['zero', 'one', 'two', 'few', 'many', 'other'];
export type EnglishPlural = { readonly one: string; readonly other: string };
/** Every category `Intl.PluralRules('cy')` can answer, so no count falls back to a wrong form. */
export type WelshPlural = { readonly [C in PluralCategory]: string };

export type English = typeof en;
export type MessageId = keyof English;
/** The Welsh catalogue's shape: every English key, no other (a missing one is a type error). */
export type Catalogue = { readonly [K in MessageId]: English[K] extends string ? string : WelshPlural };

/** `{a} and {b}` → 'a' | 'b' */
type Names<S> = S extends `${string}{${infer P}}${infer R}` ? P | Names<R> : never;
type ParamsOf<K extends MessageId> = English[K] extends string ? Names<English[K]> : English[K] extends { other: infer O } ? Names<O> | 'count' : never;
export type Params<K extends MessageId> = [ParamsOf<K>] extends [never] ? [] : [Readonly<Record<ParamsOf<K>, string | number>>];

export interface Translator {
  readonly lang: Lang;
  /** en-GB or cy-GB, for Intl. */
  readonly locale: string;
  t<K extends MessageId>(id: K, ...params: Params<K>): string;
  /** 12,345 */
  number(n: number): string;
}

type Loaded = Readonly<Record<string, string | Readonly<Record<string, string>>>>;
const catalogues: Partial<Record<Lang, Loaded>> = {};

/** Makes a language's catalogue available (the Welsh one arrives as its own chunk, or a test imports it). */
export function registerCatalogue(lang: Lang, catalogue: Catalogue | English): void {
  catalogues[lang] = catalogue;
}

export function isLoaded(lang: Lang): boolean {
  return catalogues[lang] !== undefined;
}

function create(lang: Lang): Translator {
  const locale = LOCALES[lang];
  const numbers = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const plurals = new Intl.PluralRules(locale);
  const fill = (text: string, params: Readonly<Record<string, string | number>>) =>
    text.replace(/\{(\w+)\}/g, (whole, name: string) => {
      const value = params[name];
      return value === undefined ? whole : typeof value === 'number' ? numbers.format(value) : value;
    });
  return {
    lang,
    locale,
    number: (n) => numbers.format(n),
    t(id, ...args) {
      const params = (args[0] ?? {}) as Readonly<Record<string, string | number>>;
      // Not loaded (the page loads a language before showing it): the id itself, visibly wrong, never the other language.
      const message = catalogues[lang]?.[id as string] ?? (id as string);
      if (typeof message === 'string') return fill(message, params);
      const count = Number(params.count ?? 0);
      const forms = message as Readonly<Record<string, string>>;
      return fill(forms[plurals.select(count)] ?? forms.other!, params);
    },
  };
}

const translators: Partial<Record<Lang, Translator>> = {};
export function translator(lang: Lang): Translator {
  return (translators[lang] ??= create(lang));
}

/** The default wherever a caller does not say (the model's unit tests read English: test/support/catalogues.ts loads it). */
export const english: Translator = translator('en');

/**
 * A catalogue name in the page's language: `nameCy` in Welsh where the API gives one, else the
 * English name, marked `lang: 'en'` so the page can say it is English inside Welsh text.
 */
export function localName(thing: { name: string; nameCy?: string | null | undefined }, lang: Lang): { text: string; lang: 'en' | null } {
  if (lang === 'cy') return thing.nameCy ? { text: thing.nameCy, lang: null } : { text: thing.name, lang: 'en' };
  return { text: thing.name, lang: null };
}
