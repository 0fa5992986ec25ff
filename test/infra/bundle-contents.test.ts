/**
 * What goes into each Lambda bundle, read from esbuild's metafile with the deployed bundling
 * options: no classic zod, no zod locale barrel (zod #5665), no OpenAPI generator outside the
 * document's own function, and no dev-only code (jose, the local runtime).
 */
import { describe, expect, it } from 'vitest';
import { build } from 'esbuild';
import { join } from 'node:path';
import { routes } from '../../functions/routes.ts';
import { jobs } from '../../functions/jobs.ts';
import { sharedEsbuildOptions } from '../../lib/bundling.ts';

const handlers = [...new Set([...routes.map((r) => r.handler), ...jobs.map((j) => j.handler), 'pre-token-generation'])];

async function bundleInputs(handler: string): Promise<string[]> {
  const result = await build({
    ...sharedEsbuildOptions,
    entryPoints: [join('functions', 'handlers', `${handler}.ts`)],
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
  it.each(handlers)('%s carries no classic zod, no locale barrel, no local-only code', async (handler) => {
    const inputs = await bundleInputs(handler);
    expect(inputs.filter((p) => p.includes('node_modules/zod/v4/classic/'))).toEqual([]);
    expect(inputs.filter((p) => /node_modules\/zod\/v4\/locales\/(?!en\.js)/.test(p))).toEqual([]);
    expect(inputs.filter((p) => p.includes('node_modules/jose/') || p.startsWith('bin/'))).toEqual([]);
    if (handler !== 'openapi-document') {
      expect(inputs.filter((p) => p.startsWith('functions/openapi/') || p.includes('to-json-schema'))).toEqual([]);
    }
  });
});
