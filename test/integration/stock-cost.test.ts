/**
 * What a 100-line count costs: DynamoDB requests (bounded, not one per line), their sequential
 * depth, the capacity DynamoDB reports (ReturnConsumedCapacity TOTAL), and latency through the
 * local server; and that reading a location's stock is one Query. Figures are printed for the
 * README; the assertions are the bounds.
 */
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { documentClient } from '../../functions/data/dynamodb-client.ts';
import { daysAgo, seedRegistry } from '../support/stock-fixtures.ts';
import { useTestApi } from '../support/test-api.ts';

const api = useTestApi();
let admin: string;
const skus = Array.from({ length: 100 }, (_, i) => `COST-${String(i).padStart(3, '0')}`);

beforeAll(async () => {
  admin = await seedRegistry(api(), { stores: ['c1'], homes: { 'cost-home': 'c1', 'read-home': 'c1' }, extraSkus: skus });
}, 120_000);

afterEach(() => vi.restoreAllMocks());

interface Meter {
  commands: string[];
  capacity: number;
  /** Capacity units and milliseconds per command type. */
  byCommand: Record<string, { units: number; ms: number }>;
  /** Requests in flight at once, at most: the depth is requests ÷ parallelism, roughly. */
  maxInFlight: number;
}

function meter(): Meter {
  const send = documentClient.send.bind(documentClient);
  const m: Meter = { commands: [], capacity: 0, byCommand: {}, maxInFlight: 0 };
  let inFlight = 0;
  vi.spyOn(documentClient, 'send').mockImplementation((async (command: { constructor: { name: string } }) => {
    const name = command.constructor.name.replace(/Command$/, '');
    m.commands.push(name);
    m.maxInFlight = Math.max(m.maxInFlight, ++inFlight);
    const started = performance.now();
    try {
      const output = (await send(command as never)) as { ConsumedCapacity?: { CapacityUnits?: number } | { CapacityUnits?: number }[] };
      const consumed = output?.ConsumedCapacity;
      const entry = (m.byCommand[name] ??= { units: 0, ms: 0 });
      entry.ms += performance.now() - started;
      for (const c of Array.isArray(consumed) ? consumed : consumed ? [consumed] : []) {
        m.capacity += c.CapacityUnits ?? 0;
        entry.units += c.CapacityUnits ?? 0;
      }
      return output;
    } finally {
      inFlight--;
    }
  }) as never);
  return m;
}

/** DynamoDB's item size: attribute names plus values (strings in UTF-8, numbers about 1 byte per 2 digits + 1). */
function itemSize(item: Record<string, unknown>): number {
  const value = (v: unknown): number =>
    typeof v === 'string' ? Buffer.byteLength(v) : typeof v === 'number' ? Math.ceil(String(Math.abs(v)).replace(/[.e+-]/g, '').length / 2) + 1 : 1;
  return Object.entries(item).reduce((sum, [name, v]) => sum + Buffer.byteLength(name) + value(v), 0);
}

const tally = (commands: string[]) => Object.fromEntries([...new Set(commands)].map((c) => [c, commands.filter((x) => x === c).length]));
const lines = (day: number) => skus.map((sku, i) => ({ sku, onHand: 10_000 - day * (10 + (i % 7)), reorderLevel: 500, targetLevel: 12_000, dailyUsage: 12 }));

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

describe('a 100-line count', () => {
  it('is a bounded number of DynamoDB requests, not one per line', async () => {
    const now = Date.now();
    const figures: Record<string, unknown> = {};
    for (const [label, day] of [['first count (100 new positions)', 0], ['second count (100 updates, usage estimated)', 1]] as const) {
      const m = meter();
      const response = await api().request('POST', '/v1/homes/cost-home/stock-counts', { token: admin, body: { countedAt: daysAgo(2 - day, now), lines: lines(day) } });
      expect(response.status, JSON.stringify(response.body)).toBe(200);
      vi.restoreAllMocks();
      // Query (catalogue) ∥ Query (positions) → TransactWriteItems (100 Puts) → 4 × BatchWriteItem (history) ∥ UpdateItem (last count)
      expect(tally(m.commands)).toEqual({ Query: 2, TransactWrite: 1, BatchWrite: 4, Update: 1 });
      figures[label] = { requests: m.commands.length, byCommand: tally(m.commands), consumedCapacityUnits: m.capacity, capacityAndMsByCommand: m.byCommand, maxInFlight: m.maxInFlight };
    }
    const store = await api().token('store:c1');
    const m = meter();
    const byStore = await api().request('POST', '/v1/homes/cost-home/stock-counts', { token: store, body: { countedAt: daysAgo(0.5, now), lines: lines(2) } });
    expect(byStore.status).toBe(200);
    vi.restoreAllMocks();
    // A store acting for a home reads the home's profile first (tenancy): one GetItem more.
    expect(m.commands).toHaveLength(9);
    figures['a store posting for its home'] = { requests: m.commands.length, byCommand: tally(m.commands), consumedCapacityUnits: m.capacity };
    console.log('100-line post, DynamoDB requests and consumed capacity (as DynamoDB Local reports it):\n' + JSON.stringify(figures, null, 2));

    // DynamoDB Local under-reports transactional writes; on DynamoDB the rules are: a transactional
    // write 2 WCU per KB, a plain write 1, an index write 1 per KB (2 when the index key changes:
    // delete + put); an eventually consistent read 0.5 RCU per 4 KB of what a Query returns.
    const items = await api().tableItems();
    const sizes = (filter: (i: Record<string, unknown>) => boolean) => items.filter(filter).map(itemSize);
    const positionBytes = Math.max(...sizes((i) => i.PK === 'HOME#cost-home' && String(i.SK).startsWith('POS#')));
    const eventBytes = Math.max(...sizes((i) => String(i.PK).startsWith('HIST#HOME#cost-home#')));
    const kb = (bytes: number) => Math.ceil(bytes / 1024);
    const queryRcu = Math.ceil((100 * positionBytes) / 4096) / 2;
    const catalogueBytes = sizes((i) => i.entity === 'Item').reduce((sum, bytes) => sum + bytes, 0);
    const estimate = {
      positionItemBytes: positionBytes,
      eventItemBytes: eventBytes,
      reads: { catalogueQuery: Math.ceil(catalogueBytes / 4096) / 2, positionsQuery: queryRcu },
      writes: {
        positionsTransaction: 100 * 2 * kb(positionBytes),
        runoutIndexFirstCount: 100 * kb(positionBytes),
        runoutIndexLaterCount: 100 * 2 * kb(positionBytes),
        historyBatchWrites: 100 * kb(eventBytes),
        homeLastCount: 1 + 2 + 1,
      },
    };
    console.log('the same post on DynamoDB, computed from the item sizes:\n' + JSON.stringify(estimate, null, 2));
  });

  it('takes this long through the local server (DynamoDB Local)', async () => {
    const timings: number[] = [];
    const now = Date.now();
    for (let k = 0; k < 12; k++) {
      const started = performance.now();
      const response = await api().request('POST', '/v1/homes/read-home/stock-counts', { token: admin, body: { countedAt: daysAgo(2 - k * 0.1, now), lines: lines(k) } });
      timings.push(performance.now() - started);
      expect(response.status).toBe(200);
    }
    const post = timings.slice(2); // the first two warm the handler and the JIT
    const reads: number[] = [];
    for (let k = 0; k < 20; k++) {
      const started = performance.now();
      const response = await api().request('GET', '/v1/homes/read-home/stock', { token: admin });
      reads.push(performance.now() - started);
      expect(response.body.positions).toHaveLength(100);
    }
    const read = reads.slice(2);
    console.log(
      `latency through the local server: 100-line POST median ${percentile(post, 50).toFixed(1)} ms, p90 ${percentile(post, 90).toFixed(1)} ms; ` +
        `GET stock (100 positions) median ${percentile(read, 50).toFixed(1)} ms, p90 ${percentile(read, 90).toFixed(1)} ms`,
    );
  });
});

describe('reading a location’s stock', () => {
  it('is one Query for the stock, beside one for the catalogue’s pack sizes', async () => {
    const m = meter();
    const response = await api().request('GET', '/v1/homes/cost-home/stock', { token: admin });
    expect(response.status).toBe(200);
    expect(response.body.positions).toHaveLength(100);
    expect(tally(m.commands)).toEqual({ Query: 2 });
    console.log(`GET stock, 100 positions: ${m.commands.length} Queries in parallel, ${m.capacity} capacity units`);
  });

  it('the worklist is one Query for the homes, one per home, and one for the catalogue', async () => {
    const m = meter();
    const response = await api().request('GET', '/v1/stores/c1/homes', { token: admin });
    expect(response.status).toBe(200);
    expect(tally(m.commands)).toEqual({ Query: 2 + 2 });
  });
});
