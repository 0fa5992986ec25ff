/**
 * `npm run -s token -- --org admin|store:<storeId>|home:<homeId> [--role manager|staff] [--scope S ...] [--ttl SECONDS]`
 * (`--help` for the details). Prints only a bearer token for the local system, signed with the key
 * in DATA_DIR (default .carestock), so `TOKEN=$(npm run -s token -- --org admin)` works. For
 * scripting: it needs no membership. The token carries the org, the role (manager unless told) and
 * that role's scopes from functions/scopes.ts, the same table the Cognito trigger reads; `--scope`
 * narrows them. It lasts one hour unless `--ttl` says otherwise, as deployed tokens do.
 */
import { resolve } from 'node:path';
import { loadOrCreateSigningKey, signLocalToken } from './local/local-auth.ts';
import { parseTokenArgs, TOKEN_USAGE } from './local/token-options.ts';

const parsed = parseTokenArgs(process.argv.slice(2));
if (parsed.kind === 'help') {
  process.stdout.write(TOKEN_USAGE + '\n');
  process.exit(0);
}
if (parsed.kind === 'error') {
  process.stderr.write(`token: ${parsed.message}\n\n${TOKEN_USAGE}\n`);
  process.exit(2);
}
const { org, role, scopes, ttlSeconds, dataDir } = parsed.options;
const key = await loadOrCreateSigningKey(resolve(dataDir ?? process.env.DATA_DIR ?? '.carestock'));
process.stdout.write((await signLocalToken(key, { org, role, ttlSeconds, ...(scopes ? { scopes } : {}) })) + '\n');
