import { useState } from 'preact/hooks';
import type { LocalMemberChoice, PageConfig } from '../config.ts';
import { useMessages } from '../i18n.tsx';
import { localSignIn, startCognitoSignIn, type Session } from '../session.ts';

type Kind = 'store' | 'home' | 'region' | 'admin';
const kindOf = (org: string): Kind => (org === 'admin' ? 'admin' : (org.split(':')[0] as Kind));

/** Deployed: one button to Cognito's hosted UI. Locally: choose a role and an organisation from the demo data. */
export function SignIn({ config, message, onSignedIn }: { config: PageConfig; message: string | null; onSignedIn: (session: Session) => void }) {
  const [error, setError] = useState<string | null>(null);
  const m = useMessages();
  return (
    <section aria-labelledby="sign-in-heading" class="panel sign-in">
      <h2 id="sign-in-heading">{m.t('signIn.heading')}</h2>
      {message ? (
        <p class="warning" role="alert">
          {message}
        </p>
      ) : null}
      {error ? (
        <p class="warning" role="alert">
          {error}
        </p>
      ) : null}
      {config.mode === 'cognito' ? (
        <>
          <p>{m.t('signIn.cognito')}</p>
          <button type="button" onClick={() => startCognitoSignIn(config).catch((e: Error) => setError(e.message))}>
            {m.t('signIn.button')}
          </button>
        </>
      ) : (
        <LocalSignIn members={config.localSignIn.members} path={config.localSignIn.path} onError={setError} onSignedIn={onSignedIn} />
      )}
    </section>
  );
}

function LocalSignIn({ members, path, onError, onSignedIn }: { members: LocalMemberChoice[]; path: string; onError: (m: string) => void; onSignedIn: (s: Session) => void }) {
  const m = useMessages();
  const kinds = (['store', 'home', 'region', 'admin'] as Kind[]).filter((k) => members.some((m) => kindOf(m.org) === k));
  const orgsOf = (kind: Kind) => [...new Map(members.filter((m) => kindOf(m.org) === kind).map((m) => [m.org, m.orgLabel])).entries()];
  const [kind, setKind] = useState<Kind>(kinds[0] ?? 'store');
  const [org, setOrg] = useState(orgsOf(kind)[0]?.[0] ?? '');
  const people = members.filter((m) => m.org === org);
  const [email, setEmail] = useState(people[0]?.email ?? '');
  const pickOrg = (next: string) => {
    setOrg(next);
    setEmail(members.find((m) => m.org === next)?.email ?? '');
  };
  const pickKind = (next: Kind) => {
    setKind(next);
    pickOrg(orgsOf(next)[0]?.[0] ?? '');
  };
  // The local directory's organisation labels are written in English (bin/local): marked so inside Welsh.
  const directoryLang = m.lang === 'en' ? undefined : 'en';
  const submit = (event: Event) => {
    event.preventDefault();
    localSignIn(path, email, m).then(onSignedIn, (e: Error) => onError(e.message));
  };
  return (
    <form onSubmit={submit}>
      <p>{m.t('signIn.local')}</p>
      <fieldset>
        <legend>{m.t('signIn.orgType')}</legend>
        {kinds.map((k) => (
          <label key={k} class="radio">
            <input type="radio" name="kind" value={k} checked={kind === k} onChange={() => pickKind(k)} /> {m.t(`signIn.kind.${k}`)}
          </label>
        ))}
      </fieldset>
      <label for="sign-in-org">{m.t('signIn.org')}</label>
      <select id="sign-in-org" name="org" value={org} onChange={(e) => pickOrg((e.currentTarget as HTMLSelectElement).value)}>
        {orgsOf(kind).map(([value, label]) => (
          <option key={value} value={value} lang={directoryLang}>
            {label}
          </option>
        ))}
      </select>
      <label for="sign-in-person">{m.t('signIn.person')}</label>
      <select id="sign-in-person" name="email" value={email} onChange={(e) => setEmail((e.currentTarget as HTMLSelectElement).value)}>
        {people.map((person) => (
          <option key={person.email} value={person.email}>
            {m.t('signIn.personOption', { name: person.name, role: m.t(`role.${person.role}`) })}
          </option>
        ))}
      </select>
      <button type="submit" disabled={!email}>
        {m.t('signIn.button')}
      </button>
    </form>
  );
}
