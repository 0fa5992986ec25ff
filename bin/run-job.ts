/**
 * `npm run job:<name> [-- --as-of <ISO instant>] [--data-dir DIR]`: runs a job now against the
 * local system that `npm start` is running, through the job's own admin endpoint (the same handler,
 * checks and summary as on AWS), with an admin token signed by the local key. Prints the summary,
 * and the alerts the run added to DATA_DIR/alerts.jsonl.
 *
 * A new on-demand job is one entry in `onDemandJobs` and one script in package.json.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ALERTS_FILE } from '../functions/shortfalls/local-alert-sink.ts';
import { LOCAL_SYSTEM_FILE } from './local/local-system.ts';
import { loadOrCreateSigningKey, signLocalToken } from './local/local-auth.ts';

interface OnDemandJob {
  path: string;
  body(options: { asOf?: string | undefined }): Record<string, unknown>;
}

const onDemandJobs: Record<string, OnDemandJob> = {
  shortfall: { path: '/v1/jobs/shortfall-scan', body: ({ asOf }) => (asOf ? { asOf } : {}) },
  plan: { path: '/v1/jobs/delivery-plan', body: ({ asOf }) => (asOf ? { asOf } : {}) },
};

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { 'as-of': { type: 'string' }, 'data-dir': { type: 'string' } },
});

const name = positionals[0] ?? '';
const job = onDemandJobs[name];
if (!job) {
  console.error(`usage: tsx bin/run-job.ts <${Object.keys(onDemandJobs).join('|')}> [--as-of <ISO instant>] [--data-dir DIR]`);
  process.exit(2);
}

const dataDir = resolve(values['data-dir'] ?? process.env.DATA_DIR ?? '.carestock');
const systemFile = join(dataDir, LOCAL_SYSTEM_FILE);
if (!existsSync(systemFile)) {
  console.error(`No local system is running with data in ${dataDir} (no ${LOCAL_SYSTEM_FILE}). Start one with \`npm start\`.`);
  process.exit(1);
}
const { url } = JSON.parse(readFileSync(systemFile, 'utf8')) as { url: string };
const token = await signLocalToken(await loadOrCreateSigningKey(dataDir), { org: { kind: 'admin' } });

const alertsFile = join(dataDir, ALERTS_FILE);
const alertsBefore = existsSync(alertsFile) ? statSync(alertsFile).size : 0;

let response: Response;
try {
  response = await fetch(url + job.path, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(job.body({ asOf: values['as-of'] })),
  });
} catch (error) {
  console.error(`The local system at ${url} did not answer (${(error as Error).message}). Is \`npm start\` still running?`);
  process.exit(1);
}
const answer = await response.json().catch(() => undefined);
if (!response.ok) {
  console.error(`${job.path} answered ${response.status}:\n${JSON.stringify(answer, null, 2)}`);
  process.exit(1);
}
console.log(JSON.stringify(answer, null, 2));

if (existsSync(alertsFile) && statSync(alertsFile).size > alertsBefore) {
  const added = readFileSync(alertsFile).subarray(alertsBefore).toString('utf8').trim().split('\n');
  const lines = added.map((line) => JSON.parse(line) as { kind: string; subject?: string; text?: string; detail?: { id: string; reasons: string[] } });
  const events = lines.filter((l) => l.kind === 'event');
  console.log(`\n${events.length} ShortfallDetected event(s): ${events.map((e) => `${e.detail?.id} (${e.detail?.reasons.join(', ')})`).join('; ') || 'none'}`);
  for (const digest of lines.filter((l) => l.kind === 'digest')) console.log(`\n== ${digest.subject}\n${digest.text}`);
  console.log(`\n(appended to ${alertsFile})`);
}
