/**
 * Issue #15's 500s, each now a 400 that names the field and writes nothing (every case reads the
 * table back), and its wrong answers and frictions, each as the behaviour a client relies on.
 */
import { request as httpRequest } from 'node:http';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApi } from '../support/test-api.ts';
import { addDays, approvedRequest, entities, expectStatus, setupStore, today, weekdayIn } from '../support/delivery-fixtures.ts';
import { encodeCursorOf } from '../../functions/data/pagination.ts';

const api = useTestApi();
let admin: string;
let store: string;
const STORE = 'bounds-store';
const HOME = 'bounds-home';

beforeAll(async () => {
  ({ admin, store } = await setupStore(api(), { storeId: STORE, capacityPerDay: 3, homes: { [HOME]: [weekdayIn(1), weekdayIn(3)] } }));
});

async function refused(method: string, path: string, body: unknown, field: { in: string; path: string }, token = admin) {
  const before = await api().tableItems();
  // A string is sent as it is (JSON.stringify would lose a "__proto__" key).
  const response = await api().request(method, path, { token, ...(body === undefined ? {} : { body, raw: typeof body === 'string' }) });
  expect(response.status, JSON.stringify(response.body)).toBe(400);
  expect(response.headers.get('content-type')).toBe('application/problem+json');
  expect(response.body.errors).toEqual(expect.arrayContaining([expect.objectContaining(field)]));
  expect(await api().tableItems()).toEqual(before);
  return response.body;
}

const count = (countedAt: string, lines: Record<string, unknown>[]) => ({ countedAt, lines });

describe('dates outside the years 2000 to 2100 are refused (they answered 500)', () => {
  it.each([
    ['a count in the year 999', '0999-06-21T08:00:00Z'],
    ['a count in the year 1999', '1999-12-31T23:59:59Z'],
    ['a count in the year 10000', '+010000-01-01T00:00:00Z'],
    ['a count after 2100', '2101-01-01T00:00:00Z'],
  ])('%s → 400 at /countedAt', async (_name, countedAt) => {
    await refused('POST', `/v1/homes/${HOME}/stock-counts`, count(countedAt, [{ sku: 'APRON', onHand: 5 }]), { in: 'body', path: '/countedAt' });
  });

  it('a delivery plan crossing 9999-12-31 → 400 at /from', async () => {
    await refused('POST', `/v1/stores/${STORE}/delivery-plans`, { from: '9999-12-30', days: 7 }, { in: 'body', path: '/from' }, store);
  });

  it('an export, a manifest or shortfalls for the year 999 → 400 at the query date', async () => {
    for (const path of [`/v1/stores/${STORE}/export.csv`, `/v1/stores/${STORE}/deliveries`, `/v1/stores/${STORE}/shortfalls`]) {
      await refused('GET', `${path}?date=0999-06-21`, undefined, { in: 'query', path: '/date' });
    }
  });

  it('a closed date, a needed-by date and a job asOf outside the years → 400', async () => {
    await refused('PUT', `/v1/stores/${STORE}`, { name: 'S', capacityPerDay: 3, closedDates: ['1999-12-25'] }, { in: 'body', path: '/closedDates/0' });
    await refused('POST', `/v1/homes/${HOME}/requests`, { lines: [{ sku: 'APRON', quantity: 1 }], neededBy: '0999-06-21' }, { in: 'body', path: '/neededBy' });
    await refused('POST', '/v1/jobs/shortfall-scan', { asOf: '0999-06-21T00:00:00Z' }, { in: 'body', path: '/asOf' });
  });
});

describe('numbers DynamoDB cannot store, or cannot read back, are refused (they answered 500)', () => {
  it('a tiny positive usage (underflow) → 400 at /lines/0/dailyUsage', async () => {
    await refused('POST', `/v1/homes/${HOME}/stock-counts`, count(new Date().toISOString(), [{ sku: 'APRON', onHand: 5, dailyUsage: 1e-300 }]), {
      in: 'body',
      path: '/lines/0/dailyUsage',
    });
  });

  it('a usage so small the days of supply pass the safe integer range → 400', async () => {
    await refused('POST', `/v1/homes/${HOME}/stock-counts`, count(new Date().toISOString(), [{ sku: 'APRON', onHand: 10_000_000, dailyUsage: 1e-10 }]), {
      in: 'body',
      path: '/lines/0/dailyUsage',
    });
  });

  it('the smallest usage accepted still reads back, with its days of supply, on a later request', async () => {
    const countedAt = new Date(Date.now() - 60_000).toISOString();
    await expectStatus(api().request('POST', `/v1/homes/${HOME}/stock-counts`, { token: admin, body: count(countedAt, [{ sku: 'VISOR', onHand: 10_000_000, dailyUsage: 0.000001 }]) }), 200);
    await expectStatus(api().request('POST', `/v1/homes/${HOME}/requests`, { token: admin, body: { lines: [{ sku: 'VISOR', quantity: 1 }] } }), 201);
    const requests = await expectStatus(api().request('GET', `/v1/homes/${HOME}/requests`, { token: admin }), 200);
    expect(requests.body.items[0].lines[0].daysOfSupplyAtSubmission).toBeGreaterThan(1e12);
    const stock = await expectStatus(api().request('GET', `/v1/homes/${HOME}/stock`, { token: admin }), 200);
    expect(stock.body.positions.find((p: { sku: string }) => p.sku === 'VISOR').dailyUsage).toBe(0.000001);
  });

  it('a usage or cap with more than six decimals is kept to six', async () => {
    const caps = await expectStatus(api().request('PUT', `/v1/stores/${STORE}/request-caps`, { token: admin, body: { capsPerBedPerWeek: { APRON: 1.23456789 } } }), 200);
    expect(caps.body.capsPerBedPerWeek).toEqual({ APRON: 1.234568 });
    await refused('PUT', `/v1/stores/${STORE}/request-caps`, { capsPerBedPerWeek: { APRON: 1e-200 } }, { in: 'body', path: '/capsPerBedPerWeek/APRON' });
  });
});

describe('a cursor of the right partition but the wrong shape is refused (it answered 500)', () => {
  it.each([
    ['only the partition key', { GSI1PK: 'x' }],
    ['an extra attribute', { extra: 'x' }],
    ['an empty sort key', { GSI1SK: '' }],
    ['a sort key over DynamoDB\'s 1 KB', { GSI1SK: 'K'.repeat(1100) }],
  ])('%s → 400 at cursor', async (_name, change) => {
    // A real cursor of the store list, reshaped: its partition stays right.
    const page = await expectStatus(api().request('GET', '/v1/stores?limit=1', { token: admin }), 200);
    const real = JSON.parse(Buffer.from(page.body.nextCursor, 'base64url').toString('utf8')) as Record<string, string>;
    const cursor = encodeCursorOf('GSI1PK' in change ? { GSI1PK: real.GSI1PK } : { ...real, ...change });
    await refused('GET', `/v1/stores?cursor=${cursor}`, undefined, { in: 'query', path: 'cursor' });
  });
});

describe('the local server', () => {
  const raw = (method: string, path: string, headers: Record<string, string> = {}, body?: string) =>
    new Promise<{ status: number; headers: Record<string, unknown>; body: string }>((resolve, reject) => {
      const url = new URL(api().url);
      const req = httpRequest({ host: url.hostname, port: url.port, method, path, headers }, (res) => {
        let text = '';
        res.on('data', (chunk) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: text }));
      });
      req.on('error', reject);
      req.end(body);
    });

  it('answers a malformed percent-escape in the path with 400 (it answered 500)', async () => {
    for (const path of ['/v1/items/%E0%A4%A', '/v1/items/%zz', '/v1/homes/%FF/stock']) {
      const response = await raw('GET', path, { authorization: `Bearer ${admin}` });
      expect(response.status, path).toBe(400);
      expect(response.headers['content-type']).toBe('application/problem+json');
    }
  });

  it('answers an unserved method 404 as API Gateway does, with an Allow header naming the methods the path takes', async () => {
    const response = await raw('DELETE', '/v1/items/APRON', { authorization: `Bearer ${admin}` });
    expect(response.status).toBe(404);
    expect(response.headers.allow).toBe('GET, PUT');
  });
});

describe('friction', () => {
  it('an operation that takes no body accepts {}', async () => {
    const response = await api().request('POST', `/v1/stores/${STORE}/allocations`, { token: admin, body: {} });
    expect(response.status).toBe(200);
    const withContent = await api().request('POST', `/v1/stores/${STORE}/allocations`, { token: admin, body: { anything: 1 } });
    expect(withContent.status).toBe(400);
  });

  it('a __proto__ key is refused like any unknown key, and the caps are left as they were', async () => {
    await expectStatus(api().request('PUT', `/v1/stores/${STORE}/request-caps`, { token: admin, body: { capsPerBedPerWeek: { APRON: 3 } } }), 200);
    await refused('PUT', `/v1/stores/${STORE}/request-caps`, '{"capsPerBedPerWeek":{"__proto__":{"APRON":1}}}', { in: 'body', path: '/capsPerBedPerWeek/__proto__' });
    const caps = await expectStatus(api().request('GET', `/v1/stores/${STORE}/request-caps`, { token: admin }), 200);
    expect(caps.body.capsPerBedPerWeek).toEqual({ APRON: 3 });
    await refused('PUT', '/v1/items/APRON', '{"name":"A","unit":"u","packSize":1,"__proto__":{"x":1}}', { in: 'body', path: '/__proto__' });
  });

  it('text is trimmed before its length is checked; only spaces is refused', async () => {
    const name = 'N'.repeat(120) + '   ';
    const item = await expectStatus(api().request('PUT', '/v1/items/APRON', { token: admin, body: { name, unit: ' apron ', packSize: 200 } }), 200);
    expect(item.body).toMatchObject({ name: 'N'.repeat(120), unit: 'apron' });
    await refused('PUT', '/v1/items/APRON', { name: '  \t ', unit: 'apron', packSize: 200 }, { in: 'body', path: '/name' });
  });
});

describe('the planning job never books in the past', () => {
  it('an asOf last week plans from today, as the store\'s own plan endpoint would', async () => {
    const { admin: job, store: storeToken } = await setupStore(api(), { storeId: 'bounds-job', capacityPerDay: 2, homes: { 'bounds-job-home': [weekdayIn(0), weekdayIn(1), weekdayIn(2)] } });
    await approvedRequest(api(), storeToken, 'bounds-job-home', [{ sku: 'APRON', quantity: 3 }]);
    const lastWeek = new Date(Date.now() - 7 * 86_400_000).toISOString();
    const summary = await expectStatus(api().request('POST', '/v1/jobs/delivery-plan', { token: job, body: { asOf: lastWeek } }), 200);
    const planned = summary.body.stores.find((s: { storeId: string }) => s.storeId === 'bounds-job');
    expect(planned.from).toBe(today());
    const deliveries = (await entities(api(), 'Delivery')).filter((d) => d.storeId === 'bounds-job');
    expect(deliveries.length).toBe(1);
    expect(deliveries.every((d) => d.date >= today() && d.date <= addDays(today(), 7))).toBe(true);
  });
});
