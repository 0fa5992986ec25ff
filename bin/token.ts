/**
 * `npm run -s token -- --org admin|store:<storeId>|home:<homeId> [--role manager|staff] [--scope S ...] [--ttl SECONDS]`
 * Prints only a bearer token for the local system, signed with the key in DATA_DIR (default
 * .carestock), so `TOKEN=$(npm run -s token -- --org admin)` works. For scripting: it needs no
 * membership. The token carries the org, the role (manager unless told) and that role's scopes
 * from functions/scopes.ts, the same table the Cognito trigger reads; `--scope` narrows them.
 */
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { MEMBER_ROLES, parseOrg, type MemberRole } from '../functions/access/principal.ts';
import { loadOrCreateSigningKey, signLocalToken } from './local/local-auth.ts';

const { values } = parseArgs({
  options: {
    org: { type: 'string' },
    role: { type: 'string' },
    scope: { type: 'string', multiple: true },
    ttl: { type: 'string' },
    'data-dir': { type: 'string' },
  },
});

const org = parseOrg(values.org);
const role = (values.role ?? 'manager') as MemberRole;
if (!org || !MEMBER_ROLES.includes(role)) {
  console.error('usage: npm run -s token -- --org admin|store:<storeId>|home:<homeId> [--role manager|staff] [--scope carestock/read ...] [--ttl 3600]');
  process.exit(2);
}
const key = await loadOrCreateSigningKey(resolve(values['data-dir'] ?? process.env.DATA_DIR ?? '.carestock'));
const scopes = values.scope?.map((s) => (s.includes('/') ? s : `carestock/${s}`));
process.stdout.write(
  (await signLocalToken(key, { org, role, ...(scopes ? { scopes } : {}), ...(values.ttl ? { ttlSeconds: Number(values.ttl) } : {}) })) + '\n',
);
