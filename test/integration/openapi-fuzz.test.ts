/**
 * The OpenAPI fuzz test: every operation of the document, against the local system (DynamoDB
 * Local, the real handlers through the API Gateway adapter), with valid and broken inputs
 * generated from the document. Bounded for CI (FUZZ_CASES per operation, default 20); `npm run
 * fuzz` asks for a longer run. A test of the test: a handler that answers 500 fails the fuzzer.
 */
import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { openApiDocument } from '../../functions/openapi/openapi-document.ts';
import { approvedRequest, expectStatus, plan, setupStore, today, weekdayIn } from '../support/delivery-fixtures.ts';
import { fuzzDocument, type FuzzRequest } from '../support/openapi-fuzzer.ts';
import { testCatalogue } from '../support/stock-fixtures.ts';
import { useTestApi } from '../support/test-api.ts';

const api = useTestApi();
const CASES = Number(process.env.FUZZ_CASES ?? 20);
let admin: string;
const pools: Record<string, string[]> = {};

beforeAll(async () => {
  ({ admin } = await setupStore(api(), { storeId: 'fz-store', capacityPerDay: 5, homes: { 'fz-home': [weekdayIn(1), weekdayIn(2)] }, stock: { APRON: 500, 'MASK-IIR': 500 } }));
  const requestId = await approvedRequest(api(), admin, 'fz-home', [{ sku: 'APRON', quantity: 5 }]);
  const planned = await expectStatus(plan(api(), admin, 'fz-store', today(), 7), 200);
  await expectStatus(api().request('PUT', '/v1/regions/fz-region', { token: admin, body: { name: 'Fuzz region' } }), 200);
  const submitted = await expectStatus(api().request('POST', '/v1/homes/fz-home/requests', { token: admin, body: { lines: [{ sku: 'MASK-IIR', quantity: 2 }] } }), 201);
  Object.assign(pools, {
    sku: testCatalogue.map((i) => i.sku),
    storeId: ['fz-store'],
    homeId: ['fz-home'],
    regionId: ['fz-region'],
    requestId: [requestId, submitted.body.requestId],
    deliveryId: planned.body.deliveries.map((d: { deliveryId: string }) => d.deliveryId),
  });
}, 120_000);

const send = async (request: FuzzRequest) => {
  const response = await fetch(api().url + request.path, {
    method: request.method,
    headers: { authorization: `Bearer ${admin}`, ...(request.body !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(request.body !== undefined ? { body: request.raw ? String(request.body) : JSON.stringify(request.body) } : {}),
  });
  await response.arrayBuffer();
  return { status: response.status };
};
const snapshot = async () => createHash('sha256').update(JSON.stringify((await api().tableItems()).filter((i) => i.PK !== 'IDEMPOTENCY' && !String(i.PK).startsWith('IDEMPOTENCY')))).digest('hex');

describe('OpenAPI fuzz', () => {
  it(`never answers 5xx, refuses broken input with 4xx and writes nothing then (${CASES} cases an operation)`, async () => {
    const started = Date.now();
    const report = await fuzzDocument({ document: openApiDocument(), pools, send, snapshot, casesPerOperation: CASES, seed: Number(process.env.FUZZ_SEED ?? 15) });
    console.log(`fuzz: ${report.cases} cases in ${Date.now() - started} ms; ${report.failures.length} failures${report.unpooled.length ? `; without fixtures: ${report.unpooled.join('; ')}` : ''}`);
    expect(report.failures).toEqual([]);
    expect(report.cases).toBeGreaterThan(0);
  }, 600_000);

  it('fails on a handler that answers 500 (a test of the test)', async () => {
    const broken = async (request: FuzzRequest) => (request.path.startsWith('/v1/items') && request.method === 'GET' ? { status: 500 } : send(request));
    const report = await fuzzDocument({ document: openApiDocument(), pools, send: broken, snapshot, casesPerOperation: 2, seed: 1 });
    expect(report.failures.some((f) => f.startsWith('GET /v1/items') && f.includes(': 500 for'))).toBe(true);
  }, 120_000);
});
