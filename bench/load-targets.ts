/**
 * What the API sections send: a store of 45 homes (Wales: about 1,000 homes over 22 authorities)
 * with 20 PPE lines each, put in through the public API, and the hot requests of a morning. Each
 * target finds its route in the route table; a target whose route is not there yet is skipped with
 * a note, and measured as soon as the route lands.
 */
import type { LocalSigningKey } from '../bin/local/local-auth.ts';
import { signLocalToken } from '../bin/local/local-auth.ts';
import { routes, type RouteDefinition } from '../functions/routes.ts';
import { roleScopes } from '../functions/scopes.ts';
import type { BenchRequest, BenchResponse, Caller } from './direct-invoke.ts';
import { say } from './progress.ts';

export const HOMES_PER_STORE = 45;
export const LOAD_SKUS = 20;
const DAY_MS = 86_400_000;

export interface LoadFixture {
  storeId: string;
  homeIds: string[];
  skus: string[];
  admin: Caller;
  store: Caller;
  homes: Caller[];
}

export const skuName = (i: number) => `BENCH-${String(i).padStart(3, '0')}`;

export async function makeFixture(key: LocalSigningKey, skuCount = LOAD_SKUS): Promise<LoadFixture> {
  const storeId = 'bench-store';
  const homeIds = Array.from({ length: HOMES_PER_STORE }, (_, i) => `bench-home-${String(i).padStart(2, '0')}`);
  const caller = async (org: { kind: 'admin' } | { kind: 'store' | 'home'; id: string }): Promise<Caller> => {
    const role = org.kind;
    return { org: 'id' in org ? `${org.kind}:${org.id}` : org.kind, scopes: [...roleScopes[role].manager], token: await signLocalToken(key, { org }) };
  };
  return {
    storeId,
    homeIds,
    skus: Array.from({ length: skuCount }, (_, i) => skuName(i)),
    admin: await caller({ kind: 'admin' }),
    store: await caller({ kind: 'store', id: storeId }),
    homes: await Promise.all(homeIds.map((id) => caller({ kind: 'home', id }))),
  };
}

export function request(method: string, path: string, caller: Caller | null, body?: unknown, extraHeaders: Record<string, string> = {}): BenchRequest {
  const headers: Record<string, string> = { ...extraHeaders };
  if (caller) headers.authorization = `Bearer ${caller.token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  return { method, path, headers, caller, ...(body === undefined ? {} : { body: JSON.stringify(body) }) };
}

export const fillPath = (template: string, values: Record<string, string>) =>
  template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`no value for {${name}} in ${template}`);
    return encodeURIComponent(value);
  });

export const findRoute = (method: string, path: string) => routes.find((r) => r.method === method && r.path === path);
/** Submitting a request: whatever POST route ends in /requests (its path is the requests feature's choice). */
export const findSubmitRequestRoute = () => routes.find((r) => r.method === 'POST' && /\/requests$/.test(r.path));

/** Units a home holds and uses: a fifth of the homes run short (amber or red), the rest are green. */
function stockLevel(homeIndex: number, skuIndex: number) {
  const dailyUsage = 10 + skuIndex;
  const days = homeIndex % 5 === 0 ? 2 + (skuIndex % 5) : 15 + ((skuIndex * 7 + homeIndex) % 25);
  return { dailyUsage, onHand: dailyUsage * days };
}

export function countRequest(fixture: LoadFixture, homeIndex: number, skus: readonly string[], countedAt: Date, daysBefore = 0): BenchRequest {
  const home = homeIndex % fixture.homeIds.length;
  const lines = skus.map((sku, skuIndex) => {
    const level = stockLevel(home, skuIndex);
    return { sku, onHand: level.onHand + level.dailyUsage * daysBefore, ...(daysBefore > 1 ? { dailyUsage: level.dailyUsage } : {}) };
  });
  const route = findRoute('POST', '/v1/homes/{homeId}/stock-counts')!;
  return request('POST', fillPath(route.path, { homeId: fixture.homeIds[home]! }), fixture.homes[home]!, { countedAt: countedAt.toISOString(), lines });
}

export function submitRequest(route: RouteDefinition, fixture: LoadFixture, n: number, idempotencyKey: string): BenchRequest {
  const home = n % fixture.homeIds.length;
  const homeId = fixture.homeIds[home]!;
  const body = { ...(route.path.includes('{homeId}') ? {} : { homeId }), lines: [{ sku: fixture.skus[n % fixture.skus.length]!, quantity: 100 }] };
  return request('POST', fillPath(route.path, { homeId, storeId: fixture.storeId }), fixture.homes[home]!, body, { 'idempotency-key': idempotencyKey });
}

export interface LoadTarget {
  id: string;
  label: string;
  /** The route, or undefined when it is not in the route table yet. */
  route: RouteDefinition | undefined;
  /** What the target waits for when its route is missing. */
  pending: string;
  /** The n-th request (n counts across the whole run, so writes rotate over homes and keys stay unique). */
  build(n: number): BenchRequest;
}

export function loadTargets(fixture: LoadFixture, runTag: string): LoadTarget[] {
  const homeIndex = (n: number) => n % fixture.homeIds.length;
  const submitRoute = findSubmitRequestRoute();
  return [
    {
      id: 'health',
      label: 'GET /v1/health (local server floor: no auth, no DynamoDB)',
      route: findRoute('GET', '/v1/health'),
      pending: 'the foundation',
      build: () => request('GET', '/v1/health', null),
    },
    {
      id: 'get-item',
      label: 'GET /v1/items/{sku}',
      route: findRoute('GET', '/v1/items/{sku}'),
      pending: 'the registry',
      build: (n) => request('GET', `/v1/items/${fixture.skus[n % fixture.skus.length]}`, fixture.homes[homeIndex(n)]!),
    },
    {
      id: 'home-stock',
      label: 'GET /v1/homes/{homeId}/stock',
      route: findRoute('GET', '/v1/homes/{homeId}/stock'),
      pending: 'issue 4 (stock levels)',
      build: (n) => request('GET', `/v1/homes/${fixture.homeIds[homeIndex(n)]}/stock`, fixture.homes[homeIndex(n)]!),
    },
    {
      id: 'post-count-20',
      label: 'POST /v1/homes/{homeId}/stock-counts (20 lines)',
      route: findRoute('POST', '/v1/homes/{homeId}/stock-counts'),
      pending: 'issue 4 (stock levels)',
      build: (n) => countRequest(fixture, n, fixture.skus, new Date()),
    },
    {
      id: 'worklist',
      label: 'GET /v1/stores/{storeId}/homes (worklist, 45 homes)',
      route: findRoute('GET', '/v1/stores/{storeId}/homes'),
      pending: 'the registry',
      build: () => request('GET', `/v1/stores/${fixture.storeId}/homes`, fixture.store),
    },
    {
      id: 'submit-request',
      label: `${submitRoute ? `POST ${submitRoute.path}` : 'POST …/requests'} (unique Idempotency-Key)`,
      route: submitRoute,
      pending: 'the requests feature',
      build: (n) => submitRequest(submitRoute!, fixture, n, `${runTag}-${n}`),
    },
  ];
}

type Send = (request: BenchRequest) => Promise<BenchResponse>;

async function expectOk(send: Send, req: BenchRequest): Promise<void> {
  const response = await send(req);
  if (response.statusCode >= 300) throw new Error(`${req.method} ${req.path} → ${response.statusCode}: ${response.body.slice(0, 300)}`);
}

/**
 * The store, its homes and the catalogue, through the public API (so they pass the same
 * validation as anyone's); then, when the count route exists, two counts a day apart per home so
 * every position has an estimated usage and a run-out date.
 */
export async function seedThroughApi(send: Send, fixture: LoadFixture, extraSkus: readonly string[] = []): Promise<void> {
  for (const sku of [...fixture.skus, ...extraSkus]) {
    await expectOk(send, request('PUT', `/v1/items/${sku}`, fixture.admin, { name: `Bench item ${sku}`, unit: 'each', packSize: 10 }));
  }
  await expectOk(send, request('PUT', `/v1/stores/${fixture.storeId}`, fixture.admin, { name: 'Bench store', capacityPerDay: 10 }));
  for (const homeId of fixture.homeIds) {
    await expectOk(send, request('PUT', `/v1/homes/${homeId}`, fixture.admin, { name: `Bench ${homeId}`, storeId: fixture.storeId, beds: 40, deliveryDays: ['MON', 'THU'] }));
  }
  if (!findRoute('POST', '/v1/homes/{homeId}/stock-counts')) {
    say('api: no stock-count route yet, so homes have no positions');
    return;
  }
  const now = Date.now();
  for (let home = 0; home < fixture.homeIds.length; home++) {
    await expectOk(send, countRequest(fixture, home, fixture.skus, new Date(now - 2 * DAY_MS), 2));
    await expectOk(send, countRequest(fixture, home, fixture.skus, new Date(now - 1 * DAY_MS), 1));
  }
}
