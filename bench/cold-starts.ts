/**
 * The cold-start model behind the function grouping (lib/function-groups.ts; README "Functions
 * grouped by privilege"). A weekday of Wales is replayed against each way of mapping routes to
 * functions, and every invocation that finds no idle warm environment of its function is a cold
 * start. Pure arithmetic on a seeded random day: no AWS, no DynamoDB, no wall-clock.
 *
 * Traffic: the bench's day of Wales (bench/operation-cost.ts: 1,000 homes, 22 stores, a count a
 * day per home, a stock read a day per home, 4 worklist reads per store, a request a week per
 * home) plus, assumed here, each request's lifecycle (approve, dispatch, receipt, the home looking
 * at its requests and deliveries) and a few reads per store each morning. Arrivals are uniform in
 * each line's hours. Lambda keeps an idle environment for an unpublished time: the model uses 10
 * minutes and reports 5 and 30 as well. An invocation keeps its environment busy for 150 ms.
 */
import { routes, routeKey, type RouteDefinition } from '../functions/routes.ts';
import { groupOf } from '../lib/function-groups.ts';
import { seededRandom } from '../bin/local/seeded-random.ts';

export const WALES_HOMES = 1000;
export const WALES_STORES = 22;
const requestsPerDay = Math.round(WALES_HOMES / 7);

interface TrafficLine {
  route: string;
  perDay: number;
  /** Local hours [from, to). */
  hours: [number, number];
  source: 'bench' | 'assumed';
}

export const dayOfWalesTraffic: readonly TrafficLine[] = [
  { route: 'POST /v1/homes/{homeId}/stock-counts', perDay: WALES_HOMES, hours: [7, 11], source: 'bench' },
  { route: 'GET /v1/homes/{homeId}/stock', perDay: WALES_HOMES, hours: [8, 18], source: 'bench' },
  { route: 'GET /v1/stores/{storeId}/homes', perDay: WALES_STORES * 4, hours: [8, 18], source: 'bench' },
  { route: 'POST /v1/homes/{homeId}/requests', perDay: requestsPerDay, hours: [9, 17], source: 'bench' },
  { route: 'POST /v1/requests/{requestId}/approve', perDay: requestsPerDay, hours: [9, 17], source: 'assumed' },
  { route: 'GET /v1/homes/{homeId}/requests', perDay: requestsPerDay, hours: [9, 17], source: 'assumed' },
  { route: 'GET /v1/stores/{storeId}/requests', perDay: WALES_STORES * 4, hours: [8, 17], source: 'assumed' },
  { route: 'POST /v1/stores/{storeId}/allocations', perDay: WALES_STORES, hours: [9, 12], source: 'assumed' },
  { route: 'GET /v1/stores/{storeId}/deliveries', perDay: WALES_STORES, hours: [7, 9], source: 'assumed' },
  { route: 'POST /v1/deliveries/{deliveryId}/dispatch', perDay: requestsPerDay, hours: [8, 12], source: 'assumed' },
  { route: 'POST /v1/deliveries/{deliveryId}/receipt', perDay: requestsPerDay, hours: [10, 17], source: 'assumed' },
  { route: 'GET /v1/homes/{homeId}/deliveries', perDay: requestsPerDay, hours: [9, 17], source: 'assumed' },
  { route: 'GET /v1/stores/{storeId}/shortfalls', perDay: WALES_STORES, hours: [7, 10], source: 'assumed' },
  { route: 'GET /v1/stores/{storeId}/export.csv', perDay: WALES_STORES, hours: [8, 17], source: 'assumed' },
];

export interface GroupingOption {
  name: string;
  describe: string;
  functionOf: (route: RouteDefinition) => string;
}

export const groupingOptions: readonly GroupingOption[] = [
  { name: 'one per route', describe: 'one function per handler (before this change)', functionOf: (r) => r.handler },
  { name: 'by concern × read/write', describe: 'tag × (read | write)', functionOf: (r) => `${r.tag}-${r.table === 'readwrite' ? 'write' : 'read'}` },
  { name: 'by concern', describe: 'one function per tag', functionOf: (r) => r.tag },
  { name: 'by privilege (chosen)', describe: 'public | reads | writes | alerts', functionOf: groupOf },
  { name: 'one function', describe: 'every route in one function', functionOf: () => 'all' },
];


export interface ColdStartFigure {
  option: string;
  routeFunctions: number;
  invocationsPerDay: number;
  /** Mean over the simulated days, per keep-warm minutes. */
  coldStartsPerDay: Record<string, number>;
  coldShare: Record<string, number>;
}

export const KEEP_WARM_MINUTES = [5, 10, 30] as const;
const BUSY_MS = 150;
const DAYS = 20;

export function coldStartModel(options: readonly GroupingOption[] = groupingOptions): ColdStartFigure[] {
  const byKey = new Map(routes.map((route) => [routeKey(route), route]));
  const missing = dayOfWalesTraffic.filter((line) => !byKey.has(line.route));
  if (missing.length) throw new Error(`traffic names routes the table lacks: ${missing.map((m) => m.route).join(', ')}`);
  return options.map((option) => {
    const coldStartsPerDay: Record<string, number> = {};
    const coldShare: Record<string, number> = {};
    let invocations = 0;
    for (const keepWarm of KEEP_WARM_MINUTES) {
      let cold = 0;
      invocations = 0;
      for (let day = 0; day < DAYS; day++) {
        const next = seededRandom(1000 + day); // the same days for every option and keep-warm time
        const arrivals: { at: number; fn: string }[] = [];
        for (const line of dayOfWalesTraffic) {
          const fn = option.functionOf(byKey.get(line.route)!);
          const [from, to] = line.hours;
          for (let i = 0; i < line.perDay; i++) arrivals.push({ at: (from + next() * (to - from)) * 3_600_000, fn });
        }
        arrivals.sort((a, b) => a.at - b.at);
        // Per function: the times its environments become free (each environment serves one request at a time).
        const freeAt = new Map<string, number[]>();
        for (const { at, fn } of arrivals) {
          const environments = freeAt.get(fn) ?? [];
          freeAt.set(fn, environments);
          const alive = environments.filter((free) => at - free <= keepWarm * 60_000);
          const idle = alive.findIndex((free) => free <= at);
          if (idle >= 0) alive.splice(idle, 1);
          else cold++;
          alive.push(at + BUSY_MS);
          freeAt.set(fn, alive);
          invocations++;
        }
      }
      coldStartsPerDay[`${keepWarm} min`] = Math.round(cold / DAYS);
      coldShare[`${keepWarm} min`] = Math.round((cold / invocations) * 1000) / 1000;
    }
    return {
      option: option.name,
      routeFunctions: new Set(routes.map(option.functionOf)).size,
      invocationsPerDay: Math.round(invocations / DAYS),
      coldStartsPerDay,
      coldShare,
    };
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.table(coldStartModel().map((f) => ({ option: f.option, functions: f.routeFunctions, perDay: f.invocationsPerDay, ...Object.fromEntries(Object.entries(f.coldStartsPerDay).map(([k, v]) => [`cold ${k}`, `${v} (${(f.coldShare[k]! * 100).toFixed(1)}%)`])) })));
}
