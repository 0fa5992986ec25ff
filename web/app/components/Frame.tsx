import type { ComponentChildren } from 'preact';
import type { Lang } from '../../i18n/translate.ts';
import { useLanguageSwitch, useMessages } from '../i18n.tsx';

/** The page's frame: a skip link, the header with the language switch and who is signed in, and the main landmark. */
export function Frame(props: { title: string; titleLang?: 'en' | undefined; who?: string; onSignOut?: () => void; children: ComponentChildren }) {
  const { title, who, onSignOut, children } = props;
  const m = useMessages();
  return (
    <>
      <a class="skip-link" href="#main">
        {m.t('frame.skip')}
      </a>
      <header class="top">
        <p class="brand">Carestock</p>
        <h1 lang={props.titleLang}>{title}</h1>
        <LanguageSwitch />
        {who && onSignOut ? (
          <div class="who">
            <span>{m.t('frame.signedInAs', { who })}</span>
            <button type="button" class="link-button" onClick={onSignOut}>
              {m.t('frame.signOut')}
            </button>
          </div>
        ) : null}
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}

/** Each language named in itself (so not from a catalogue) and marked with its own `lang`. */
const NAMES: Record<Lang, string> = { cy: 'Cymraeg', en: 'English' };

/**
 * Cymraeg / English on every screen (after HMRC's language select): the current language as text
 * marked current, the other as a real link (`?lang=`) that switches in place and is kept.
 */
function LanguageSwitch() {
  const m = useMessages();
  const switchTo = useLanguageSwitch();
  return (
    <nav class="language-switch" aria-label={m.t('frame.language')}>
      <ul>
        {(['cy', 'en'] as const).map((lang) => (
          <li key={lang}>
            {lang === m.lang ? (
              <span lang={lang} aria-current="true">
                {NAMES[lang]}
              </span>
            ) : (
              <a
                href={`?lang=${lang}`}
                lang={lang}
                hreflang={lang}
                rel="alternate"
                data-testid={`language-${lang}`}
                onClick={(event) => {
                  event.preventDefault();
                  switchTo(lang);
                }}
              >
                {NAMES[lang]}
              </a>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** What the header names: a store's or home's name in the page's language, `lang: 'en'` when it is the English one inside Welsh. */
export interface Heading {
  text: string;
  lang?: 'en' | undefined;
}
