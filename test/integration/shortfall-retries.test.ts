/**
 * The shortfall job when things go wrong, run directly (the use case, a recording alert sink) over
 * DynamoDB Local: a crash half-way through the records, then a retry, leaves what one clean run
 * leaves and alerts each home once; an SNS outage half-way through the digests is retried without
 * losing a digest; two runs at once write each record once; re-runs change nothing. Also the
 * digest's "resolved" list, from yesterday's records.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { tableName } from '../../functions/data/dynamodb-client.ts';
import { advanceLastCount, commitPositions, getPosition } from '../../functions/data/stock-repository.ts';
import { runShortfallScan } from '../../functions/shortfalls/run-shortfall-scan.ts';
import type { ShortfallEvent } from '../../functions/domain/shortfall-digest.ts';
import { DAY_MS, RecordingSink, crashAfterRecordWrites, londonDate, seedCatalogue, seedHome, seedStore, shortfallState } from '../support/shortfall-fixtures.ts';
import { useTestApi } from '../support/test-api.ts';

const api = useTestApi();
const T = Math.floor(Date.now() / 1000) * 1000 - 60_000;
const asOf = new Date(T);
const at = (daysBefore: number) => new Date(T - daysBefore * DAY_MS).toISOString();
const date = londonDate(asOf);
const raw = DynamoDBDocumentClient.from(new DynamoDBClient({}));

const shortHomes = { sc: ['c-1', 'c-2', 'c-3', 'c-4', 'c-5', 'c-6'], sd: ['d-1', 'd-2', 'd-3'] };
const flaggedHomes = [...shortHomes.sc, 'c-silent', ...shortHomes.sd].sort();

/** Today's records and ledgers: what a run leaves behind. */
const todaysState = async () =>
  shortfallState(await api().tableItems()).filter((i) => i.PK === `SHORTFALL#${date}` || i.PK === `SHORTFALL-ALERTS#${date}`);

async function forgetToday(): Promise<void> {
  for (const item of await todaysState()) await raw.send(new DeleteCommand({ TableName: tableName(), Key: { PK: item.PK, SK: item.SK } }));
}

const byId = (events: readonly ShortfallEvent[]) => [...events].sort((a, b) => a.id.localeCompare(b.id));

beforeAll(async () => {
  const now = new Date().toISOString();
  await seedCatalogue(['MASK', 'GLOVE'], now);
  for (const store of ['sc', 'sd', 'se']) await seedStore(store, now);
  // Counted a day before asOf, 2 to 6 days of MASK left at asOf; GLOVE plentiful.
  for (const [i, homeId] of [...shortHomes.sc, ...shortHomes.sd].entries()) {
    const store = homeId.startsWith('c') ? 'sc' : 'sd';
    await seedHome(homeId, store, at(1), [{ sku: 'MASK', onHand: 100 * (3 + (i % 5)), dailyUsage: 100 }, { sku: 'GLOVE', onHand: 9000, dailyUsage: 10 }], now);
  }
  await seedHome('c-silent', 'sc', null, [], now);
  await seedHome('c-fine', 'sc', at(1), [{ sku: 'MASK', onHand: 5000, dailyUsage: 100 }], now);
  // Short yesterday (1 day left then), restocked and counted since: resolved today.
  await seedHome('e-resolved', 'se', at(2), [{ sku: 'MASK', onHand: 200, dailyUsage: 100 }], now);
  const yesterday = await runShortfallScan(new Date(T - DAY_MS), { sink: new RecordingSink() });
  expect(yesterday.records.written).toBeGreaterThan(0);
  const before = (await getPosition({ kind: 'home', id: 'e-resolved' }, 'MASK'))!;
  await commitPositions([{ location: before.location, expectedVersion: before.version, attribution: before.attribution, state: { ...before.state, onHand: 5000, onHandAt: at(0.5), countedAt: at(0.5), lastCountOnHand: 5000 } }]);
  await advanceLastCount('e-resolved', at(0.5));
}, 120_000);

let clean: Awaited<ReturnType<typeof todaysState>>;
let cleanSink: RecordingSink;

describe('a crash half-way through the records, then a retry', () => {
  it('leaves the records written before the crash, and no alert sent', async () => {
    const crash = crashAfterRecordWrites(3);
    const sink = new RecordingSink();
    try {
      await expect(runShortfallScan(asOf, { sink })).rejects.toThrow('injected crash');
    } finally {
      crash.stop();
    }
    const state = await todaysState();
    expect(state.filter((i) => i.entity === 'Shortfall')).toHaveLength(3);
    expect(state.filter((i) => i.entity !== 'Shortfall')).toEqual([]);
    expect(sink.events).toEqual([]);
  });

  it('the retry completes: same records as one clean run, each home alerted exactly once', async () => {
    const retrySink = new RecordingSink();
    const retry = await runShortfallScan(asOf, { sink: retrySink });
    expect(retry.records).toEqual({ written: flaggedHomes.length - 3, alreadyPresent: 3 });
    const afterRetry = await todaysState();

    await forgetToday();
    cleanSink = new RecordingSink();
    const once = await runShortfallScan(asOf, { sink: cleanSink });
    expect(once.records).toEqual({ written: flaggedHomes.length, alreadyPresent: 0 });
    clean = await todaysState();

    expect(afterRetry).toEqual(clean);
    expect(clean.filter((i) => i.entity === 'Shortfall').map((i) => i.homeId).sort()).toEqual(flaggedHomes);
    expect(byId(retrySink.events)).toEqual(byId(cleanSink.events));
    expect(cleanSink.events.map((e) => e.homeId).sort()).toEqual(flaggedHomes);
    expect(retrySink.digests.map((d) => d.storeId).sort()).toEqual(['sc', 'sd', 'se']);
  });

  it('a re-run afterwards writes nothing, sends nothing, changes nothing', async () => {
    const sink = new RecordingSink();
    const again = await runShortfallScan(asOf, { sink });
    expect(again).toMatchObject({ records: { written: 0, alreadyPresent: flaggedHomes.length }, events: 0, digests: 0 });
    expect(sink.events).toEqual([]);
    expect(sink.digests).toEqual([]);
    expect(await todaysState()).toEqual(clean);
  });

  it('an SNS outage after the first digest: the retry sends the missing digests and the events of their stores only', async () => {
    await forgetToday();
    const failing = new RecordingSink();
    failing.failDigestsAfter = 1;
    await expect(runShortfallScan(asOf, { sink: failing })).rejects.toThrow('SNS unavailable');
    expect(failing.events.map((e) => e.homeId).sort()).toEqual(flaggedHomes);
    const delivered = failing.digests.map((d) => d.storeId);
    expect(delivered).toHaveLength(1);

    const retrySink = new RecordingSink();
    await runShortfallScan(asOf, { sink: retrySink });
    expect(retrySink.digests.map((d) => d.storeId).sort()).toEqual(['sc', 'sd', 'se'].filter((s) => !delivered.includes(s)));
    // At least once: stores whose digest failed get their events again (same ids); the others do not.
    expect(retrySink.events.every((e) => !delivered.includes(e.storeId))).toBe(true);
    expect(await todaysState()).toEqual(clean);
  });

  it('two runs at once write each record once and end in the same state', async () => {
    await forgetToday();
    const [a, b] = await Promise.all([runShortfallScan(asOf, { sink: new RecordingSink() }), runShortfallScan(asOf, { sink: new RecordingSink() })]);
    expect(a.records.written + b.records.written).toBe(flaggedHomes.length);
    expect(await todaysState()).toEqual(clean);
  });
});

describe('the digest', () => {
  it('reports homes short yesterday and not today as resolved, even to a store with nothing short today', () => {
    const se = cleanSink.digests.find((d) => d.storeId === 'se')!;
    expect(se.homes).toEqual([]);
    expect(se.resolved).toEqual([{ homeId: 'e-resolved', name: 'e-resolved' }]);
    const sc = cleanSink.digests.find((d) => d.storeId === 'sc')!;
    expect(sc.homes.map((h) => h.homeId).at(-1)).toBe('c-silent');
    expect(sc.homes.every((h) => h.isNew)).toBe(true);
    expect(sc.resolved).toEqual([]);
  });
});
