import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { permissionsFrom } from '../model/permissions.ts';
import type { Translator } from '../i18n/translate.ts';
import { createApi } from './api.ts';
import { useMessages } from './i18n.tsx';
import type { PageConfig } from './config.ts';
import { completeCognitoSignIn, currentSession, currentToken, signOut, type Session } from './session.ts';
import { AdminPage } from './components/AdminPage.tsx';
import { Frame, type Heading } from './components/Frame.tsx';
import { HomePage } from './components/HomePage.tsx';
import { OverviewPage } from './components/OverviewPage.tsx';
import { SignIn } from './components/SignIn.tsx';
import { StorePage } from './components/StorePage.tsx';

export function App({ config }: { config: PageConfig }) {
  const m = useMessages();
  // The API client reads the language when it sends (Accept-Language), so a switch needs no new client.
  const language = useRef(m);
  language.current = m;
  const [session, setSession] = useState<Session | null>(() => currentSession());
  const [message, setMessage] = useState<string | null>(null);
  /** The page names what it shows (the store's or home's name) once it has read it. */
  const [heading, setHeading] = useState<Heading | null>(null);

  useEffect(() => {
    if (config.mode !== 'cognito') return;
    completeCognitoSignIn(config, language.current).then(
      (s) => s && signedIn(s),
      (e: Error) => setMessage(e.message),
    );
  }, [config]);

  const api = useMemo(
    () =>
      session &&
      createApi(
        config.apiUrl,
        () => currentToken(config, session),
        () => {
          setSession(null);
          setMessage(language.current.t('app.sessionEnded'));
        },
        () => language.current,
      ),
    [session, config],
  );

  // After signing in the form is gone: put focus at the start of the content, not nowhere.
  const signedIn = (next: Session) => {
    setSession(next);
    setMessage(null);
    requestAnimationFrame(() => document.getElementById('main')?.focus());
  };

  useEffect(() => {
    document.title = session ? m.t('app.title', { heading: heading?.text ?? describe(session, m) }) : m.t('app.titleSignIn');
  }, [session, heading, m]);

  if (!session || !api) {
    return (
      <Frame title={m.t('app.tagline')}>
        <SignIn config={config} message={message} onSignedIn={signedIn} />
      </Frame>
    );
  }
  const { org } = session;
  const permissions = permissionsFrom(session.scopes);
  const title = heading ?? { text: org.kind === 'admin' ? m.t('app.allStores') : m.t('app.loading') };
  return (
    <Frame title={title.text} titleLang={title.lang} who={describe(session, m)} onSignOut={() => signOut(config)}>
      {org.kind === 'store' ? (
        <StorePage api={api} storeId={org.id} permissions={permissions} thresholds={config.thresholds} onHeading={setHeading} />
      ) : org.kind === 'home' ? (
        <HomePage api={api} homeId={org.id} permissions={permissions} signedInName={session.name} thresholds={config.thresholds} onHeading={setHeading} />
      ) : org.kind === 'region' ? (
        <OverviewPage api={api} scope={{ kind: 'region', regionId: org.id }} permissions={permissions} thresholds={config.thresholds} onHeading={setHeading} />
      ) : (
        <AdminPage api={api} permissions={permissions} thresholds={config.thresholds} onHeading={setHeading} />
      )}
    </Frame>
  );
}

function describe(session: Session, m: Translator): string {
  const { org } = session;
  return org.kind === 'admin' ? m.t('app.who.admin') : m.t(`app.who.${org.kind}`, { id: org.id });
}
