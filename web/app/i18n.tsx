/**
 * The page's language: chosen once (stored choice, else the browser's), switched from the header on
 * every screen, kept in localStorage, and set on `<html lang>`. Components read the words with
 * `useMessages()`; nothing else about the language is global.
 */
import { createContext, type ComponentChildren } from 'preact';
import { useContext, useLayoutEffect, useState } from 'preact/hooks';
import { chooseLanguage, LANGUAGE_KEY } from '../i18n/choose-language.ts';
import { loadCatalogue } from '../i18n/load-catalogue.ts';
import { english, HTML_LANG, translator, type Lang, type Translator } from '../i18n/translate.ts';

interface LanguageState {
  messages: Translator;
  setLanguage(lang: Lang): void;
}

const LanguageContext = createContext<LanguageState>({ messages: english, setLanguage: () => undefined });

/** The words of the page in its language: `const m = useMessages(); m.t('frame.signOut')`. */
export function useMessages(): Translator {
  return useContext(LanguageContext).messages;
}

export function useLanguageSwitch(): (lang: Lang) => void {
  return useContext(LanguageContext).setLanguage;
}

function storedChoice(): string | null {
  try {
    return localStorage.getItem(LANGUAGE_KEY);
  } catch {
    return null; // storage blocked: the browser's languages decide
  }
}

/** The language the page starts in (also used before it renders, for a start-up error). */
export function initialLanguage(): Lang {
  return chooseLanguage(new URLSearchParams(location.search).get('lang'), storedChoice(), navigator.languages ?? [navigator.language]);
}

export function applyLanguage(lang: Lang): void {
  document.documentElement.lang = HTML_LANG[lang];
}

export function LanguageProvider({ initial, children }: { initial: Lang; children: ComponentChildren }) {
  const [lang, setLang] = useState<Lang>(initial);
  // In the same commit as the words, so <html lang> never disagrees with what is on screen.
  useLayoutEffect(() => applyLanguage(lang), [lang]);
  const setLanguage = async (next: Lang) => {
    // The words first (a chunk, the first time), then the switch: never a screen half in each language.
    await loadCatalogue(next).catch(() => undefined);
    try {
      localStorage.setItem(LANGUAGE_KEY, next);
    } catch {
      // storage blocked: the choice lasts until the page is reloaded
    }
    // A ?lang= in the address would win on the next reload: make it say the new choice.
    const url = new URL(location.href);
    if (url.searchParams.has('lang')) {
      url.searchParams.set('lang', next);
      history.replaceState(history.state, '', url);
    }
    setLang(next);
  };
  return <LanguageContext.Provider value={{ messages: translator(lang), setLanguage }}>{children}</LanguageContext.Provider>;
}
