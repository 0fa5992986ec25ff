/**
 * `npm run -s token -- --org admin|store:<storeId>|home:<homeId> [--scope S ...] [--ttl SECONDS]`
 * Prints only a bearer token for the local system, signed with the key in DATA_DIR (default
 * .carestock), so `TOKEN=$(npm run -s token -- --org admin)` works. Every scope of the role by default.
 */
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { parseOrg } from '../functions/access/principal.ts';
import { loadOrCreateSigningKey, signLocalToken } from './local/local-auth.ts';

const { values } = parseArgs({
  options: {
    org: { type: 'string' },
    scope: { type: 'string', multiple: true },
    ttl: { type: 'string' },
    'data-dir': { type: 'string' },
  },
});

const org = parseOrg(values.org);
if (!org) {
  console.error('usage: npm run -s token -- --org admin|store:<storeId>|home:<homeId> [--scope carestock/read ...] [--ttl 3600]');
  process.exit(2);
}
const key = await loadOrCreateSigningKey(resolve(values['data-dir'] ?? process.env.DATA_DIR ?? '.carestock'));
const scopes = values.scope?.map((s) => (s.includes('/') ? s : `carestock/${s}`));
process.stdout.write(
  (await signLocalToken(key, { org, ...(scopes ? { scopes } : {}), ...(values.ttl ? { ttlSeconds: Number(values.ttl) } : {}) })) + '\n',
);
