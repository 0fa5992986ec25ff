/**
 * Section 4 — what each operation costs in DynamoDB capacity, read off the answers themselves
 * (ReturnConsumedCapacity INDEXES, asked by the recorder, so production code is unchanged), on a
 * table of its own with a store of 45 homes × 15 lines put in through the handlers. Then a day of
 * Wales: 1,000 homes × 15 lines, one count a day, a request a week, in RCU and WCU.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { ensureTable } from '../bin/local/create-table.ts';
import { documentClient } from '../functions/data/dynamodb-client.ts';
import { startRecording, summariseCalls, type CallCapacity } from './dynamodb-recorder.ts';
import { recordOneRequest, startApiSession } from './api-session.ts';
import { invokeDirect, type BenchRequest } from './direct-invoke.ts';
import { countRequest, findRoute, findSubmitRequestRoute, request, skuName, submitRequest } from './load-targets.ts';
import { round } from './measure.ts';
import { say } from './progress.ts';

export const COST_TABLE = 'bench-cost';
const WALES_HOMES = 1000;
const WALES_STORES = 22;
const LINES = 15;

export interface OperationCost {
  id: string;
  label: string;
  calls: number;
  roundTrips: number;
  commands: Record<string, number>;
  /** As DynamoDB Local reported them. */
  readUnits: number;
  writeUnits: number;
  indexUnits: Record<string, number>;
  /** Local's figures with transactions re-estimated by AWS's rule (capacity-model.ts): what the day of Wales uses. */
  modelledReadUnits: number;
  modelledWriteUnits: number;
}

export interface CostResult {
  operations: OperationCost[];
  skipped: { id: string; label: string; reason: string }[];
  /** What DynamoDB Local itself reports, measured in this run (see README: how far to trust it). */
  localCapacityBehaviour: Record<string, CallCapacity>;
}

interface CostOperation {
  id: string;
  label: string;
  available: boolean;
  pending: string;
  build: (n: number) => BenchRequest;
}

/** What Local reports for the shapes the design relies on: an index write, an index query, transactions. */
async function probeLocalCapacity(tableName: string): Promise<Record<string, CallCapacity>> {
  const client = DynamoDBDocumentClient.from(new DynamoDBClient({}));
  const recording = startRecording(client);
  const indexed = { PK: 'PROBE#1', SK: 'PROBE', GSI2PK: 'PROBE', GSI2SK: 'x' };
  try {
    await client.send(new PutCommand({ TableName: tableName, Item: { PK: 'PROBE#0', SK: 'PROBE' } }));
    await client.send(new PutCommand({ TableName: tableName, Item: indexed }));
    await client.send(new QueryCommand({ TableName: tableName, IndexName: 'GSI2', KeyConditionExpression: 'GSI2PK = :p', ExpressionAttributeValues: { ':p': 'PROBE' } }));
    await client.send(new TransactWriteCommand({ TransactItems: [{ Put: { TableName: tableName, Item: { PK: 'PROBE#2', SK: 'PROBE' } } }] }));
    const two = [3, 4].map((i) => ({ Put: { TableName: tableName, Item: { PK: `PROBE#${i}`, SK: 'PROBE' } } }));
    await client.send(new TransactWriteCommand({ TransactItems: two }));
  } finally {
    recording.stop();
    client.destroy();
  }
  const [plain, withIndex, indexQuery, transactOne, transactTwo] = recording.calls.map((c) => c.capacity);
  return {
    'PutItem, small item, no index key': plain!,
    'PutItem, small item with a GSI2 key': withIndex!,
    'Query on GSI2, one small item': indexQuery!,
    'TransactWriteItems, 1 small Put': transactOne!,
    'TransactWriteItems, 2 small Puts': transactTwo!,
  };
}

export async function benchOperationCost(options: { dataDir: string }): Promise<CostResult> {
  process.env.TABLE_NAME = COST_TABLE;
  const admin = new DynamoDBClient({});
  await ensureTable(admin, COST_TABLE);
  admin.destroy();
  const session = await startApiSession(options.dataDir, invokeDirect, LINES);
  const { fixture } = session;
  const countRoute = findRoute('POST', '/v1/homes/{homeId}/stock-counts');
  const submitRoute = findSubmitRequestRoute();
  const extraSkus = Array.from({ length: 100 - LINES }, (_, i) => skuName(LINES + i));
  const operations: CostOperation[] = [
    { id: 'get-item', label: 'GET /v1/items/{sku}', available: !!findRoute('GET', '/v1/items/{sku}'), pending: 'the registry', build: (n) => request('GET', `/v1/items/${fixture.skus[n % LINES]}`, fixture.homes[0]!) },
    { id: 'home-stock', label: 'GET /v1/homes/{homeId}/stock (15 lines)', available: !!findRoute('GET', '/v1/homes/{homeId}/stock'), pending: 'issue 4', build: (n) => request('GET', `/v1/homes/${fixture.homeIds[n % fixture.homeIds.length]}/stock`, fixture.homes[n % fixture.homeIds.length]!) },
    { id: 'worklist', label: 'GET /v1/stores/{storeId}/homes (45 homes)', available: !!findRoute('GET', '/v1/stores/{storeId}/homes'), pending: 'the registry', build: () => request('GET', `/v1/stores/${fixture.storeId}/homes`, fixture.store) },
    { id: 'post-count-15', label: 'POST stock count (15 lines)', available: !!countRoute, pending: 'issue 4', build: (n) => countRequest(fixture, n, fixture.skus, new Date()) },
    { id: 'submit-request', label: 'POST request (Idempotency-Key)', available: !!submitRoute, pending: 'the requests feature', build: (n) => submitRequest(submitRoute!, fixture, n, `bench-cost-${Date.now()}-${n}`) },
    // Last: it adds 85 SKUs to the catalogue, which every stock read scans for pack sizes.
    { id: 'post-count-100', label: 'POST stock count (100 lines)', available: !!countRoute, pending: 'issue 4', build: (n) => countRequest(fixture, n, [...fixture.skus, ...extraSkus], new Date()) },
  ];

  const result: CostResult = { operations: [], skipped: [], localCapacityBehaviour: await probeLocalCapacity(COST_TABLE) };
  for (const operation of operations) {
    if (!operation.available) {
      result.skipped.push({ id: operation.id, label: operation.label, reason: `no route yet: waits for ${operation.pending}` });
      say(`cost: SKIPPED ${operation.label}: no route yet (waits for ${operation.pending})`);
      continue;
    }
    if (operation.id === 'post-count-100') {
      for (const sku of extraSkus) await invokeDirect(request('PUT', `/v1/items/${sku}`, fixture.admin, { name: sku, unit: 'each', packSize: 10 }));
    }
    try {
      const calls = await recordOneRequest(() => operation.build(session.counter.n++));
      const summary = summariseCalls(calls);
      const cost: OperationCost = {
        id: operation.id,
        label: operation.label,
        calls: summary.calls,
        roundTrips: summary.roundTrips,
        commands: summary.commands,
        readUnits: round(summary.readUnits, 2),
        writeUnits: round(summary.writeUnits, 2),
        indexUnits: Object.fromEntries(Object.entries(summary.indexUnits).map(([k, v]) => [k, round(v, 2)])),
        modelledReadUnits: round(summary.modelledReadUnits, 2),
        modelledWriteUnits: round(summary.modelledWriteUnits, 2),
      };
      result.operations.push(cost);
      say(
        `cost: ${cost.label}: ${cost.calls} calls in ${cost.roundTrips} round trips, ${cost.modelledReadUnits} RCU, ${cost.modelledWriteUnits} WCU` +
          ` (Local reported ${cost.readUnits} / ${cost.writeUnits}) ${JSON.stringify(cost.commands)}`,
      );
    } catch (error) {
      const reason = (error as Error).message.slice(0, 300);
      result.skipped.push({ id: operation.id, label: operation.label, reason });
      say(`cost: SKIPPED ${operation.label}: ${reason}`);
    }
  }
  return result;
}

export interface DayOfWales {
  lines: { what: string; perDay: number; rcuPerDay: number; wcuPerDay: number }[];
  rcuPerDay: number;
  wcuPerDay: number;
  /** The same day with DynamoDB Local's own figures for transactions (an undercount: see capacity-model.ts). */
  localReported: { rcuPerDay: number; wcuPerDay: number };
  rcuPer30Days: number;
  wcuPer30Days: number;
  assumptions: string[];
  missing: string[];
}

/** 1,000 homes × 15 lines: one count a day, a request a week; the reads that go with them; the job. */
export function dayOfWales(cost: CostResult | null, job: { readUnits: number; writeUnits: number; dynamodb: { modelledReadUnits: number; modelledWriteUnits: number } } | null): DayOfWales {
  const plan: { id: string; what: string; perDay: number }[] = [
    { id: 'post-count-15', what: 'stock counts (15 lines), one per home a day', perDay: WALES_HOMES },
    { id: 'home-stock', what: 'stock reads, one per home a day (assumed)', perDay: WALES_HOMES },
    { id: 'worklist', what: 'worklist reads, 4 per store a day (assumed)', perDay: WALES_STORES * 4 },
    { id: 'submit-request', what: 'requests, one per home a week', perDay: round(WALES_HOMES / 7, 1) },
  ];
  const lines: DayOfWales['lines'] = [];
  const local = { rcuPerDay: 0, wcuPerDay: 0 };
  const missing: string[] = [];
  for (const entry of plan) {
    const operation = cost?.operations.find((o) => o.id === entry.id);
    if (!operation) {
      missing.push(entry.what);
      continue;
    }
    lines.push({ what: entry.what, perDay: entry.perDay, rcuPerDay: round(operation.modelledReadUnits * entry.perDay, 1), wcuPerDay: round(operation.modelledWriteUnits * entry.perDay, 1) });
    local.rcuPerDay += operation.readUnits * entry.perDay;
    local.wcuPerDay += operation.writeUnits * entry.perDay;
  }
  if (job) {
    lines.push({ what: 'shortfall job at 1,000 homes, once a day', perDay: 1, rcuPerDay: round(job.dynamodb.modelledReadUnits, 1), wcuPerDay: round(job.dynamodb.modelledWriteUnits, 1) });
    local.rcuPerDay += job.readUnits;
    local.wcuPerDay += job.writeUnits;
  } else missing.push('the shortfall job (issue 7)');
  const rcuPerDay = round(lines.reduce((sum, l) => sum + l.rcuPerDay, 0), 1);
  const wcuPerDay = round(lines.reduce((sum, l) => sum + l.wcuPerDay, 0), 1);
  return {
    lines,
    rcuPerDay,
    wcuPerDay,
    localReported: { rcuPerDay: round(local.rcuPerDay, 1), wcuPerDay: round(local.wcuPerDay, 1) },
    rcuPer30Days: round(rcuPerDay * 30, 0),
    wcuPer30Days: round(wcuPerDay * 30, 0),
    assumptions: [
      'units per call as DynamoDB Local reports them, except TransactWriteItems, re-estimated by AWS’s published rule (bench/capacity-model.ts); on-demand bills the same read/write request units',
      'the cost fixture is 45 homes × 15 lines with a 15-item catalogue; each home counted twice before measuring',
      'request lifecycle after submit (approve, schedule, dispatch, receipt) is not counted yet',
    ],
    missing,
  };
}
