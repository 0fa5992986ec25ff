/**
 * What goes into each Lambda bundle (the route groups' generated entries, the jobs, the Cognito
 * trigger), read from esbuild's metafile with the deployed bundling options: no classic zod, no
 * zod locale barrel (zod #5665), no OpenAPI generator outside the public function (the document's
 * own), no dev-only code (jose, the local runtime), and no SDK credential chain beyond the
 * environment (lib/bundling.ts's alias).
 */
import { describe, expect, it } from 'vitest';
import { build } from 'esbuild';
import { join } from 'node:path';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { jobs } from '../../functions/jobs.ts';
import { sharedEsbuildOptions } from '../../lib/bundling.ts';
import { functionGroups, writeGroupEntry } from '../../lib/function-groups.ts';

mkdirSync('.build', { recursive: true });
const entryDirectory = mkdtempSync(join(process.cwd(), '.build', 'bundle-contents-'));
const entries: [string, string][] = [
  ...functionGroups().map((group): [string, string] => [group.name, writeGroupEntry(group, entryDirectory)]),
  ...[...jobs.map((j) => j.handler), 'pre-token-generation', 'webhook-sender'].map((handler): [string, string] => [handler, join('functions', 'handlers', `${handler}.ts`)]),
];

async function bundleInputs(entry: string): Promise<string[]> {
  const result = await build({
    ...sharedEsbuildOptions,
    entryPoints: [entry],
    write: false,
    outdir: 'out',
    metafile: true,
    logLevel: 'silent',
  });
  // Inputs that contribute bytes to the output: esbuild parses more files than it keeps.
  const output = Object.values(result.metafile.outputs).find((o) => o.entryPoint)!;
  return Object.entries(output.inputs)
    .filter(([, input]) => input.bytesInOutput > 0)
    .map(([path]) => path);
}

describe('Lambda bundle contents', () => {
  it.each(entries)('%s carries no classic zod, no locale barrel, no local-only code, no credential chain', async (name, entry) => {
    const inputs = await bundleInputs(entry);
    expect(inputs.filter((p) => p.includes('node_modules/zod/v4/classic/'))).toEqual([]);
    expect(inputs.filter((p) => /node_modules\/zod\/v4\/locales\/(?!en\.js)/.test(p))).toEqual([]);
    expect(inputs.filter((p) => p.includes('node_modules/jose/') || p.startsWith('bin/'))).toEqual([]);
    expect(inputs.filter((p) => /node_modules\/@aws-sdk\/(credential-provider-(node|ini|sso|process|web-identity|login)|nested-clients)\//.test(p))).toEqual([]);
    if (name !== 'public') {
      expect(inputs.filter((p) => p.startsWith('functions/openapi/') || p.includes('to-json-schema'))).toEqual([]);
    }
    // Only the function that invites and removes people carries the Cognito client (the token trigger does not).
    expect(inputs.some((p) => p.includes('client-cognito-identity-provider')), 'Cognito client').toBe(name === 'directory');
  });
});
