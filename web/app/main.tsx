/** The page's entry: read config.json and the reader's language, then render in it. */
import { render } from 'preact';
import { loadCatalogue } from '../i18n/load-catalogue.ts';
import { isLoaded, translator } from '../i18n/translate.ts';
import { App } from './App.tsx';
import { loadConfig } from './config.ts';
import { applyLanguage, initialLanguage, LanguageProvider } from './i18n.tsx';
import './styles.css';

const root = document.getElementById('app')!;
const lang = initialLanguage();
applyLanguage(lang);
// The catalogue is loaded with the configuration, so the first render is already in the language.
Promise.all([loadConfig(translator(lang)), loadCatalogue(lang)]).then(
  ([config]) => {
    root.textContent = ''; // the "Loading…" placeholder: Preact renders alongside, not over, what is there
    render(
      <LanguageProvider initial={lang}>
        <App config={config} />
      </LanguageProvider>,
      root,
    );
  },
  (error: Error) => {
    // Without its words (the catalogue itself failed to load) the page can only say what failed.
    root.textContent = isLoaded(lang) ? translator(lang).t('app.startFailed', { error: error.message }) : `Carestock: ${error.message}`;
  },
);
