/**
 * `npm run bench`: bundles, the API under load, the daily job at national scale and DynamoDB cost
 * per operation, on one machine. Prints figures as it goes; asserts nothing about wall-clock time.
 * A full run writes bench/results.json and the figures table of bench/README.md.
 *
 * Options: --only bundles,api,cost,job,estimator,overview,webhooks   --quick (short runs, 1,000 homes only)   --write (write
 * results even for a partial run: its sections replace theirs in results.json, the others are kept)   --connections N   --duration S   --scales 1000,17000   --import-runs N
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startDynamoDbLocal, type DynamoDbLocal } from '../bin/local/dynamodb-local.ts';
import { configureLocalAws } from '../bin/local/local-system.ts';
import { heading, say } from './progress.ts';
import { markdownReport, mergeResults, skipped, writeFiguresIntoReadme, type BenchResults } from './report.ts';

const SECTIONS = ['bundles', 'api', 'cost', 'job', 'estimator', 'overview', 'webhooks'] as const;
type Section = (typeof SECTIONS)[number];

const { values } = parseArgs({
  options: {
    only: { type: 'string' },
    quick: { type: 'boolean', default: false },
    write: { type: 'boolean', default: false },
    connections: { type: 'string' },
    duration: { type: 'string' },
    scales: { type: 'string' },
    'import-runs': { type: 'string' },
  },
});

const only = new Set((values.only?.split(',') ?? SECTIONS).map((s) => s.trim()) as Section[]);
const unknown = [...only].filter((s) => !SECTIONS.includes(s));
if (unknown.length) throw new Error(`unknown section(s) ${unknown.join(', ')}; choose from ${SECTIONS.join(', ')}`);
const quick = values.quick;
const options = {
  sections: [...only],
  quick,
  connections: Number(values.connections ?? 10),
  durationSeconds: Number(values.duration ?? (quick ? 3 : 10)),
  directSeconds: quick ? 2 : 5,
  rawSeconds: quick ? 2 : 5,
  serialSeconds: quick ? 1 : 3,
  scales: (values.scales ?? (quick ? '1000' : '1000,17000')).split(',').map(Number),
  importRuns: Number(values['import-runs'] ?? (quick ? 5 : 9)),
};
const fullRun = only.size === SECTIONS.length && !quick;
const writeResults = fullRun || values.write;
const resultsFile = join(import.meta.dirname, 'results.json');
// A partial run written with --write keeps the other sections' figures.
const previous = writeResults && !fullRun && existsSync(resultsFile) ? (JSON.parse(readFileSync(resultsFile, 'utf8')) as BenchResults) : undefined;

// The SDK's Node 20 reminder and INFO logs of every request are noise here (npm start does the same).
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
process.env.POWERTOOLS_LOG_LEVEL ??= 'WARN';

const started = performance.now();
const loadAverageAtStart = loadavg();
const dataDir = mkdtempSync(join(tmpdir(), 'carestock-bench-'));
let results: BenchResults = {
  generatedAt: new Date().toISOString(),
  durationSeconds: 0,
  machine: {
    node: process.versions.node,
    platform: `${process.platform}-${process.arch}`,
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
    memoryGb: Math.round(totalmem() / 2 ** 30),
    loadAverageAtStart,
    loadAverageAtEnd: [],
  },
  options,
  bundles: { skipped: 'not selected (--only)' },
  api: { skipped: 'not selected (--only)' },
  dailyJob: { skipped: 'not selected (--only)' },
  cost: { skipped: 'not selected (--only)' },
};
say(`options ${JSON.stringify(options)}; load average ${loadAverageAtStart.map((l) => l.toFixed(2)).join(' ')} (other work on the machine moves every timing)`);

let dynamo: DynamoDbLocal | undefined;
try {
  if (only.has('bundles')) {
    heading('1. Bundles');
    const { benchBundles } = await import('./bundles.ts');
    results.bundles = await benchBundles({ importRuns: options.importRuns });
  }

  if (only.has('api') || only.has('cost') || only.has('job') || only.has('overview') || only.has('webhooks')) {
    heading('DynamoDB Local');
    dynamo = await startDynamoDbLocal();
    configureLocalAws(dynamo.endpoint, 'bench');
    say(`DynamoDB Local (in memory) at ${dynamo.endpoint}`);
  }

  if (only.has('api')) {
    heading('2. API under load');
    const { benchApiLoad } = await import('./api-load.ts');
    results.api = await benchApiLoad({ ...options, dynamoEndpoint: dynamo!.endpoint, dataDir });
  }

  let costResult: Awaited<ReturnType<typeof import('./operation-cost.ts').benchOperationCost>> | null = null;
  if (only.has('cost')) {
    heading('4. DynamoDB cost per operation');
    const { benchOperationCost } = await import('./operation-cost.ts');
    costResult = await benchOperationCost({ dataDir });
  }

  if (only.has('job')) {
    heading('3. Daily job at national scale');
    const { benchDailyJob } = await import('./daily-job.ts');
    results.dailyJob = await benchDailyJob({ scales: options.scales, dataDir });
  }

  if (only.has('estimator')) {
    heading('5. The usage estimate with and without a declared outbreak');
    const { benchEstimator, estimatorMarkdown } = await import('./estimator.ts');
    results.estimator = benchEstimator();
    say(estimatorMarkdown(results.estimator));
  }

  if (only.has('overview')) {
    heading('6. The overview at national scale');
    const { benchOverview } = await import('./overview.ts');
    results.overview = await benchOverview({ scales: options.scales, dataDir });
  }

  if (only.has('webhooks')) {
    // Last: the local system it starts points the process's TABLE_NAME at its own table.
    heading('7. Webhook delivery on one machine');
    const { benchWebhooks, webhooksMarkdown } = await import('./webhooks.ts');
    results.webhooks = await benchWebhooks({ dynamoEndpoint: dynamo!.endpoint, samples: quick ? 10 : 30 });
    say(webhooksMarkdown(results.webhooks));
  }

  if (previous) results = mergeResults(results, previous, [...only].filter((s) => s !== 'estimator' && s !== 'overview' && s !== 'webhooks').map((s) => (s === 'job' ? 'dailyJob' : s)));
  // A day of Wales from the cost figures and the job at 1,000 homes, whichever run measured them.
  const cost = costResult ?? (skipped(results.cost) ? null : results.cost);
  if (cost && (costResult || only.has('job'))) {
    const { dayOfWales } = await import('./operation-cost.ts');
    const jobAt1000 = 'scales' in results.dailyJob ? results.dailyJob.scales.find((s) => s.homes === 1000)?.job : undefined;
    results.cost = { ...cost, dayOfWales: dayOfWales(cost, jobAt1000 ?? null) };
  }
} finally {
  await dynamo?.stop();
  rmSync(dataDir, { recursive: true, force: true });
}

results.durationSeconds = Math.round((performance.now() - started) / 1000);
results.machine.loadAverageAtEnd = loadavg();
const markdown = markdownReport(results);
heading('Figures');
console.log(markdown);
if (writeResults) {
  writeFileSync(resultsFile, `${JSON.stringify(results, null, 2)}\n`);
  writeFiguresIntoReadme(join(import.meta.dirname, 'README.md'), markdown);
  say(`wrote bench/results.json and the figures of bench/README.md (${results.durationSeconds} s in all)`);
} else {
  say(`partial run (${results.durationSeconds} s): nothing written; add --write to keep these figures`);
}
