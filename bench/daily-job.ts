/**
 * Section 3 — the daily shortfall job at national scale. Per scale (1,000 and 17,000 homes × 15
 * lines), a table of its own in DynamoDB Local, seeded with BatchWrite; then the job, run as the
 * local scheduler runs it, with every DynamoDB call it makes recorded with its consumed capacity;
 * then, in the same run, a full-table Scan of the same data: what a job that does not use the
 * sparse index would read. jobToScanReadRatio = job read units ÷ Scan read units (target < 0.05).
 */
import { CreateTableCommand, DeleteTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, DynamoDBDocumentClient, GetCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { createTableInput } from '../bin/local/create-table.ts';
import { runJob } from '../bin/local/scheduler.ts';
import { documentClient } from '../functions/data/dynamodb-client.ts';
import { keys } from '../functions/data/keys.ts';
import { advanceLastCount } from '../functions/data/stock-repository.ts';
import { putHome, putItem, putStore } from '../functions/data/registry-repository.ts';
import { jobs, type JobDefinition } from '../functions/jobs.ts';
import { startRecording, summariseCalls, type CallsSummary } from './dynamodb-recorder.ts';
import { mapInFlight, round } from './measure.ts';
import { nationalHomeId, nationalHomeItem, nationalItems, nationalPlan, nationalStoreId, type NationalPlan } from './national-data.ts';
import { say, thousands } from './progress.ts';
import { batchWriteAll, type SeedResult } from './seed-table.ts';

export interface JobRun {
  ms: number;
  readUnits: number;
  writeUnits: number;
  dynamodb: CallsSummary;
  usedScan: boolean;
  /** What the handler returned (its own summary, consumed capacity if it reports it). */
  returned: unknown;
}

export interface ScaleFigures {
  homes: number;
  stores: number;
  positions: number;
  expected: NationalPlan['expected'];
  seed: SeedResult & { itemsPerSecond: number };
  scan: { ms: number; readUnits: number; items: number; pages: number; segments: number };
  job: JobRun | null;
  jobToScanReadRatio: number | null;
  jobToScanTimeRatio: number | null;
}

export interface DailyJobResult {
  job: string | null;
  pending: string | null;
  formatCheck: string;
  scales: ScaleFigures[];
}

export const findShortfallJob = (): JobDefinition | undefined => jobs.find((j) => /shortfall/i.test(`${j.name} ${j.handler}`));

/**
 * Full-table Scan: what a job without the sparse index would have to read. Parallel, 64 segments:
 * a page of DynamoDB Local's sequential Scan costs more the bigger the table (about 12 s per 1 MB
 * page at 270,000 items, some 19 minutes in all), which would make the Scan look far slower than
 * on AWS; segments cut that to seconds. The read units are the same either way: every item, once.
 */
export const SCAN_SEGMENTS = 64;

async function fullScan(client: DynamoDBDocumentClient, tableName: string): Promise<ScaleFigures['scan']> {
  const started = performance.now();
  const figures = { ms: 0, readUnits: 0, items: 0, pages: 0, segments: SCAN_SEGMENTS };
  const segments = Array.from({ length: SCAN_SEGMENTS }, (_, segment) => segment);
  await mapInFlight(segments, SCAN_SEGMENTS, async (segment) => {
    let start: Record<string, unknown> | undefined;
    do {
      const page = await client.send(
        new ScanCommand({ TableName: tableName, Segment: segment, TotalSegments: SCAN_SEGMENTS, ExclusiveStartKey: start, ReturnConsumedCapacity: 'TOTAL' }),
      );
      figures.readUnits += page.ConsumedCapacity?.CapacityUnits ?? 0;
      figures.items += page.Count ?? 0;
      figures.pages++;
      start = page.LastEvaluatedKey;
    } while (start);
  });
  figures.ms = round(performance.now() - started, 0);
  figures.readUnits = round(figures.readUnits, 1);
  return figures;
}

/**
 * The home item the bench writes must be the one putHome and advanceLastCount write, or the job
 * reads something the API never would: write one both ways and compare attribute names.
 */
async function checkHomeFormat(client: DynamoDBDocumentClient, tableName: string, plan: NationalPlan): Promise<string> {
  const i = plan.homes; // one past the last home: not part of the data
  const homeId = nationalHomeId(i);
  const countedAt = new Date(plan.asOf.getTime() - 86_400_000).toISOString();
  const built = nationalHomeItem(i, countedAt, plan.asOf.toISOString());
  await putHome(homeId, { name: String(built.name), storeId: String(built.storeId), beds: Number(built.beds), deliveryDays: ['MON', 'THU'] }, plan.asOf.toISOString());
  await advanceLastCount(homeId, countedAt);
  const { Item: written } = await client.send(new GetCommand({ TableName: tableName, Key: keys.home(homeId) }));
  await client.send(new DeleteCommand({ TableName: tableName, Key: keys.home(homeId) }));
  const names = (item: Record<string, unknown> | undefined) => Object.keys(item ?? {}).sort().join(',');
  const keyNames = ['PK', 'SK', 'GSI1PK', 'GSI1SK', 'GSI2PK', 'GSI2SK', 'lastCountedAt', 'entity'];
  const differentKeys = keyNames.filter((name) => written?.[name] !== built[name]);
  if (names(written) !== names(built)) return `DIFFERS: the repository writes [${names(written)}], the bench [${names(built)}]`;
  if (differentKeys.length) return `DIFFERS in ${differentKeys.map((k) => `${k} (${String(written?.[k])} ≠ ${String(built[k])})`).join(', ')}`;
  return 'same attributes and index keys as putHome + advanceLastCount write';
}

async function runScale(homes: number, job: JobDefinition | undefined, seeder: DynamoDBDocumentClient, admin: DynamoDBClient): Promise<{ figures: ScaleFigures; formatCheck: string }> {
  const tableName = `bench-job-${homes}`;
  process.env.TABLE_NAME = tableName;
  await admin.send(new CreateTableCommand(createTableInput(tableName)));
  try {
    const plan = nationalPlan(homes, new Date());
    say(`job ${thousands(homes)}: registry through the repository: ${plan.skus.length} items, ${thousands(plan.stores)} stores`);
    for (const sku of plan.skus) await putItem(sku, { name: sku, unit: 'each', packSize: 10 }, plan.asOf.toISOString());
    await mapInFlight(Array.from({ length: plan.stores }, (_, s) => nationalStoreId(s * 45)), 16, (storeId) =>
      putStore(storeId, { name: storeId, capacityPerDay: 10 }, plan.asOf.toISOString()),
    );
    const formatCheck = await checkHomeFormat(seeder, tableName, plan);
    say(`job ${thousands(homes)}: home item check: ${formatCheck}`);
    const seed = await batchWriteAll(seeder, tableName, nationalItems(plan), { total: plan.items, label: `job ${thousands(homes)}: seeding homes and positions` });
    say(`job ${thousands(homes)}: seeded ${thousands(seed.items)} items in ${(seed.ms / 1000).toFixed(1)} s (${seed.calls} BatchWrite calls, ${seed.retriedItems} items retried)`);

    let run: JobRun | null = null;
    if (job) {
      say(`job ${thousands(homes)}: running ${job.name} (asOf ${plan.asOf.toISOString()})`);
      const recording = startRecording(documentClient);
      const started = performance.now();
      let returned: unknown;
      try {
        returned = await runJob(job, { asOf: plan.asOf.toISOString() });
      } finally {
        recording.stop();
      }
      const ms = round(performance.now() - started, 0);
      const dynamodb = summariseCalls(recording.calls);
      run = { ms, readUnits: round(dynamodb.readUnits, 1), writeUnits: round(dynamodb.writeUnits, 1), dynamodb, usedScan: 'ScanCommand' in dynamodb.commands, returned };
      if (dynamodb.calls === 0) say(`job ${thousands(homes)}: WARNING no DynamoDB call was recorded: the job does not use the shared document client`);
      const own = (returned as { consumedCapacity?: { read: number; write: number } } | undefined)?.consumedCapacity;
      const where = Object.entries(dynamodb.byCommand).map(([c, u]) => `${c.replace(/Command$/, '')}×${u.calls} ${round(u.read, 1)}/${round(u.write, 1)}`);
      say(`job ${thousands(homes)}: ${ms} ms, ${run.readUnits} RCU, ${run.writeUnits} WCU in ${dynamodb.calls} calls (RCU/WCU: ${where.join(', ')})`);
      if (own) say(`job ${thousands(homes)}: the job's own meter says ${own.read} RCU, ${own.write} WCU`);
    }

    say(`job ${thousands(homes)}: full-table Scan of the same data (parallel, ${SCAN_SEGMENTS} segments)`);
    const scan = await fullScan(seeder, tableName);
    say(`job ${thousands(homes)}: Scan read ${thousands(scan.items)} items in ${scan.pages} pages, ${scan.ms} ms, ${scan.readUnits} RCU`);
    return {
      formatCheck,
      figures: {
        homes,
        stores: plan.stores,
        positions: plan.expected.positions,
        expected: plan.expected,
        seed: { ...seed, ms: round(seed.ms, 0), itemsPerSecond: round((seed.items * 1000) / seed.ms, 0) },
        scan,
        job: run,
        jobToScanReadRatio: run ? round(run.readUnits / scan.readUnits, 4) : null,
        jobToScanTimeRatio: run ? round(run.ms / scan.ms, 3) : null,
      },
    };
  } finally {
    await admin.send(new DeleteTableCommand({ TableName: tableName }));
  }
}

export async function benchDailyJob(options: { scales: number[]; dataDir: string }): Promise<DailyJobResult> {
  const job = findShortfallJob();
  const pending = job ? null : 'issue 7: no shortfall job in functions/jobs.ts yet';
  if (!job) say(`job: the shortfall job is not in functions/jobs.ts yet (issue 7): seeding and the Scan baseline only`);
  process.env.DATA_DIR = options.dataDir; // the local job appends its events and digests here
  const admin = new DynamoDBClient({});
  const seeder = DynamoDBDocumentClient.from(admin, { marshallOptions: { removeUndefinedValues: true } });
  const result: DailyJobResult = { job: job?.name ?? null, pending, formatCheck: '', scales: [] };
  try {
    for (const homes of options.scales) {
      const { figures, formatCheck } = await runScale(homes, job, seeder, admin);
      result.formatCheck ||= formatCheck;
      result.scales.push(figures);
    }
  } finally {
    admin.destroy();
  }
  return result;
}
