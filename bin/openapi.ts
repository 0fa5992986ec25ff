/**
 * `npm run openapi [-- --out FILE] [--server-url URL] [--auth-base-url URL]`
 * Writes the OpenAPI document, as GET /v1/openapi.json serves it, to openapi.json at the repository
 * root (gitignored: it is generated, so a committed copy could only go stale). Exits non-zero, with
 * the reasons, when the document is incomplete (a route without an operation, an unnamed body…).
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildOpenApi } from '../functions/openapi/openapi-document.ts';

const { values } = parseArgs({
  options: {
    out: { type: 'string', default: 'openapi.json' },
    'server-url': { type: 'string' },
    'auth-base-url': { type: 'string' },
  },
});

const { document, issues } = buildOpenApi({
  ...(values['server-url'] ? { serverUrl: values['server-url'] } : {}),
  authBaseUrl: values['auth-base-url'] ?? process.env.AUTH_BASE_URL,
});
const file = resolve(values.out);
writeFileSync(file, JSON.stringify(document, null, 2) + '\n');
const operations = Object.values(document.paths as Record<string, object>).reduce((n, methods) => n + Object.keys(methods).length, 0);
console.log(`${file}: ${operations} operations`);
if (issues.length > 0) {
  console.error(`The document is incomplete:\n  ${issues.join('\n  ')}`);
  process.exitCode = 1;
}
