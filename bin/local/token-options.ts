/**
 * The arguments of `npm run token`, read without throwing: the tool prints a message and exits,
 * never a stack trace. Pure, so the unit tests check every refusal.
 */
import { parseArgs } from 'node:util';
import { MEMBER_ROLES, parseOrg, type MemberRole, type Org } from '../../functions/access/principal.ts';

/** What deployed tokens last (the Cognito clients' access-token validity in lib/constructs/auth.ts). */
export const DEFAULT_TTL_SECONDS = 3600;
/** Cognito's own ceiling for an access token's validity. */
export const MAX_TTL_SECONDS = 86_400;

export const TOKEN_USAGE = `usage: npm run -s token -- --org <org> [--role manager|staff] [--scope S ...] [--ttl SECONDS] [--data-dir DIR]

Prints a bearer token for the local system (npm start), signed with the key in DATA_DIR (default .carestock).

  --org ORG        admin, store:<storeId> or home:<homeId>  (required)
  --role ROLE      manager (default) or staff; the token gets that role's scopes
  --scope S        narrow the scopes, repeatable: --scope read --scope stock.write
                   (the carestock/ prefix may be left out)
  --ttl SECONDS    how long the token lasts: a whole number from 1 to ${MAX_TTL_SECONDS}
                   (default ${DEFAULT_TTL_SECONDS}, one hour, as deployed tokens)
  --data-dir DIR   where the signing key lives (default DATA_DIR or .carestock)
  -h, --help       this text

example: TOKEN=$(npm run -s token -- --org store:cardiff-jes --role staff)`;

export interface TokenOptions {
  org: Org;
  role: MemberRole;
  scopes?: string[];
  ttlSeconds: number;
  dataDir?: string;
}

export type ParsedTokenArgs = { kind: 'help' } | { kind: 'error'; message: string } | { kind: 'ok'; options: TokenOptions };

export function parseTokenArgs(args: readonly string[]): ParsedTokenArgs {
  let values;
  try {
    ({ values } = parseArgs({
      // `--ttl -5` is a value to refuse with a reason, not (as parseArgs reads it) a missing one.
      args: args.flatMap((arg, i) => (args[i - 1] === '--ttl' && /^-\d/.test(arg) ? [] : arg === '--ttl' && /^-\d/.test(args[i + 1] ?? '') ? [`--ttl=${args[i + 1]}`] : [arg])),
      strict: true,
      options: {
        org: { type: 'string' },
        role: { type: 'string' },
        scope: { type: 'string', multiple: true },
        ttl: { type: 'string' },
        'data-dir': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    return { kind: 'error', message: (error as Error).message };
  }
  if (values.help) return { kind: 'help' };
  if (values.org === undefined) return { kind: 'error', message: '--org is required.' };
  const org = parseOrg(values.org);
  if (!org) return { kind: 'error', message: `--org "${values.org}" is not admin, store:<storeId> or home:<homeId> (ids are lower-case letters, digits and hyphens).` };
  const role = (values.role ?? 'manager') as MemberRole;
  if (!MEMBER_ROLES.includes(role)) return { kind: 'error', message: `--role "${values.role}" is not manager or staff.` };
  let ttlSeconds = DEFAULT_TTL_SECONDS;
  if (values.ttl !== undefined) {
    if (!/^\d+$/.test(values.ttl) || Number(values.ttl) < 1 || Number(values.ttl) > MAX_TTL_SECONDS) {
      return { kind: 'error', message: `--ttl "${values.ttl}" is not a whole number of seconds from 1 to ${MAX_TTL_SECONDS}.` };
    }
    ttlSeconds = Number(values.ttl);
  }
  const scopes = values.scope?.map((s) => (s.includes('/') ? s : `carestock/${s}`));
  return {
    kind: 'ok',
    options: { org, role, ttlSeconds, ...(scopes ? { scopes } : {}), ...(values['data-dir'] ? { dataDir: values['data-dir'] } : {}) },
  };
}
