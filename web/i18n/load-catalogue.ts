/** Loads a language's catalogue once, each its own chunk (esbuild code splitting). */
import { isLoaded, registerCatalogue, type Lang } from './translate.ts';

export async function loadCatalogue(lang: Lang): Promise<void> {
  if (isLoaded(lang)) return;
  if (lang === 'cy') registerCatalogue('cy', (await import('./cy.ts')).cy);
  else registerCatalogue('en', (await import('./en.ts')).en);
}
