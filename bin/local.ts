/**
 * `npm start`: the whole of Carestock on one machine — DynamoDB Local, the HTTP API, the scheduled
 * jobs and demo data. Options: --port N (or PORT), --in-memory, --no-seed, --data-dir DIR (or DATA_DIR),
 * --wales (a plausible Wales on top: 7 regions, 22 stores, a few hundred homes, 12 weeks of counts).
 */
import { parseArgs } from 'node:util';
import { demoHomes, demoMembers, demoStores, seedDemoData } from './local/demo-data.ts';
import { seedWales, walesRegionMembers } from './local/demo-wales.ts';
import { createStorePageRoutes, memberChoices } from './local/store-page-routes.ts';
import { startLocalSystem, type LocalSystem } from './local/local-system.ts';
import { signLocalToken } from './local/local-auth.ts';
import { startLocalScheduler } from './local/scheduler.ts';

const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    host: { type: 'string' },
    'in-memory': { type: 'boolean', default: false },
    'no-seed': { type: 'boolean', default: false },
    wales: { type: 'boolean', default: false },
    'data-dir': { type: 'string' },
  },
});

const log = (line: string) => console.log(`[carestock] ${line}`);
process.env.POWERTOOLS_LOG_LEVEL ??= 'WARN';

// Signals are handled from the first moment: one during start-up exits at once, and the exit hook
// of dynamodb-local.ts kills Java; after it, the API and DynamoDB Local are stopped in order.
let system: LocalSystem | undefined;
let scheduler: { stop(): void } | undefined;
let stopping = false;
const shutdown = async (reason: string) => {
  if (stopping) return;
  stopping = true;
  log(`${reason}: stopping the API and DynamoDB Local`);
  scheduler?.stop();
  await system?.stop();
  process.exit(0);
};
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => void shutdown(signal));
// `npm start` execs node, so the SIGTERM or SIGINT npm forwards reaches this process. If npm itself
// is killed outright, nothing forwards anything: notice being orphaned and stop as well.
if (process.env.npm_lifecycle_event) {
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) void shutdown('npm exited');
  }, 500).unref();
}

const started = Date.now();
system = await startLocalSystem({
  port: Number(values.port ?? process.env.PORT ?? 3000),
  host: values.host ?? process.env.HOST ?? '127.0.0.1',
  inMemory: values['in-memory'],
  dataDir: values['data-dir'] ?? process.env.DATA_DIR,
  // The demo seed goes through the API: until it is done, everyone else is told to retry.
  loading: !values['no-seed'],
  // The store page at / and its local-only sign-in, offering the demo data's members.
  extraRoutes: await createStorePageRoutes(memberChoices(values.wales ? [...demoMembers, ...walesRegionMembers] : demoMembers, demoStores, demoHomes)),
});
log(`DynamoDB Local at ${system.dynamoEndpoint} (${values['in-memory'] ? 'in memory' : `data in ${system.dataDir}`}), table "${system.tableName}"`);

if (!values['no-seed']) {
  const token = await signLocalToken(system.signingKey, { org: { kind: 'admin' } });
  const api = async (method: string, path: string, body?: unknown, contentType = 'application/json') => {
    const response = await fetch(system!.url + path, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': contentType, [system!.loadingHeader!.name]: system!.loadingHeader!.value },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    return { status: response.status, body: await response.json().catch(() => undefined) };
  };
  await seedDemoData(api, log);
  if (values.wales) await seedWales(api, log);
}

system.ready();
scheduler = startLocalScheduler(log);
log(`API ready in ${((Date.now() - started) / 1000).toFixed(1)} s at ${system.url}/v1 (health: ${system.url}/v1/health)`);
log(`store page:   ${system.url}/  (sign in as a manager or staff member of any demo store or home)`);
log(`get a token:  TOKEN=$(npm run -s token -- --org admin)   (or --org store:cardiff-jes --role staff, --org home:ty-gwyn)`);
log(`then:         curl -H "Authorization: Bearer $TOKEN" ${system.url}/v1/items`);
log(`webhooks:     sent in process every 250 ms; POST /v1/homes/{homeId}/webhooks with a manager's token (http://127.0.0.1:<port>/… is allowed locally)`);

