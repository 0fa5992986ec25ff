import { useEffect, useMemo, useState } from 'preact/hooks';
import { permissionsFrom } from '../model/permissions.ts';
import { createApi } from './api.ts';
import type { PageConfig } from './config.ts';
import { completeCognitoSignIn, currentSession, currentToken, signOut, type Session } from './session.ts';
import { AdminPage } from './components/AdminPage.tsx';
import { Frame } from './components/Frame.tsx';
import { HomePage } from './components/HomePage.tsx';
import { OverviewPage } from './components/OverviewPage.tsx';
import { SignIn } from './components/SignIn.tsx';
import { StorePage } from './components/StorePage.tsx';

export function App({ config }: { config: PageConfig }) {
  const [session, setSession] = useState<Session | null>(() => currentSession());
  const [message, setMessage] = useState<string | null>(null);
  /** The page names what it shows (the store's or home's name) once it has read it. */
  const [heading, setHeading] = useState<string | null>(null);

  useEffect(() => {
    if (config.mode !== 'cognito') return;
    completeCognitoSignIn(config).then(
      (s) => s && signedIn(s),
      (e: Error) => setMessage(e.message),
    );
  }, [config]);

  const api = useMemo(
    () =>
      session &&
      createApi(config.apiUrl, () => currentToken(config, session), () => {
        setSession(null);
        setMessage('Your session has ended. Please sign in again.');
      }),
    [session, config],
  );

  // After signing in the form is gone: put focus at the start of the content, not nowhere.
  const signedIn = (next: Session) => {
    setSession(next);
    setMessage(null);
    requestAnimationFrame(() => document.getElementById('main')?.focus());
  };

  useEffect(() => {
    document.title = session ? `Carestock: ${heading ?? describe(session)}` : 'Carestock: sign in';
  }, [session, heading]);

  if (!session || !api) {
    return (
      <Frame title="PPE stock for care homes">
        <SignIn config={config} message={message} onSignedIn={signedIn} />
      </Frame>
    );
  }
  const { org } = session;
  const permissions = permissionsFrom(session.scopes);
  const title = heading ?? (org.kind === 'admin' ? 'All stores' : 'Loading…');
  return (
    <Frame title={title} who={describe(session)} onSignOut={() => signOut(config)}>
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

function describe(session: Session): string {
  return session.org.kind === 'admin' ? 'administrator' : `${session.org.kind} ${session.org.id}`;
}
