/**
 * Section 5 — the overview at national scale (`npm run bench -- --only overview`). Per scale (1,000
 * and 17,000 homes × 15 lines, the daily job's data, its stores in 7 regions), a table of its own:
 * the shortfall scan alone, then the day's rollup alone (what it adds to the job), each recorded
 * with its consumed capacity; then 83 earlier days of rollups (copies of today's, so the trend
 * reads items of the real size) and the reads the pages make: the national overview, a region's,
 * the 12-week trend and the 92-day trend, each timed (median of 5) with its read units. The
 * overview's reads must not grow with the homes: they read rollups, never positions.
 */
import { CreateTableCommand, DeleteTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createTableInput } from '../bin/local/create-table.ts';
import { documentClient } from '../functions/data/dynamodb-client.ts';
import { putItem, putRegion, putStore } from '../functions/data/registry-repository.ts';
import { nationAndRegions, putRollups, regionAndStores } from '../functions/data/rollup-repository.ts';
import { addDays } from '../functions/domain/calendar-date.ts';
import { nationalOverview, overviewTrend, regionOverview } from '../functions/overview/read-overview.ts';
import { writeDailyRollup } from '../functions/overview/write-rollup.ts';
import { runShortfallScan } from '../functions/shortfalls/run-shortfall-scan.ts';
import { startRecording, summariseCalls } from './dynamodb-recorder.ts';
import { mapInFlight, median, round } from './measure.ts';
import { nationalItems, nationalPlan, nationalStoreId } from './national-data.ts';
import { say, thousands } from './progress.ts';
import { batchWriteAll } from './seed-table.ts';

const REGIONS = 7;
const REPEATS = 5;

export interface Measured {
  ms: number;
  readUnits: number;
  writeUnits: number;
  calls: number;
  commands: Record<string, number>;
}

export interface OverviewScale {
  homes: number;
  stores: number;
  scan: Measured;
  rollup: Measured & { items: number };
  nationalOverview: Measured;
  regionOverview: Measured;
  trend12Weeks: Measured;
  trend92Days: Measured;
}

async function measure<T>(label: string, work: () => Promise<T>, repeats = 1): Promise<{ result: T; figures: Measured }> {
  const times: number[] = [];
  let result: T | undefined;
  let figures: Measured | undefined;
  for (let i = 0; i < repeats; i++) {
    const recording = startRecording(documentClient);
    const started = performance.now();
    try {
      result = await work();
    } finally {
      recording.stop();
    }
    times.push(performance.now() - started);
    const calls = summariseCalls(recording.calls);
    figures ??= { ms: 0, readUnits: round(calls.readUnits, 1), writeUnits: round(calls.writeUnits, 1), calls: calls.calls, commands: Object.fromEntries(Object.entries(calls.byCommand).map(([c, u]) => [c, u.calls])) };
  }
  figures!.ms = round(median(times), 0);
  say(`${label}: ${figures!.ms} ms, ${figures!.readUnits} RCU, ${figures!.writeUnits} WCU, ${figures!.calls} calls ${JSON.stringify(figures!.commands)}`);
  return { result: result!, figures: figures! };
}

async function runScale(homes: number, seeder: DynamoDBDocumentClient, admin: DynamoDBClient): Promise<OverviewScale> {
  const tableName = `bench-overview-${homes}`;
  process.env.TABLE_NAME = tableName;
  await admin.send(new CreateTableCommand(createTableInput(tableName)));
  try {
    const plan = nationalPlan(homes, new Date());
    const now = plan.asOf.toISOString();
    for (const sku of plan.skus) await putItem(sku, { name: sku, unit: 'each', packSize: 10 }, now);
    for (let r = 0; r < REGIONS; r++) await putRegion(`region-${r}`, { name: `Region ${r}` }, now);
    await mapInFlight(Array.from({ length: plan.stores }, (_, s) => s), 16, (s) =>
      putStore(nationalStoreId(s * 45), { name: nationalStoreId(s * 45), capacityPerDay: 10, regionId: `region-${s % REGIONS}` }, now),
    );
    const seed = await batchWriteAll(seeder, tableName, nationalItems(plan), { total: plan.items, label: `overview ${thousands(homes)}: seeding homes and positions` });
    say(`overview ${thousands(homes)}: seeded ${thousands(seed.items)} items in ${(seed.ms / 1000).toFixed(1)} s`);

    const scan = await measure(`overview ${thousands(homes)}: shortfall scan alone`, () => runShortfallScan(plan.asOf, { sink: { putEvents: async () => {}, publishDigest: async () => {} } }));
    const rollup = await measure(`overview ${thousands(homes)}: the day's rollup alone (its added cost)`, () => writeDailyRollup(plan.asOf));

    // 83 earlier days: copies of today's rollups, so the trend reads items of the real size.
    const date = rollup.result.date;
    const { nation, regions } = await nationAndRegions(date);
    const stores = (await Promise.all(regions.map((r) => regionAndStores(date, r.scope.kind === 'region' ? r.scope.id : '-')))).flatMap((r) => r.stores);
    const today = [nation!, ...regions, ...stores];
    for (let d = 1; d <= 83; d++) await putRollups(today.map((r) => ({ ...r, date: addDays(date, -d) })));
    say(`overview ${thousands(homes)}: wrote 83 earlier days of ${today.length} rollups each`);

    const at = new Date(plan.asOf);
    const national = await measure(`overview ${thousands(homes)}: GET /v1/overview`, () => nationalOverview(date, at), REPEATS);
    const region = await measure(`overview ${thousands(homes)}: GET /v1/regions/region-0/overview`, () => regionOverview('region-0', date, at), REPEATS);
    const weeks = await measure(`overview ${thousands(homes)}: GET /v1/overview/trend (12 weeks)`, () => overviewTrend({ to: date, interval: 'week' }, at), REPEATS);
    const days = await measure(`overview ${thousands(homes)}: GET /v1/overview/trend (92 days)`, () => overviewTrend({ from: addDays(date, -91), to: date, interval: 'day' }, at), REPEATS);
    return {
      homes,
      stores: plan.stores,
      scan: scan.figures,
      rollup: { ...rollup.figures, items: rollup.result.items },
      nationalOverview: national.figures,
      regionOverview: region.figures,
      trend12Weeks: weeks.figures,
      trend92Days: days.figures,
    };
  } finally {
    await admin.send(new DeleteTableCommand({ TableName: tableName }));
  }
}

export async function benchOverview(options: { scales: number[]; dataDir: string }): Promise<{ scales: OverviewScale[] }> {
  process.env.DATA_DIR = options.dataDir;
  const admin = new DynamoDBClient({});
  const seeder = DynamoDBDocumentClient.from(admin, { marshallOptions: { removeUndefinedValues: true } });
  const scales: OverviewScale[] = [];
  try {
    for (const homes of options.scales) scales.push(await runScale(homes, seeder, admin));
  } finally {
    admin.destroy();
  }
  return { scales };
}
