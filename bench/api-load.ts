/**
 * Section 2 — the API under load. The local system runs in a child process (bench/load-server.ts)
 * on the bench's DynamoDB Local; per hot endpoint, three measurements with the same concurrency:
 *  - http:   autocannon through the local server (HTTP, JWT check, adapter, handler);
 *  - direct: the handler called in this process with its API Gateway event (the Lambda's own work);
 *  - raw:    the DynamoDB calls that handler made, recorded, then replayed with the plain SDK.
 * overheadRatio = http p50 ÷ raw p50; handlerOverheadRatio = direct p50 ÷ raw p50. Then direct
 * and raw again one request at a time, taking turns, as a Lambda execution environment serves
 * them: with ten in one process, the handlers' CPU work queues behind each other, which no Lambda
 * would see.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import autocannon from 'autocannon';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { directOk, recordOneRequest, startApiSession, type ApiSession } from './api-session.ts';
import { invokeHttp } from './direct-invoke.ts';
import { summariseCalls, type CallsSummary } from './dynamodb-recorder.ts';
import type { LoadTarget } from './load-targets.ts';
import { alternatingLoop, closedLoop, round, summarise, type LatencySummary, type LoopResult } from './measure.ts';
import { say } from './progress.ts';
import { replayer } from './raw-replay.ts';

export const API_TABLE = 'bench-api';

export interface HttpFigures extends LatencySummary {
  non2xx: number;
  errors: number;
  timeouts: number;
  statusCodes: Record<string, number>;
}

export type LoopFigures = LatencySummary & { failures: number };

export interface EndpointFigures {
  id: string;
  label: string;
  route: string;
  http: HttpFigures;
  direct: LoopFigures;
  raw: LoopFigures | null;
  /** One request at a time. */
  directSerial: LoopFigures;
  rawSerial: LoopFigures | null;
  dynamodb: CallsSummary;
  overheadRatio: number | null;
  handlerOverheadRatio: number | null;
  /** directSerial p50 ÷ rawSerial p50: the handler's own overhead as one Lambda environment sees it. */
  serialHandlerOverheadRatio: number | null;
}

export interface ApiLoadResult {
  connections: number;
  durationSeconds: number;
  directSeconds: number;
  rawSeconds: number;
  serialSeconds: number;
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
  serialSeconds: number;
  dynamoEndpoint: string;
  dataDir: string;
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

function loopFigures(loop: LoopResult, what: string): LoopFigures {
  if (loop.firstFailure) say(`api: ${what} failed ${loop.failures}×: ${loop.firstFailure}`);
  return { ...summarise(loop.latenciesMs, loop.elapsedMs), failures: loop.failures };
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

export async function benchApiLoad(options: ApiLoadOptions): Promise<ApiLoadResult> {
  process.env.TABLE_NAME = API_TABLE;
  const server = await startLoadServer(options);
  const raw = new DynamoDBClient({});
  const result: ApiLoadResult = {
    connections: options.connections,
    durationSeconds: options.durationSeconds,
    directSeconds: options.directSeconds,
    rawSeconds: options.rawSeconds,
    serialSeconds: options.serialSeconds,
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
      const replay = calls.length > 0 ? replayer(raw, calls) : undefined;
      const direct = loopFigures(await closedLoop(options.connections, options.directSeconds * 1000, async () => directOk(next())), 'direct');
      const rawFigures = replay ? loopFigures(await closedLoop(options.connections, options.rawSeconds * 1000, replay), 'raw replay') : null;
      const [handlerTurns, rawTurns] = await alternatingLoop(options.serialSeconds * 1000, replay ? [async () => directOk(next()), replay] : [async () => directOk(next())]);
      const directSerial = loopFigures(handlerTurns!, 'direct, one at a time');
      const rawSerial = rawTurns ? loopFigures(rawTurns, 'raw replay, one at a time') : null;
      const ratio = (a: LoopFigures | HttpFigures, b: LoopFigures | null) => (b && b.p50Ms > 0 ? round(a.p50Ms / b.p50Ms) : null);
      const figures: EndpointFigures = {
        id: target.id,
        label: target.label,
        route: `${target.route.method} ${target.route.path}`,
        http,
        direct,
        raw: rawFigures,
        directSerial,
        rawSerial,
        dynamodb,
        overheadRatio: ratio(http, rawFigures),
        handlerOverheadRatio: ratio(direct, rawFigures),
        serialHandlerOverheadRatio: ratio(directSerial, rawSerial),
      };
      say(
        `api: ${target.label}: http ${http.requestsPerSecond} req/s p50 ${http.p50Ms} ms p99 ${http.p99Ms} ms non-2xx ${http.non2xx} errors ${http.errors}` +
          ` | handler p50 ${direct.p50Ms} ms | raw p50 ${rawFigures?.p50Ms ?? '—'} ms | overhead ${figures.overheadRatio ?? '—'}× (handler ${figures.handlerOverheadRatio ?? '—'}×)` +
          ` | one at a time: handler ${directSerial.p50Ms} ms, raw ${rawSerial?.p50Ms ?? '—'} ms, ${figures.serialHandlerOverheadRatio ?? '—'}×`,
      );
      result.endpoints.push(figures);
    }
  } finally {
    raw.destroy();
    await server.stop();
  }
  return result;
}
