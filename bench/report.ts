/** The figures as Markdown tables: printed at the end of a run and written into bench/README.md. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { ApiLoadResult } from './api-load.ts';
import type { BundlesResult } from './bundles.ts';
import type { DailyJobResult } from './daily-job.ts';
import type { CostResult, DayOfWales } from './operation-cost.ts';
import { estimatorMarkdown, type EstimatorResult } from './estimator.ts';
import { webhooksMarkdown } from './webhooks.ts';

export interface BenchResults {
  generatedAt: string;
  durationSeconds: number;
  machine: { node: string; platform: string; cpus: number; cpuModel: string; memoryGb: number; loadAverageAtStart: number[]; loadAverageAtEnd: number[] };
  options: Record<string, unknown>;
  bundles: BundlesResult | { skipped: string };
  api: ApiLoadResult | { skipped: string };
  dailyJob: DailyJobResult | { skipped: string };
  cost: (CostResult & { dayOfWales: DayOfWales }) | { skipped: string };
  /** The usage estimate and outbreaks (`--only estimator`): pure, no DynamoDB; kept from the last run that measured it. */
  estimator?: EstimatorResult;
  /** Section 5 (`--only overview`): the rollup's cost and the overview's reads at national scale. */
  overview?: Awaited<ReturnType<typeof import('./overview.ts').benchOverview>>;
  /** Section 7 (`--only webhooks`): local delivery latency and the retry schedule; kept from the last run that measured it. */
  webhooks?: import('./webhooks.ts').WebhookBenchResult;
  /** When each section's figures were measured: a partial run written with --write keeps the others'. */
  measuredAt?: Partial<Record<ResultSection, string>>;
}

export type ResultSection = 'bundles' | 'api' | 'dailyJob' | 'cost';
export const RESULT_SECTIONS: readonly ResultSection[] = ['bundles', 'api', 'dailyJob', 'cost'];

/**
 * A partial run's results over the previous results.json: the sections it measured replace theirs
 * (whole: every scale of the job); the others keep the figures, and the date, they had.
 */
export function mergeResults(current: BenchResults, previous: BenchResults, ran: readonly ResultSection[]): BenchResults {
  const merged: BenchResults = { ...current, measuredAt: {} };
  const estimator = current.estimator ?? previous.estimator;
  if (estimator) merged.estimator = estimator;
  const webhooks = current.webhooks ?? previous.webhooks;
  if (webhooks) merged.webhooks = webhooks;
  for (const section of RESULT_SECTIONS) {
    const kept = !ran.includes(section) && !skipped(previous[section]);
    (merged as unknown as Record<ResultSection, unknown>)[section] = kept ? previous[section] : current[section];
    merged.measuredAt![section] = kept ? (previous.measuredAt?.[section] ?? previous.generatedAt) : current.generatedAt;
  }
  return merged;
}

const kb = (bytes: number) => (bytes / 1024).toFixed(0);
const n = (value: number | null | undefined, digits = 2) => (value === null || value === undefined || Number.isNaN(value) ? '—' : Number(value.toFixed(digits)).toLocaleString('en-GB'));
const table = (head: string[], rows: string[][]) =>
  [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
/** A section not run (the cost section's own `skipped` is a list of operations, not this). */
export const skipped = (section: { skipped: string } | object): section is { skipped: string } => 'skipped' in section && typeof section.skipped === 'string';

function bundles(section: BenchResults['bundles']): string {
  if (skipped(section)) return `_Skipped: ${section.skipped}_`;
  const rows = [section.floor, ...(section.leanFloor ? [section.leanFloor] : []), ...section.functions].map((f) => [
    f.kind === 'floor' ? `**${f.name}**` : `${f.name} (${f.serves.length})`,
    kb(f.bytes),
    kb(f.gzipBytes),
    n(f.importMs, 1),
    n(f.gzipRatio ?? f.sizeRatio),
    n(f.importRatio),
    f.kind === 'floor' ? '' : `${f.withinTarget ? 'yes' : '**no**'} (≤ ${f.targetRatio ?? section.target}${f.targetReason ? `: ${f.targetReason}` : ''})`,
    f.topContributors.slice(0, 4).map((c) => `${c.name} ${kb(c.bytes)}`).join(', '),
  ]);
  const failed = section.failed.length ? `\n\nDid not build: ${section.failed.map((f) => `${f.name} (${f.error})`).join('; ')}` : '';
  return (
    `Import time: median of ${section.importRuns} fresh \`node\` processes. Target: gzip size ≤ ${section.target}× the floor's (1.45× where Powertools idempotency is the reason). A route group's count is its routes.\n\n` +
    table(['function', 'min KB', 'gzip KB', 'import ms', 'gzip ×floor', 'import ×floor', 'within target', 'largest contributors (KB)'], rows) +
    failed
  );
}

function api(section: BenchResults['api']): string {
  if (skipped(section)) return `_Skipped: ${section.skipped}_`;
  const rows = section.endpoints.map((e) => [
    e.label,
    n(e.http.requestsPerSecond, 0),
    n(e.http.p50Ms),
    n(e.http.p99Ms),
    `${e.http.non2xx} / ${e.http.errors + e.http.timeouts}`,
    n(e.direct.p50Ms),
    n(e.raw?.p50Ms),
    `${e.dynamodb.calls} (${e.dynamodb.roundTrips})`,
    n(e.overheadRatio),
    n(e.handlerOverheadRatio),
    `${n(e.directSerial.p50Ms)} / ${n(e.rawSerial?.p50Ms)}`,
    n(e.serialHandlerOverheadRatio),
  ]);
  const skips = section.skipped.map((s) => `- skipped: ${s.label} — ${s.reason}`).join('\n');
  return (
    `${section.connections} connections; autocannon ${section.durationSeconds} s, in-process handler ${section.directSeconds} s, raw replay ${section.rawSeconds} s, ` +
    `then handler and raw one request at a time, ${section.serialSeconds} s each; a store of ${section.homes} homes × ${section.linesPerHome} lines.\n\n` +
    table(
      ['endpoint', 'req/s', 'p50 ms', 'p99 ms', 'non-2xx / errors', 'handler p50 ms', 'raw DynamoDB p50 ms', 'calls (round trips)', 'overhead HTTP ×raw', 'overhead handler ×raw', '1 at a time: handler / raw p50 ms', '1 at a time: handler ×raw'],
      rows,
    ) +
    (skips ? `\n\n${skips}` : '')
  );
}

function dailyJob(section: BenchResults['dailyJob']): string {
  if (skipped(section)) return `_Skipped: ${section.skipped}_`;
  const rows = section.scales.map((s) => [
    n(s.homes, 0),
    n(s.positions, 0),
    `${n(s.seed.items, 0)} in ${n(s.seed.ms / 1000, 1)} s`,
    `${s.expected.atRiskHomes} / ${s.expected.silentHomes}`,
    s.job ? n(s.job.ms, 0) : '—',
    s.job ? n(s.job.readUnits, 1) : '—',
    s.job ? n(s.job.writeUnits, 1) : '—',
    n(s.scan.ms, 0),
    n(s.scan.readUnits, 1),
    n(s.jobToScanReadRatio, 4),
    n(s.jobToScanTimeRatio, 3),
  ]);
  const details = section.scales.flatMap((s) => {
    if (!s.job) return [];
    const found = (s.job.returned ?? {}) as { homes?: { short?: number; silent?: number }; consumedCapacity?: { read: number; write: number } };
    const where = Object.entries(s.job.dynamodb.byCommand).map(([c, u]) => `${c.replace(/Command$/, '')}×${u.calls} ${n(u.read, 1)}/${n(u.write, 1)}`);
    return [
      `- ${n(s.homes, 0)} homes: the job flagged ${found.homes?.short ?? '?'} short and ${found.homes?.silent ?? '?'} silent homes ` +
        `(seeded: ${s.expected.atRiskHomes} at risk, ${s.expected.silentHomes} silent); RCU/WCU by command: ${where.join(', ')}` +
        (found.consumedCapacity ? `; the job's own meter: ${found.consumedCapacity.read} RCU, ${found.consumedCapacity.write} WCU` : ''),
    ];
  });
  return (
    (section.pending ? `_Job pending: ${section.pending}. Seeding and the Scan baseline are measured._\n\n` : `Job: \`${section.job}\`. `) +
    `Home items: ${section.formatCheck}. The Scan is parallel (${section.scales[0]?.scan.segments ?? '—'} segments; its read units are those of any full Scan).\n\n` +
    table(['homes', 'positions', 'seeded (BatchWrite)', 'at risk / silent homes', 'job ms', 'job RCU', 'job WCU', 'Scan ms', 'Scan RCU', 'job ÷ Scan reads', 'job ÷ Scan time'], rows) +
    (details.length ? `\n\n${details.join('\n')}` : '')
  );
}

function cost(section: BenchResults['cost']): string {
  if (skipped(section)) return `_Skipped: ${section.skipped}_`;
  const rows = section.operations.map((o) => [
    o.label,
    `${o.calls} (${o.roundTrips})`,
    Object.entries(o.commands).map(([c, k]) => `${c.replace(/Command$/, '')}×${k}`).join(', '),
    n(o.modelledReadUnits),
    n(o.modelledWriteUnits),
    `${n(o.readUnits)} / ${n(o.writeUnits)}`,
    Object.entries(o.indexUnits).map(([i, u]) => `${i} ${n(u)}`).join(', ') || '—',
  ]);
  const wales = section.dayOfWales;
  const walesRows = wales.lines.map((l) => [l.what, n(l.perDay, 1), n(l.rcuPerDay, 1), n(l.wcuPerDay, 1)]);
  walesRows.push(['**total a day**', '', `**${n(wales.rcuPerDay, 1)}**`, `**${n(wales.wcuPerDay, 1)}**`]);
  walesRows.push(['**total, 30 days**', '', `**${n(wales.rcuPer30Days, 0)}**`, `**${n(wales.wcuPer30Days, 0)}**`]);
  walesRows.push(['_a day with Local’s own transaction figures_', '', n(wales.localReported.rcuPerDay, 1), n(wales.localReported.wcuPerDay, 1)]);
  const local = Object.entries(section.localCapacityBehaviour).map(
    ([what, c]) => `- ${what}: read ${n(c.read)}, write ${n(c.write)} (table ${n(c.table)}${Object.entries(c.indexes).map(([i, u]) => `, ${i} ${n(u)}`).join('')})`,
  );
  return [
    table(['operation', 'calls (round trips)', 'commands', 'RCU', 'WCU', 'Local reported RCU / WCU', 'Local: on indexes'], rows),
    section.skipped.map((s) => `- skipped: ${s.label} — ${s.reason}`).join('\n'),
    '**A day of Wales** (1,000 homes × 15 lines):',
    table(['what', 'a day', 'RCU a day', 'WCU a day'], walesRows),
    [...wales.assumptions.map((a) => `- ${a}`), ...wales.missing.map((m) => `- not yet included: ${m}`)].join('\n'),
    '**What DynamoDB Local reports** (measured in this run):',
    local.join('\n'),
  ]
    .filter(Boolean)
    .join('\n\n');
}

export function markdownReport(results: BenchResults): string {
  const m = results.machine;
  const earlier = RESULT_SECTIONS.filter((s) => (results.measuredAt?.[s] ?? results.generatedAt) !== results.generatedAt).map(
    (s) => `${s} ${results.measuredAt![s]}`,
  );
  return [
    `_Run ${results.generatedAt} in ${Math.round(results.durationSeconds)} s: Node ${m.node}, ${m.cpus} × ${m.cpuModel}, ${m.memoryGb} GB; load average ${m.loadAverageAtStart.map((l) => l.toFixed(1)).join(' ')} at start.` +
      (earlier.length ? ` Kept from earlier runs: ${earlier.join('; ')}._` : '_'),
    '### 1. Bundles (cold start proxy)',
    bundles(results.bundles),
    '### 2. API under load (local system on DynamoDB Local)',
    api(results.api),
    '### 3. Daily shortfall job at national scale',
    dailyJob(results.dailyJob),
    '### 4. DynamoDB cost per operation',
    cost(results.cost),
    ...(results.estimator ? ['### 5. The usage estimate with and without a declared outbreak', estimatorMarkdown(results.estimator)] : []),
    ...(results.webhooks ? ['### 7. Webhook delivery on one machine', webhooksMarkdown(results.webhooks)] : []),
  ].join('\n\n');
}

const START = '<!-- bench:figures:start -->';
const END = '<!-- bench:figures:end -->';

/** Replaces the figures between the markers of the README (appends them if the markers are missing). */
export function writeFiguresIntoReadme(file: string, markdown: string): void {
  const block = `${START}\n${markdown}\n${END}`;
  const text = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const start = text.indexOf(START);
  const end = text.indexOf(END);
  writeFileSync(file, start >= 0 && end > start ? text.slice(0, start) + block + text.slice(end + END.length) : `${text}\n${block}\n`);
}
