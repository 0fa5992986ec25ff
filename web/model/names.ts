/**
 * Catalogue names in the page's language: an item's, home's or store's `nameCy` when the page is in
 * Welsh and the API gives one, else its English name. `langOf` says when a name shown is English
 * inside Welsh text, so the page can mark it `lang="en"`.
 */
import { english, localName, type Translator } from '../i18n/translate.ts';

export interface Named {
  name: string;
  nameCy?: string | null | undefined;
}

export function nameIn(thing: Named, m: Translator = english): string {
  return localName(thing, m.lang).text;
}

/** 'en' when the name shown is the English one on a Welsh page; undefined when it is in the page's language. */
export function langOf(thing: Named | undefined, m: Translator): 'en' | undefined {
  return thing && localName(thing, m.lang).lang === 'en' ? 'en' : undefined;
}

/** An item's name by SKU (the SKU itself when the catalogue does not know it). */
export function itemName(items: ReadonlyMap<string, Named>, sku: string, m: Translator = english): string {
  const item = items.get(sku);
  return item ? nameIn(item, m) : sku;
}

/**
 * The notes the API writes itself (the planner's and allocation's reasons, a request's history
 * notes) are English data: on a Welsh page they are marked `lang="en"`. What people type (a
 * rejection reason, a note) is left unmarked: the page cannot tell its language.
 */
export function apiNoteLang(m: Translator): 'en' | undefined {
  return m.lang === 'en' ? undefined : 'en';
}
