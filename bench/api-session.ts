/**
 * What the API section and the cost section share: a store of homes put in through the handlers,
 * the hot requests against it, and the recording of what one warm request asks of DynamoDB.
 */
import { loadOrCreateSigningKey } from '../bin/local/local-auth.ts';
import { documentClient } from '../functions/data/dynamodb-client.ts';
import { invokeDirect, type BenchRequest, type BenchResponse } from './direct-invoke.ts';
import { startRecording, type RecordedCall } from './dynamodb-recorder.ts';
import { loadTargets, makeFixture, seedThroughApi, type LoadFixture, type LoadTarget } from './load-targets.ts';
import { say } from './progress.ts';

export interface ApiSession {
  fixture: LoadFixture;
  targets: LoadTarget[];
  /** The next request number, shared by every phase so writes keep rotating and keys stay unique. */
  counter: { n: number };
}

export async function startApiSession(dataDir: string, send: (r: BenchRequest) => Promise<BenchResponse>, skuCount?: number): Promise<ApiSession> {
  const fixture = await makeFixture(await loadOrCreateSigningKey(dataDir), skuCount);
  say(`seeding through the API: ${fixture.skus.length} items, 1 store, ${fixture.homeIds.length} homes, 2 counts × ${fixture.skus.length} lines each`);
  await seedThroughApi(send, fixture);
  return { fixture, targets: loadTargets(fixture, `bench-${Date.now()}`), counter: { n: 0 } };
}

/** Calls the handler in this process; throws unless it answers 2xx. */
export async function directOk(request: BenchRequest): Promise<void> {
  const response = await invokeDirect(request);
  if (response.statusCode >= 300) throw new Error(`${response.statusCode}: ${response.body.slice(0, 200)}`);
}

/** Three warm calls, then one recorded: the calls a warm handler makes for one request. */
export async function recordOneRequest(request: () => BenchRequest): Promise<RecordedCall[]> {
  for (let i = 0; i < 3; i++) await directOk(request());
  const recording = startRecording(documentClient);
  try {
    await directOk(request());
  } finally {
    recording.stop();
  }
  return recording.calls;
}
