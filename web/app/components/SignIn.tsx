import { useState } from 'preact/hooks';
import type { LocalMemberChoice, PageConfig } from '../config.ts';
import { localSignIn, startCognitoSignIn, type Session } from '../session.ts';

type Kind = 'store' | 'home' | 'region' | 'admin';
const kindOf = (org: string): Kind => (org === 'admin' ? 'admin' : (org.split(':')[0] as Kind));
const kindNames: Record<Kind, string> = { store: 'Store', home: 'Care home', region: 'Region', admin: 'Administrator' };
const roleNames = { manager: 'manager', staff: 'staff' } as const;

/** Deployed: one button to Cognito's hosted UI. Locally: choose a role and an organisation from the demo data. */
export function SignIn({ config, message, onSignedIn }: { config: PageConfig; message: string | null; onSignedIn: (session: Session) => void }) {
  const [error, setError] = useState<string | null>(null);
  return (
    <section aria-labelledby="sign-in-heading" class="panel sign-in">
      <h2 id="sign-in-heading">Sign in</h2>
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
          <p>Sign in with your Carestock account. You will come back here afterwards.</p>
          <button type="button" onClick={() => startCognitoSignIn(config).catch((e: Error) => setError(e.message))}>
            Sign in
          </button>
        </>
      ) : (
        <LocalSignIn members={config.localSignIn.members} path={config.localSignIn.path} onError={setError} onSignedIn={onSignedIn} />
      )}
    </section>
  );
}

function LocalSignIn({ members, path, onError, onSignedIn }: { members: LocalMemberChoice[]; path: string; onError: (m: string) => void; onSignedIn: (s: Session) => void }) {
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
  const submit = (event: Event) => {
    event.preventDefault();
    localSignIn(path, email).then(onSignedIn, (e: Error) => onError(e.message));
  };
  return (
    <form onSubmit={submit}>
      <p>
        Local development: no password. Choose who to be; the local server signs you in as that member, with the
        organisation, role and scopes their membership gives, as Cognito would when deployed.
      </p>
      <fieldset>
        <legend>Organisation type</legend>
        {kinds.map((k) => (
          <label key={k} class="radio">
            <input type="radio" name="kind" value={k} checked={kind === k} onChange={() => pickKind(k)} /> {kindNames[k]}
          </label>
        ))}
      </fieldset>
      <label for="sign-in-org">Organisation</label>
      <select id="sign-in-org" name="org" value={org} onChange={(e) => pickOrg((e.currentTarget as HTMLSelectElement).value)}>
        {orgsOf(kind).map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
      <label for="sign-in-person">Person</label>
      <select id="sign-in-person" name="email" value={email} onChange={(e) => setEmail((e.currentTarget as HTMLSelectElement).value)}>
        {people.map((m) => (
          <option key={m.email} value={m.email}>
            {m.name} ({roleNames[m.role]})
          </option>
        ))}
      </select>
      <button type="submit" disabled={!email}>
        Sign in
      </button>
    </form>
  );
}
