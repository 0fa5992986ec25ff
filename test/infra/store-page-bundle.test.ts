/**
 * The store page's build: esbuild bundles it small, index.html points at the hashed files and has
 * no inline script (the CSP forbids it), and the CDK asset really is built by the local esbuild.
 */
import { describe, expect, it } from 'vitest';
import { App, Stack } from 'aws-cdk-lib';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildStorePageInto } from '../../lib/store-page-assets.ts';
import { StorePage } from '../../lib/constructs/store-page.ts';

/** Budgets: a page a care-home PC on a slow line opens at once. */
// Issue #17: the whole page (script, styles, HTML) at most 45 KB gzipped.
const PAGE_GZIP_BUDGET = 45 * 1024;

describe('store page bundle', () => {
  it('is small, hashed, and free of inline script and Node-only code', () => {
    const outdir = mkdtempSync(join(tmpdir(), 'carestock-page-'));
    buildStorePageInto(outdir);
    const html = readFileSync(join(outdir, 'index.html'), 'utf8');
    const assets = readdirSync(join(outdir, 'assets'));
    const js = assets.find((f) => /^app-[A-Z0-9]+\.js$/.test(f))!;
    const css = assets.find((f) => /^app-[A-Z0-9]+\.css$/.test(f))!;
    expect(html).toContain(`src="assets/${js}"`);
    expect(html).toContain(`href="assets/${css}"`);
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/); // every script is a file
    expect(html).not.toMatch(/\sstyle=/);
    const code = readFileSync(join(outdir, 'assets', js));
    expect(code.toString()).not.toMatch(/process\.env|require\(|node:/);
    // Issue #19: each language's catalogue is a chunk the page loads for that language only.
    const chunks = assets.filter((f) => f.endsWith('.js') && f !== js);
    const catalogue = (lang: string) => chunks.find((f) => new RegExp(`^${lang}-[A-Z0-9]+\\.js$`).test(f));
    expect(catalogue('en')).toBeDefined();
    expect(catalogue('cy')).toBeDefined();
    // Anything else split out (a chunk both share) is loaded by every page.
    const shared = chunks.filter((f) => f !== catalogue('en') && f !== catalogue('cy'));
    const gz = (file: string) => gzipSync(readFileSync(join(outdir, 'assets', file))).length;
    const jsGzip = gzipSync(code).length + shared.reduce((n, f) => n + gz(f), 0);
    const cssGzip = gz(css);
    const htmlGzip = gzipSync(html).length;
    const enGzip = gz(catalogue('en')!);
    const cyGzip = gz(catalogue('cy')!);
    console.log(
      `store page: app.js ${code.length} B (${jsGzip} B gzip with ${shared.length} shared chunks), app.css ${cssGzip} B gzip, index.html ${htmlGzip} B gzip; ` +
        `catalogues en ${enGzip} B gzip, cy ${cyGzip} B gzip; in English ${jsGzip + cssGzip + htmlGzip + enGzip} B, in Welsh ${jsGzip + cssGzip + htmlGzip + cyGzip} B gzip`,
    );
    // The budget holds for the page as each language's reader downloads it.
    expect(jsGzip + cssGzip + htmlGzip + enGzip).toBeLessThanOrEqual(PAGE_GZIP_BUDGET);
    expect(jsGzip + cssGzip + htmlGzip + cyGzip).toBeLessThanOrEqual(PAGE_GZIP_BUDGET);
  });

  it('is built into the CDK asset by the local esbuild (no Docker)', () => {
    const outdir = mkdtempSync(join(tmpdir(), 'carestock-page-cdk-'));
    const app = new App({ outdir });
    const stack = new Stack(app, 'StorePageBundling', { env: { account: '123456789012', region: 'eu-west-2' } });
    const page = new StorePage(stack, 'StorePage', { connectTo: [] });
    page.publish({
      apiUrl: 'https://api.example',
      cognitoDomain: 'https://auth.example',
      clientId: 'client',
      scopes: ['openid'],
      thresholds: { criticalDays: 3, shortfallDays: 7, staleAfterDays: 3 },
    });
    const assembly = app.synth();
    const built = readdirSync(assembly.directory).filter((name) => name.startsWith('asset.') && existsSync(join(assembly.directory, name, 'index.html')));
    expect(built).toHaveLength(1);
    expect(readdirSync(join(assembly.directory, built[0]!, 'assets')).some((f) => f.endsWith('.js'))).toBe(true);
  });
});
