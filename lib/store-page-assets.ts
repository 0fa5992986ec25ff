/**
 * The store page's files, built the same way wherever they are served: esbuild bundles
 * web/app/main.tsx (Preact, minified, content-hashed names) and index.html is written to point at
 * the hashed files. The CDK construct builds them into its asset directory; the local runtime
 * builds them into memory at start. The security headers live here too, so the local server sends
 * what CloudFront sends and the browser test sees the real Content-Security-Policy.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { build, buildSync, type BuildOptions, type BuildResult, type OutputFile } from 'esbuild';

const projectRoot = join(import.meta.dirname, '..');
export const webDirectory = join(projectRoot, 'web');

/** Evergreen browsers of the last few years: what NHS and council desktops run. */
const BROWSER_TARGETS = ['chrome111', 'edge111', 'firefox111', 'safari16'];

function options(outdir: string): BuildOptions & { metafile: true } {
  return {
    entryPoints: { app: join(webDirectory, 'app', 'main.tsx') },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: BROWSER_TARGETS,
    jsx: 'automatic',
    jsxImportSource: 'preact',
    tsconfig: join(webDirectory, 'tsconfig.json'),
    outdir,
    entryNames: 'assets/[name]-[hash]',
    // The Welsh catalogue is a chunk of its own, loaded only by a page in Welsh (issue #19).
    splitting: true,
    chunkNames: 'assets/[name]-[hash]',
    assetNames: 'assets/[name]-[hash]',
    metafile: true,
    legalComments: 'none',
    logLevel: 'silent',
  };
}

/** index.html with its asset references pointing at this build's hashed files. */
function indexHtml(result: BuildResult<{ metafile: true }>, outdir: string): string {
  const template = readFileSync(join(webDirectory, 'index.html'), 'utf8');
  const outputs = Object.keys(result.metafile.outputs).map((path) => relative(outdir, join(process.cwd(), path)).split('\\').join('/'));
  const js = outputs.find((p) => /^assets\/app-[^/]+\.js$/.test(p));
  const css = outputs.find((p) => /^assets\/app-[^/]+\.css$/.test(p));
  if (!js || !css) throw new Error(`store page build: expected app-*.js and app-*.css, got ${outputs.join(', ')}`);
  return template.replace('assets/app.js', js).replace('assets/app.css', css);
}

/** Builds the page into `outdir` (index.html + assets/). Synchronous: CDK's local bundling needs it so. */
export function buildStorePageInto(outdir: string): { files: string[] } {
  const result = buildSync(options(outdir));
  const html = indexHtml(result, outdir);
  writeFileSync(join(outdir, 'index.html'), html);
  return { files: ['index.html', ...Object.keys(result.metafile.outputs).map((p) => relative(outdir, join(process.cwd(), p)))] };
}

export interface BuiltFile {
  contentType: string;
  body: Buffer;
}

/** Builds the page into memory: URL path (e.g. `/assets/app-H4SH.js`) → file. */
export async function buildStorePageInMemory(): Promise<Map<string, BuiltFile>> {
  const outdir = join(projectRoot, '.carestock', 'web-build');
  const result = await build({ ...options(outdir), write: false });
  const files = new Map<string, BuiltFile>();
  for (const file of result.outputFiles as OutputFile[]) {
    const path = `/${relative(outdir, file.path).split('\\').join('/')}`;
    files.set(path, { contentType: contentTypeOf(path), body: Buffer.from(file.contents) });
  }
  files.set('/index.html', { contentType: contentTypeOf('index.html'), body: Buffer.from(indexHtml(result, outdir)) });
  return files;
}

export function contentTypeOf(path: string): string {
  if (path.endsWith('.html')) return 'text/html; charset=utf-8';
  if (path.endsWith('.js')) return 'text/javascript; charset=utf-8';
  if (path.endsWith('.css')) return 'text/css; charset=utf-8';
  if (path.endsWith('.json')) return 'application/json';
  if (path.endsWith('.svg')) return 'image/svg+xml';
  return 'application/octet-stream';
}

/**
 * The Content-Security-Policy of the page: its own scripts and styles only (no inline script, no
 * eval), and connections only to itself, the API and the sign-in domain. `connectTo` are origins.
 */
export function storePageContentSecurityPolicy(connectTo: readonly string[]): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    `connect-src 'self' ${connectTo.join(' ')}`.trim(),
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** The security headers both CloudFront and the local server send with the page. */
export function storePageSecurityHeaders(connectTo: readonly string[]): Record<string, string> {
  return {
    'content-security-policy': storePageContentSecurityPolicy(connectTo),
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'no-referrer',
  };
}

/** `npm run build:web` writes the page to dist/web, to look at or serve by hand. */
if (process.argv[1] && import.meta.filename === process.argv[1]) {
  const outdir = join(projectRoot, 'dist', 'web');
  rmSync(outdir, { recursive: true, force: true });
  mkdirSync(join(outdir, 'assets'), { recursive: true });
  const { files } = buildStorePageInto(outdir);
  console.log(`store page written to ${outdir}: ${files.join(', ')}`);
}
