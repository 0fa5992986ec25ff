/**
 * Section 2 — the API under load. The local system runs in a child process (bench/load-server.ts)
 * on the bench's DynamoDB Local; per hot endpoint, three measurements with the same concurrency:
 *  - http:   autocannon through the local server (HTTP, JWT check, adapter, handler);
 *  - direct: the handler called in this process with its API Gateway event (the Lambda's own work);
 *  - raw:    the DynamoDB calls that handler made, recorded, then replayed with the plain SDK.
 * overheadRatio = http p50 ÷ raw p50; handlerOverheadRatio = direct p50 ÷ raw p50.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import autocannon from 'autocannon';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { loadOrCreateSigningKey } from '../bin/local/local-auth.ts';
import { documentClient } from '../functions/data/dynamodb-client.ts';
import { invokeDirect, invokeHttp, type BenchRequest } from './direct-invoke.ts';
import { startRecording, summariseCalls, type CallsSummary, type RecordedCall } from './dynamodb-recorder.ts';
import { loadTargets, makeFixture, seedThroughApi, type LoadFixture, type LoadTarget } from './load-targets.ts';
import { closedLoop, round, summarise, type LatencySummary } from './measure.ts';
import { say } from './progress.ts';
import { replayer } from './raw-replay.ts';

export const API_TABLE = 'bench-api';

export interface HttpFigures extends LatencySummary {
  non2xx: number;
  errors: number;
  timeouts: number;
  statusCodes: Record<string, number>;
}

export interface EndpointFigures {
  id: string;
  label: string;
  route: string;
  http: HttpFigures;
  direct: LatencySummary & { failures: number };
  raw: (LatencySummary & { failures: number }) | null;
  dynamodb: CallsSummary;
  overheadRatio: number | null;
  handlerOverheadRatio: number | null;
}

export interface ApiLoadResult {
  connections: number;
  durationSeconds: number;
  directSeconds: number;
  rawSeconds: number;
  homes: number;
  linesPerHome: number;
  endpoints: EndpointFigures[];
  skipped: { id: string; label: string; reason: string }[];
}

export interface ApiLoadOptions {
  connections: number;
  durationSeconds: number;
  directSeconds: number;
  rawSeconds: number;
  dynamoEndpoint: string;
  dataDir: string;
}

export interface ApiSession {
  fixture: LoadFixture;
  targets: LoadTarget[];
  /** The next request number, shared by every phase so writes keep rotating and keys stay unique. */
  counter: { n: number };
}

async function startLoadServer(options: ApiLoadOptions): Promise<{ url: string; stop(): Promise<void> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join('bench', 'load-server.ts'), options.dynamoEndpoint, API_TABLE, options.dataDir], {
    cwd: join(import.meta.dirname, '..'),
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NODE_OPTIONS: '' },
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  const lines = createInterface({ input: child.stdout });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`load server not ready in 60 s\n${stderr}`)), 60_000);
    child.once('exit', (code) => reject(new Error(`load server exited (${code})\n${stderr}`)));
    lines.on('line', (line) => {
      if (!line.startsWith('{"url"')) return;
      clearTimeout(timer);
      resolve((JSON.parse(line) as { url: string }).url);
    });
  });
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

async function httpLoad(url: string, target: LoadTarget, session: ApiSession, options: ApiLoadOptions): Promise<HttpFigures> {
  const latencies: number[] = [];
  const instance = autocannon({
    url,
    connections: options.connections,
    duration: options.durationSeconds,
    requests: [
      {
        setupRequest: (base) => {
          const next = target.build(session.counter.n++);
          return { ...base, method: next.method, path: next.path, headers: next.headers, ...(next.body === undefined ? {} : { body: next.body }) };
        },
      },
    ],
  });
  instance.on('response', (_client, statusCode, _bytes, ms) => {
    if (statusCode >= 200 && statusCode < 300) latencies.push(ms);
  });
  const result = await instance;
  return {
    ...summarise(latencies, result.duration * 1000),
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    statusCodes: Object.fromEntries(Object.entries(result.statusCodeStats).map(([code, stat]) => [code, stat.count])),
  };
}

const ok = async (request: BenchRequest) => {
  const response = await invokeDirect(request);
  if (response.statusCode >= 300) throw new Error(`${response.statusCode}: ${response.body.slice(0, 200)}`);
};

/** Three warm calls, then one recorded: the calls a warm handler makes for one request. */
export async function recordOneRequest(request: () => BenchRequest): Promise<RecordedCall[]> {
  for (let i = 0; i < 3; i++) await ok(request());
  const recording = startRecording(documentClient);
  try {
    await ok(request());
  } finally {
    recording.stop();
  }
  return recording.calls;
}

export async function startApiSession(
  dataDir: string,
  send: (r: BenchRequest) => Promise<{ statusCode: number; body: string }>,
  skuCount?: number,
): Promise<ApiSession> {
  const fixture = await makeFixture(await loadOrCreateSigningKey(dataDir), skuCount);
  say(`seeding through the API: ${fixture.skus.length} items, 1 store, ${fixture.homeIds.length} homes, 2 counts × ${fixture.skus.length} lines each`);
  await seedThroughApi(send, fixture);
  return { fixture, targets: loadTargets(fixture, `bench-${Date.now()}`), counter: { n: 0 } };
}

export async function benchApiLoad(options: ApiLoadOptions): Promise<ApiLoadResult> {
  process.env.TABLE_NAME = API_TABLE;
  const server = await startLoadServer(options);
  const raw = new DynamoDBClient({});
  const result: ApiLoadResult = {
    connections: options.connections,
    durationSeconds: options.durationSeconds,
    directSeconds: options.directSeconds,
    rawSeconds: options.rawSeconds,
    homes: 0,
    linesPerHome: 0,
    endpoints: [],
    skipped: [],
  };
  try {
    say(`api: local server (child process) at ${server.url}, table ${API_TABLE}`);
    const session = await startApiSession(options.dataDir, (r) => invokeHttp(server.url, r));
    result.homes = session.fixture.homeIds.length;
    result.linesPerHome = session.fixture.skus.length;
    for (const target of session.targets) {
      if (!target.route) {
        say(`api: SKIPPED ${target.label}: no such route yet (waits for ${target.pending})`);
        result.skipped.push({ id: target.id, label: target.label, reason: `no route yet: waits for ${target.pending}` });
        continue;
      }
      const next = () => target.build(session.counter.n++);
      const probe = await invokeHttp(server.url, next());
      if (probe.statusCode >= 300) {
        const reason = `probe answered ${probe.statusCode}: ${probe.body.slice(0, 300)}`;
        say(`api: SKIPPED ${target.label}: ${reason}`);
        result.skipped.push({ id: target.id, label: target.label, reason });
        continue;
      }
      const calls = await recordOneRequest(next);
      const dynamodb = summariseCalls(calls);
      say(`api: ${target.label}: ${dynamodb.calls} DynamoDB calls in ${dynamodb.roundTrips} round trips; autocannon ${options.connections} connections × ${options.durationSeconds} s`);
      const http = await httpLoad(server.url, target, session, options);
      const directLoop = await closedLoop(options.connections, options.directSeconds * 1000, async () => ok(next()));
      const direct = { ...summarise(directLoop.latenciesMs, directLoop.elapsedMs), failures: directLoop.failures };
      let rawFigures: EndpointFigures['raw'] = null;
      if (calls.length > 0) {
        const replay = replayer(raw, calls);
        const rawLoop = await closedLoop(options.connections, options.rawSeconds * 1000, replay);
        rawFigures = { ...summarise(rawLoop.latenciesMs, rawLoop.elapsedMs), failures: rawLoop.failures };
        if (rawLoop.firstFailure) say(`api: raw replay failed ${rawLoop.failures}×: ${rawLoop.firstFailure}`);
      }
      if (directLoop.firstFailure) say(`api: direct calls failed ${directLoop.failures}×: ${directLoop.firstFailure}`);
      const ratio = (p50: number) => (rawFigures && rawFigures.p50Ms > 0 ? round(p50 / rawFigures.p50Ms) : null);
      const figures: EndpointFigures = {
        id: target.id,
        label: target.label,
        route: `${target.route.method} ${target.route.path}`,
        http,
        direct,
        raw: rawFigures,
        dynamodb,
        overheadRatio: ratio(http.p50Ms),
        handlerOverheadRatio: ratio(direct.p50Ms),
      };
      say(
        `api: ${target.label}: http ${http.requestsPerSecond} req/s p50 ${http.p50Ms} ms p99 ${http.p99Ms} ms non-2xx ${http.non2xx} errors ${http.errors}` +
          ` | direct p50 ${direct.p50Ms} ms | raw p50 ${rawFigures?.p50Ms ?? '—'} ms | overhead ${figures.overheadRatio ?? '—'}× (handler ${figures.handlerOverheadRatio ?? '—'}×)`,
      );
      result.endpoints.push(figures);
    }
  } finally {
    raw.destroy();
    await server.stop();
  }
  return result;
}
