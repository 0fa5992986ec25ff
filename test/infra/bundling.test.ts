/**
 * The one test that really bundles: a CarestockFunction synthesised with bundling on, through the
 * locally installed esbuild (no Docker), produces an ESM bundle with the require banner and a map.
 */
import { describe, expect, it } from 'vitest';
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { CarestockFunction } from '../../lib/constructs/carestock-function.ts';

describe('CarestockFunction bundling', () => {
  it('bundles a handler with the local esbuild into a minified ESM asset', () => {
    const outdir = join('cdk.out', 'bundling-test');
    rmSync(outdir, { recursive: true, force: true });
    const app = new App({ outdir });
    const stack = new Stack(app, 'BundlingTest');
    new CarestockFunction(stack, 'GetItem', { handlerFile: 'get-item', description: 'bundling test' });
    const assembly = app.synth();
    const fn = Object.values(Template.fromStack(stack).findResources('AWS::Lambda::Function'))[0]!;
    const assets = readdirSync(assembly.directory).filter((name) => name.startsWith('asset.'));
    expect(assets).toHaveLength(1);
    const bundle = join(assembly.directory, assets[0]!, 'index.mjs');
    expect(existsSync(bundle)).toBe(true);
    const code = readFileSync(bundle, 'utf8');
    expect(code.startsWith('import { createRequire as __carestockCreateRequire }')).toBe(true);
    expect(code.length / code.split('\n').length).toBeGreaterThan(1000); // minified: long lines, no indentation
    expect(existsSync(`${bundle}.map`)).toBe(true);
    // The SDK's credential chain is aliased to the environment provider (lib/bundling.ts): no SSO or INI profiles.
    expect(code).not.toContain('sso_session');
    expect(fn.Properties.Handler).toBe('index.handler');
  });
});
