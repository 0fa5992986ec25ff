import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { useMessages } from '../i18n.tsx';

export interface Screen {
  id: string;
  label: string;
}

/** The screen named in the address (#count), so each screen can be linked to, bookmarked and gone back to. */
export function useScreen(screens: readonly Screen[]): string {
  const pick = () => {
    const wanted = location.hash.slice(1);
    return screens.some((s) => s.id === wanted) ? wanted : screens[0]!.id;
  };
  const [current, setCurrent] = useState(pick);
  useEffect(() => {
    const onHash = () => setCurrent(pick());
    window.addEventListener('hashchange', onHash);
    onHash();
    return () => window.removeEventListener('hashchange', onHash);
  }, [screens.map((s) => s.id).join()]);
  return current;
}

/** The screens of a page as a list of links; the current one marked for assistive technology too. */
export function ScreenNav({ screens, current, children }: { screens: readonly Screen[]; current: string; children?: ComponentChildren }) {
  const m = useMessages();
  return (
    <nav class="screens" aria-label={m.t('screens.nav')}>
      <ul>
        {screens.map((s) => (
          <li key={s.id}>
            <a href={`#${s.id}`} aria-current={s.id === current ? 'page' : undefined}>
              {s.label}
            </a>
          </li>
        ))}
      </ul>
      {children}
    </nav>
  );
}
