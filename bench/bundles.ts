/**
 * Section 1 — bundles: every deployed function (the route groups of lib/function-groups.ts, the
 * jobs, the Cognito trigger) built with the deployed esbuild options (lib/bundling.ts), its size
 * minified and gzipped, the time to import it in a fresh Node process (a proxy for Lambda init),
 * what fills it (esbuild's metafile, inputs that kept bytes), and all of it as a ratio to the
 * floor: a handler doing one GetCommand through lib-dynamodb with the SDK's default bundling (its
 * whole credential chain). A second reference row bundles the floor with the Lambda credential
 * alias too, so the share that alias saves is visible rather than hidden in the ratios.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { build, type Metafile } from 'esbuild';
import { jobs } from '../functions/jobs.ts';
import { routes, routeKey } from '../functions/routes.ts';
import { sharedEsbuildOptions } from '../lib/bundling.ts';
import { functionGroups, writeGroupEntry } from '../lib/function-groups.ts';
import { median, round } from './measure.ts';
import { say } from './progress.ts';

const run = promisify(execFile);
const projectRoot = join(import.meta.dirname, '..');
export const FLOOR = 'floor (one GetCommand)';
export const LEAN_FLOOR = 'floor with Lambda credentials only';
/** A function is within target when its gzip size is at most this many floors (issues 9 and 14). */
export const BUNDLE_TARGET_RATIO = 1.3;
/** Where Powertools idempotency is the reason (issue 14), stated per function in the table. */
export const IDEMPOTENCY_TARGET_RATIO = 1.45;

export interface Contributor {
  name: string;
  bytes: number;
  share: number;
}

export interface BundleFigure {
  name: string;
  kind: 'route group' | 'job' | 'trigger' | 'floor';
  /** Route keys or job names served by this function. */
  serves: string[];
  bytes: number;
  gzipBytes: number;
  importMs: number;
  importRunsMs: number[];
  sizeRatio: number;
  /** Gzip size ÷ the floor's gzip size: the figure the target is held against. */
  gzipRatio: number;
  importRatio: number;
  /** The ratio this function is held to, and why when it is not the default. */
  targetRatio: number;
  targetReason?: string;
  withinTarget: boolean;
  inputsKept: number;
  inputsDropped: number;
  topContributors: Contributor[];
}

export interface BundlesResult {
  importRuns: number;
  target: number;
  floor: BundleFigure;
  leanFloor?: BundleFigure;
  functions: BundleFigure[];
  failed: { name: string; error: string }[];
}

interface Entry {
  name: string;
  kind: BundleFigure['kind'];
  serves: string[];
  file: string;
  /** esbuild option overrides (the floor keeps the SDK's default credential chain). */
  overrides?: Record<string, unknown>;
}

function entries(groupDirectory: string): Entry[] {
  const floorFile = join(projectRoot, 'bench', 'fixtures', 'floor-handler.ts');
  const list: Entry[] = [
    { name: FLOOR, kind: 'floor', serves: [], file: floorFile, overrides: { alias: {} } },
    { name: LEAN_FLOOR, kind: 'floor', serves: [], file: floorFile },
  ];
  const add = (name: string, kind: Entry['kind'], serves: string) => {
    const existing = list.find((e) => e.name === name);
    if (existing) existing.serves.push(serves);
    else list.push({ name, kind, serves: [serves], file: join(projectRoot, 'functions', 'handlers', `${name}.ts`) });
  };
  for (const group of functionGroups(routes)) {
    list.push({ name: group.name, kind: 'route group', serves: group.routes.map(routeKey), file: writeGroupEntry(group, groupDirectory) });
  }
  for (const job of jobs) add(job.handler, 'job', `job ${job.name}`);
  add('pre-token-generation', 'trigger', 'Cognito pre-token-generation');
  add('webhook-sender', 'job', 'webhook sender (stream and every-minute sweep)');
  return list;
}

/** `node_modules/@aws-sdk/client-dynamodb/dist-es/…` → `@aws-sdk/client-dynamodb`; app code by folder. */
export function packageOf(input: string): string {
  const at = input.lastIndexOf('node_modules/');
  if (at >= 0) {
    const [first, second] = input.slice(at + 'node_modules/'.length).split('/');
    return first?.startsWith('@') ? `${first}/${second}` : (first ?? input);
  }
  const parts = input.split('/');
  return parts.length > 2 ? `${parts[0]}/${parts[1]}` : input;
}

function contributors(output: Metafile['outputs'][string]): { top: Contributor[]; kept: number; dropped: number; packages: Set<string> } {
  const byPackage = new Map<string, number>();
  let kept = 0;
  let dropped = 0;
  for (const [path, input] of Object.entries(output.inputs)) {
    if (input.bytesInOutput === 0) {
      dropped++; // parsed but tree-shaken away: esbuild lists it, it costs nothing
      continue;
    }
    kept++;
    byPackage.set(packageOf(path), (byPackage.get(packageOf(path)) ?? 0) + input.bytesInOutput);
  }
  const top = [...byPackage.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 6)
    .map(([name, bytes]) => ({ name, bytes, share: round(bytes / output.bytes, 3) }));
  return { top, kept, dropped, packages: new Set(byPackage.keys()) };
}

async function importMs(file: string): Promise<number> {
  const script = `const t = process.hrtime.bigint(); await import(${JSON.stringify(pathToFileURL(file).href)}); process.stdout.write(String(Number(process.hrtime.bigint() - t) / 1e6));`;
  // A clean environment: no tsx loader, no NODE_OPTIONS, as a Lambda runtime would import it.
  const { NODE_OPTIONS: _options, ...env } = process.env;
  const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], { env: { ...env, AWS_REGION: 'eu-west-2' } });
  return Number(stdout);
}

export async function benchBundles(options: { importRuns: number }): Promise<BundlesResult> {
  const directory = mkdtempSync(join(tmpdir(), 'carestock-bench-bundles-'));
  const built: { entry: Entry; file: string; bytes: number; gzipBytes: number; found: ReturnType<typeof contributors> }[] = [];
  const failed: BundlesResult['failed'] = [];
  try {
    for (const entry of entries(join(directory, 'entries'))) {
      try {
        const result = await build({ ...sharedEsbuildOptions, ...entry.overrides, entryPoints: [entry.file], write: false, outdir: directory, metafile: true, logLevel: 'silent' });
        const code = result.outputFiles.find((f) => f.path.endsWith('.js'))!.contents;
        const output = Object.values(result.metafile.outputs).find((o) => o.entryPoint)!;
        const file = join(directory, `${entry.name.replace(/[^a-z0-9-]+/gi, '-')}.mjs`);
        writeFileSync(file, code);
        built.push({ entry, file, bytes: code.byteLength, gzipBytes: gzipSync(code).byteLength, found: contributors(output) });
      } catch (error) {
        if (entry.kind === 'floor') throw error;
        failed.push({ name: entry.name, error: (error as Error).message.split('\n')[0]! });
        say(`bundles: ${entry.name} did not build: ${(error as Error).message.split('\n')[0]}`);
      }
    }
    say(`bundles: built ${built.length} (${built.length - 1} functions + the floor); importing each ${options.importRuns}× in a fresh node`);

    // Round-robin, so a noisy moment of the machine spreads over every function instead of one.
    const runs = new Map<string, number[]>(built.map((b) => [b.entry.name, []]));
    for (let round = 0; round < options.importRuns; round++) {
      for (const b of built) runs.get(b.entry.name)!.push(await importMs(b.file));
    }

    const floorBuilt = built.find((b) => b.entry.name === FLOOR)!;
    const floorImport = median(runs.get(floorBuilt.entry.name)!);
    const figures = built.map((b): BundleFigure => {
      const importRunsMs = runs.get(b.entry.name)!.map((ms) => round(ms, 1));
      const ms = median(importRunsMs);
      const sizeRatio = round(b.bytes / floorBuilt.bytes);
      const gzipRatio = round(b.gzipBytes / floorBuilt.gzipBytes);
      const importRatio = round(ms / floorImport);
      const idempotency = b.found.top.some((c) => c.name === '@aws-lambda-powertools/idempotency') || b.found.packages.has('@aws-lambda-powertools/idempotency');
      const targetRatio = idempotency ? IDEMPOTENCY_TARGET_RATIO : BUNDLE_TARGET_RATIO;
      return {
        name: b.entry.name,
        kind: b.entry.kind,
        serves: b.entry.serves,
        bytes: b.bytes,
        gzipBytes: b.gzipBytes,
        importMs: round(ms, 1),
        importRunsMs,
        sizeRatio,
        gzipRatio,
        importRatio,
        targetRatio,
        ...(idempotency ? { targetReason: 'Powertools idempotency (and the JMESPath it needs)' } : {}),
        withinTarget: gzipRatio <= targetRatio,
        inputsKept: b.found.kept,
        inputsDropped: b.found.dropped,
        topContributors: b.found.top,
      };
    });
    return {
      importRuns: options.importRuns,
      target: BUNDLE_TARGET_RATIO,
      floor: figures.find((f) => f.name === FLOOR)!,
      leanFloor: figures.find((f) => f.name === LEAN_FLOOR),
      functions: figures.filter((f) => f.kind !== 'floor').sort((a, b) => b.bytes - a.bytes),
      failed,
    };
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}
