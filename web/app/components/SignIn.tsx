import { useState } from 'preact/hooks';
import type { LocalOrgChoice, PageConfig } from '../config.ts';
import { localSignIn, startCognitoSignIn, type Session } from '../session.ts';

type Role = 'store' | 'home' | 'admin';
const roleOf = (org: string): Role => (org === 'admin' ? 'admin' : (org.split(':')[0] as Role));
const roleNames: Record<Role, string> = { store: 'Store staff', home: 'Care home staff', admin: 'Administrator' };

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
        <LocalSignIn orgs={config.localSignIn.orgs} path={config.localSignIn.path} onError={setError} onSignedIn={onSignedIn} />
      )}
    </section>
  );
}

function LocalSignIn({ orgs, path, onError, onSignedIn }: { orgs: LocalOrgChoice[]; path: string; onError: (m: string) => void; onSignedIn: (s: Session) => void }) {
  const roles = (['store', 'home', 'admin'] as Role[]).filter((r) => orgs.some((o) => roleOf(o.org) === r));
  const [role, setRole] = useState<Role>(roles[0] ?? 'store');
  const choices = orgs.filter((o) => roleOf(o.org) === role);
  const [org, setOrg] = useState(choices[0]?.org ?? '');
  const pickRole = (next: Role) => {
    setRole(next);
    setOrg(orgs.find((o) => roleOf(o.org) === next)?.org ?? '');
  };
  const submit = (event: Event) => {
    event.preventDefault();
    localSignIn(path, org).then(onSignedIn, (e: Error) => onError(e.message));
  };
  return (
    <form onSubmit={submit}>
      <p>
        Local development: no password. Choose who to be; the local server signs a token for that organisation, as
        Cognito would when deployed.
      </p>
      <fieldset>
        <legend>Role</legend>
        {roles.map((r) => (
          <label key={r} class="radio">
            <input type="radio" name="role" value={r} checked={role === r} onChange={() => pickRole(r)} /> {roleNames[r]}
          </label>
        ))}
      </fieldset>
      <label for="sign-in-org">Organisation</label>
      <select id="sign-in-org" name="org" value={org} onChange={(e) => setOrg((e.currentTarget as HTMLSelectElement).value)}>
        {choices.map((o) => (
          <option key={o.org} value={o.org}>
            {o.label}
          </option>
        ))}
      </select>
      <button type="submit" disabled={!org}>
        Sign in
      </button>
    </form>
  );
}
