/** The page's entry: read config.json, then render. */
import { render } from 'preact';
import { App } from './App.tsx';
import { loadConfig } from './config.ts';
import './styles.css';

const root = document.getElementById('app')!;
loadConfig().then(
  (config) => {
    root.textContent = ''; // the "Loading…" placeholder: Preact renders alongside, not over, what is there
    render(<App config={config} />, root);
  },
  (error: Error) => {
    root.textContent = `The page could not start: ${error.message}. Try reloading.`;
  },
);
