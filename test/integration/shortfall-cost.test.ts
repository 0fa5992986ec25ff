/**
 * What the shortfall job reads grows with the positions at risk, not with the table: the same
 * at-risk homes in a small table and in one with 400 more healthy homes (4,000 more positions),
 * read capacity summed from what DynamoDB reports for each call (ReturnConsumedCapacity TOTAL),
 * beside what a Scan of each table costs. Figures are printed for the README.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeleteTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { ensureTable } from '../../bin/local/create-table.ts';
import { runShortfallScan } from '../../functions/shortfalls/run-shortfall-scan.ts';
import { mapWithConcurrency } from '../../functions/concurrency/map-with-concurrency.ts';
import type { ShortfallScanSummary } from '../../functions/schemas/shortfalls.ts';
import { DAY_MS, RecordingSink, recordCommands, seedCatalogue, seedHome, seedStore, type SeedLine } from '../support/shortfall-fixtures.ts';

const T = Math.floor(Date.now() / 1000) * 1000 - 60_000;
const asOf = new Date(T);
const at = (daysBefore: number) => new Date(T - daysBefore * DAY_MS).toISOString();
const skus = Array.from({ length: 10 }, (_, i) => `COST-${i}`);
const healthyLines = (): SeedLine[] => skus.map((sku, i) => ({ sku, onHand: 3000 + 100 * i, dailyUsage: 100 })); // 29+ days
const AT_RISK_HOMES = 20;
const EXTRA_HEALTHY_HOMES = 400;

const smallTable = process.env.TABLE_NAME!;
const largeTable = `${smallTable}-large`;
const admin = new DynamoDBClient({});
const raw = DynamoDBDocumentClient.from(admin);

interface Measured {
  items: number;
  summary: ShortfallScanSummary;
  readUnits: number;
  commands: string[];
  scanReadUnits: number;
}
const measured: Record<'small' | 'large', Measured> = {} as never;

/** The same at-risk set in every table: one short line among ten per home, two never-counted and two stale homes. */
async function seedAtRiskSet(healthyHomes: number): Promise<void> {
  const now = new Date().toISOString();
  await seedCatalogue(skus, now);
  for (const store of ['s0', 's1', 's2']) await seedStore(store, now);
  const homes: [string, string, string | null, SeedLine[]][] = [];
  for (let i = 0; i < AT_RISK_HOMES; i++) {
    const lines = healthyLines();
    lines[i % 10] = { sku: skus[i % 10]!, onHand: 100 * (2 + (i % 5)), dailyUsage: 100 }; // 1 to 5 days left
    homes.push([`risk-${i}`, `s${i % 2}`, at(1), lines]);
  }
  homes.push(['never-0', 's0', null, []], ['never-1', 's1', null, []], ['stale-0', 's0', at(4), healthyLines()], ['stale-1', 's1', at(5), healthyLines()]);
  for (let i = 0; i < healthyHomes; i++) homes.push([`healthy-${i}`, 's2', at(1), healthyLines()]);
  await mapWithConcurrency(homes, 16, ([homeId, storeId, countedAt, lines]) => seedHome(homeId, storeId, countedAt, lines, now));
}

async function scanReadUnits(): Promise<{ items: number; units: number }> {
  let items = 0;
  let units = 0;
  let start: Record<string, unknown> | undefined;
  do {
    const page = await raw.send(new ScanCommand({ TableName: process.env.TABLE_NAME, ExclusiveStartKey: start, ReturnConsumedCapacity: 'TOTAL' }));
    items += page.Count ?? 0;
    units += page.ConsumedCapacity?.CapacityUnits ?? 0;
    start = page.LastEvaluatedKey;
  } while (start);
  return { items, units: Math.round(units * 10) / 10 };
}

async function measure(): Promise<Measured> {
  const scan = await scanReadUnits(); // before the run, so the job's own records do not count
  const meter = recordCommands();
  let summary: ShortfallScanSummary;
  try {
    summary = await runShortfallScan(asOf, { sink: new RecordingSink() });
  } finally {
    meter.stop();
  }
  return { items: scan.items, summary, readUnits: meter.readUnits(), commands: meter.commands.map((c) => c.name), scanReadUnits: scan.units };
}

beforeAll(async () => {
  await seedAtRiskSet(10);
  measured.small = await measure();
  process.env.TABLE_NAME = largeTable;
  await ensureTable(admin, largeTable);
  await seedAtRiskSet(10 + EXTRA_HEALTHY_HOMES);
  measured.large = await measure();
  process.env.TABLE_NAME = smallTable;
  console.log(
    'shortfall job read cost (capacity units, DynamoDB Local):\n' +
      JSON.stringify(
        Object.fromEntries(
          Object.entries(measured).map(([size, m]) => [
            size,
            { tableItems: m.items, positionsAtRisk: m.summary.positionsAtRisk, homesFlagged: m.summary.homes.flagged, jobReadUnits: m.readUnits, jobWriteUnits: m.summary.consumedCapacity.write, dynamodbCalls: m.commands.length, fullScanReadUnits: m.scanReadUnits, jobToScan: Math.round((m.readUnits / m.scanReadUnits) * 1000) / 1000 },
          ]),
        ),
        null,
        2,
      ),
  );
}, 300_000);

afterAll(async () => {
  process.env.TABLE_NAME = smallTable;
  await admin.send(new DeleteTableCommand({ TableName: largeTable })).catch(() => undefined);
  admin.destroy();
});

describe('the shortfall job’s read cost', () => {
  it('finds the same at-risk set in both tables', () => {
    expect(measured.large.items).toBeGreaterThan(measured.small.items * 5);
    for (const m of Object.values(measured)) {
      expect(m.summary.homes).toEqual({ short: AT_RISK_HOMES, silent: 4, flagged: AT_RISK_HOMES + 4 });
      // One short line per at-risk home, and every line of the two stale homes (silent: unknown, flagged too).
      expect(m.summary.positionsAtRisk).toBe(AT_RISK_HOMES + 2 * skus.length);
    }
  });

  it('is the same at both table sizes: it grows with the positions at risk, not the table', () => {
    expect(measured.small.readUnits).toBeGreaterThan(0);
    expect(measured.large.readUnits).toBeLessThanOrEqual(measured.small.readUnits * 1.05);
    expect(measured.large.commands.length).toBe(measured.small.commands.length);
  });

  it('agrees with the summary’s own consumed capacity, and sends no Scan', () => {
    for (const m of Object.values(measured)) {
      expect(m.summary.consumedCapacity.read).toBeCloseTo(m.readUnits, 1);
      expect(m.commands).not.toContain('ScanCommand');
    }
  });

  it('reads a small fraction of what a Scan of the larger table reads', () => {
    expect(measured.large.readUnits).toBeLessThan(measured.large.scanReadUnits / 5);
  });
});
