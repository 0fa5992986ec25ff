/**
 * The fault matrix: every write route × every way DynamoDB fails a write (test/support/
 * fault-injection.ts) → the documented answer, never a 500:
 *
 * | fault                              | answer                                        |
 * |------------------------------------|-----------------------------------------------|
 * | throttled outside a transaction    | 503 + Retry-After                             |
 * | a transaction cancelled, throttled | 503 + Retry-After                             |
 * | a transaction cancelled, condition | 409 (or the route's documented 400/404)       |
 * | unprocessed items forever          | 503 + Retry-After (after the bounded retries) |
 *
 * and the table unchanged where the write was refused. A route that never makes the kind of call
 * a fault concerns must simply succeed. The write routes come from the route table: a new one
 * without a fixture here fails the first test.
 *
 * Real handlers, real server, real DynamoDB Local: only the faults are injected.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { routes } from '../../functions/routes.ts';
import { addDays, weekdayOf } from '../../functions/domain/calendar-date.ts';
import { faults, withFault, type Fault } from '../support/fault-injection.ts';
import { expectStatus, today } from '../support/delivery-fixtures.ts';
import { testCatalogue } from '../support/stock-fixtures.ts';
import { useTestApi, type TestApi } from '../support/test-api.ts';

const api = useTestApi();

interface Call {
  method: string;
  path: string;
  org: string;
  body?: unknown;
  headers?: Record<string, string>;
}

interface Fixture {
  /** Builds fresh state for one case (unfaulted) and returns the write to fault. */
  prepare(api: TestApi): Promise<Call>;
  /** What a failed condition means on this route when it is not a 409 (a missing store: 400 or 404). */
  onCondition?: number;
  /**
   * Faults that may strike after the route's state has committed (a count's history follows its
   * positions): the answer is still 503, and a retry of the same call completes the write.
   */
  afterCommit?: Fault[];
  /** A job that reports per-store failures in a 200 instead of failing whole. */
  reportsFailures?: boolean;
}

let serial = 0;
const fresh = (prefix: string) => `${prefix}-${++serial}`;
const everyDay = [0, 1, 2, 3, 4, 5, 6].map((n) => weekdayOf(addDays(today(), n)));
const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();

async function as(org: string, method: string, path: string, body?: unknown, status = 200) {
  const token = await api().token(org);
  return (await expectStatus(api().request(method, path, { token, body }), status)).body;
}

/** A store holding stock, and a home on its rota every day, with some stock of its own. */
async function storeAndHome() {
  const storeId = fresh('store');
  const homeId = fresh('home');
  await as('admin', 'PUT', `/v1/stores/${storeId}`, { name: storeId, capacityPerDay: 3 });
  await as('admin', 'PUT', `/v1/homes/${homeId}`, { name: homeId, storeId, beds: 20, deliveryDays: everyDay });
  await as(`store:${storeId}`, 'POST', `/v1/stores/${storeId}/stock-counts`, { countedAt: minutesAgo(30), lines: [{ sku: 'APRON', onHand: 5000 }, { sku: 'VISOR', onHand: 500 }] });
  await as(`home:${homeId}`, 'POST', `/v1/homes/${homeId}/stock-counts`, { countedAt: minutesAgo(30), lines: [{ sku: 'APRON', onHand: 50, dailyUsage: 20 }] });
  return { storeId, homeId };
}

const lines = [{ sku: 'APRON', quantity: 400 }];

async function submittedRequest() {
  const { storeId, homeId } = await storeAndHome();
  const { requestId } = await as(`home:${homeId}`, 'POST', `/v1/homes/${homeId}/requests`, { lines }, 201);
  return { storeId, homeId, requestId: requestId as string };
}

async function approvedRequest() {
  const ids = await submittedRequest();
  await as(`store:${ids.storeId}`, 'POST', `/v1/requests/${ids.requestId}/approve`, { lines });
  return ids;
}

async function plannedDelivery() {
  const ids = await approvedRequest();
  await as(`store:${ids.storeId}`, 'POST', `/v1/stores/${ids.storeId}/allocations`);
  const plan = await as(`store:${ids.storeId}`, 'POST', `/v1/stores/${ids.storeId}/delivery-plans`, { from: today(), days: 7 });
  return { ...ids, deliveryId: plan.deliveries[0].deliveryId as string };
}

const invite = () => {
  const who = fresh('person');
  return { email: `${who}@example.org`, name: `Person ${who}`, role: 'staff' };
};

/** A store with one staff member in it. */
async function storeMember() {
  const { storeId } = await storeAndHome();
  const member = await as(`store:${storeId}`, 'POST', `/v1/stores/${storeId}/members`, invite(), 201);
  return { storeId, memberId: member.memberId as string };
}

const fixtures: Record<string, Fixture> = {
  'PUT /v1/items/{sku}': {
    prepare: async () => ({ method: 'PUT', path: `/v1/items/${fresh('ITEM')}`, org: 'admin', body: { name: 'Overshoe', unit: 'pair', packSize: 50 } }),
  },
  'PUT /v1/regions/{regionId}': {
    prepare: async () => ({ method: 'PUT', path: `/v1/regions/${fresh('region')}`, org: 'admin', body: { name: 'A region' } }),
  },
  'POST /v1/regions/{regionId}/members': {
    prepare: async () => {
      const regionId = fresh('region');
      await as('admin', 'PUT', `/v1/regions/${regionId}`, { name: regionId });
      return { method: 'POST', path: `/v1/regions/${regionId}/members`, org: `region:${regionId}`, body: invite() };
    },
  },
  'PUT /v1/items/{sku}/per-case-usage': {
    prepare: async () => ({ method: 'PUT', path: '/v1/items/GOWN-FR/per-case-usage', org: 'admin', body: { perCaseDailyUsage: 1 + (++serial % 7) / 4 } }),
  },
  'PUT /v1/homes/{homeId}/outbreak': {
    prepare: async () => {
      const { homeId } = await storeAndHome();
      return { method: 'PUT', path: `/v1/homes/${homeId}/outbreak`, org: `home:${homeId}`, body: { isolatingResidents: 3, startedOn: today() } };
    },
  },
  'DELETE /v1/homes/{homeId}/outbreak': {
    prepare: async () => {
      const { homeId } = await storeAndHome();
      await as(`home:${homeId}`, 'PUT', `/v1/homes/${homeId}/outbreak`, { isolatingResidents: 3, startedOn: today() });
      return { method: 'DELETE', path: `/v1/homes/${homeId}/outbreak`, org: `home:${homeId}` };
    },
  },
  'POST /v1/stores/import': {
    prepare: async () => ({ method: 'POST', path: '/v1/stores/import', org: 'admin', body: { rows: [{ storeId: fresh('store'), name: 'Imported', capacityPerDay: 2 }, { storeId: fresh('store'), name: 'Imported too', capacityPerDay: 3 }] } }),
  },
  'POST /v1/homes/import': {
    onCondition: 400, // a changed home's store check failing: "no such store"
    // Changed homes are written (one transaction each) before the new ones' batches: a batch
    // throttled after that answers 503, and the same file again completes the import.
    afterCommit: ['throttled'],
    prepare: async () => {
      const { storeId, homeId } = await storeAndHome();
      // One new home (batched) and one changed (putHome's transaction): every kind of write the import makes.
      const rows = [
        { homeId: fresh('home'), name: 'Imported', storeId, beds: 12, deliveryDays: ['TUE'] },
        { homeId, name: 'Renamed by import', storeId, beds: 20, deliveryDays: everyDay },
      ];
      return { method: 'POST', path: '/v1/homes/import', org: 'admin', body: { rows } };
    },
  },
  'PUT /v1/stores/{storeId}': {
    prepare: async () => ({ method: 'PUT', path: `/v1/stores/${fresh('store')}`, org: 'admin', body: { name: 'A store', capacityPerDay: 2 } }),
  },
  'PUT /v1/homes/{homeId}': {
    onCondition: 400, // the store check failing: "no such store"
    prepare: async () => {
      // A move, the fullest write of the route: the home, its request back to approved, its planned
      // delivery cancelled and the slot freed, its inbound and attribution, in one transaction.
      const { homeId } = await plannedDelivery();
      const storeId = fresh('store');
      await as('admin', 'PUT', `/v1/stores/${storeId}`, { name: storeId, capacityPerDay: 3 });
      return { method: 'PUT', path: `/v1/homes/${homeId}`, org: 'admin', body: { name: homeId, storeId, beds: 20, deliveryDays: everyDay } };
    },
  },
  'POST /v1/homes/{homeId}/stock-counts': {
    afterCommit: ['throttled', 'unprocessed'],
    prepare: async () => {
      const { homeId } = await storeAndHome();
      return { method: 'POST', path: `/v1/homes/${homeId}/stock-counts`, org: `home:${homeId}`, body: { countedAt: minutesAgo(5), lines: [{ sku: 'APRON', onHand: 40 }] } };
    },
  },
  'POST /v1/stores/{storeId}/stock-counts': {
    afterCommit: ['throttled', 'unprocessed'],
    prepare: async () => {
      const { storeId } = await storeAndHome();
      return { method: 'POST', path: `/v1/stores/${storeId}/stock-counts`, org: `store:${storeId}`, body: { countedAt: minutesAgo(5), lines: [{ sku: 'APRON', onHand: 4900 }] } };
    },
  },
  'POST /v1/homes/{homeId}/requests': {
    prepare: async () => {
      const { homeId } = await storeAndHome();
      return { method: 'POST', path: `/v1/homes/${homeId}/requests`, org: `home:${homeId}`, body: { lines }, headers: { 'idempotency-key': fresh('fault-matrix-key') } };
    },
  },
  'POST /v1/requests/{requestId}/approve': {
    prepare: async () => {
      const { storeId, requestId } = await submittedRequest();
      return { method: 'POST', path: `/v1/requests/${requestId}/approve`, org: `store:${storeId}`, body: { lines } };
    },
  },
  'POST /v1/requests/{requestId}/reject': {
    prepare: async () => {
      const { storeId, requestId } = await submittedRequest();
      return { method: 'POST', path: `/v1/requests/${requestId}/reject`, org: `store:${storeId}`, body: { reason: 'Stock is going to homes at risk first.' } };
    },
  },
  'POST /v1/requests/{requestId}/cancel': {
    prepare: async () => {
      const { homeId, requestId } = await approvedRequest(); // approved: its inbound units move back in the same transaction
      return { method: 'POST', path: `/v1/requests/${requestId}/cancel`, org: `home:${homeId}` };
    },
  },
  'POST /v1/stores/{storeId}/allocations': {
    prepare: async () => {
      const { storeId } = await approvedRequest();
      return { method: 'POST', path: `/v1/stores/${storeId}/allocations`, org: `store:${storeId}` };
    },
  },
  'PUT /v1/stores/{storeId}/request-caps': {
    onCondition: 404, // the store check failing: "no such store"
    prepare: async () => {
      const { storeId } = await storeAndHome();
      return { method: 'PUT', path: `/v1/stores/${storeId}/request-caps`, org: `store:${storeId}`, body: { capsPerBedPerWeek: { APRON: 20 } } };
    },
  },
  'POST /v1/stores/{storeId}/delivery-plans': {
    prepare: async () => {
      const { storeId } = await approvedRequest();
      await as(`store:${storeId}`, 'POST', `/v1/stores/${storeId}/allocations`);
      return { method: 'POST', path: `/v1/stores/${storeId}/delivery-plans`, org: `store:${storeId}`, body: { from: today(), days: 7 }, headers: { 'idempotency-key': fresh('fault-matrix-plan') } };
    },
  },
  'POST /v1/deliveries/{deliveryId}/dispatch': {
    prepare: async () => {
      const { storeId, deliveryId } = await plannedDelivery();
      return { method: 'POST', path: `/v1/deliveries/${deliveryId}/dispatch`, org: `store:${storeId}` };
    },
  },
  'POST /v1/deliveries/{deliveryId}/receipt': {
    prepare: async () => {
      const { storeId, homeId, deliveryId } = await plannedDelivery();
      await as(`store:${storeId}`, 'POST', `/v1/deliveries/${deliveryId}/dispatch`);
      return { method: 'POST', path: `/v1/deliveries/${deliveryId}/receipt`, org: `home:${homeId}`, body: { receivedBy: 'Rhian Evans', lines } };
    },
  },
  'POST /v1/stores/{storeId}/members': {
    prepare: async () => {
      const { storeId } = await storeAndHome();
      return { method: 'POST', path: `/v1/stores/${storeId}/members`, org: `store:${storeId}`, body: invite() };
    },
  },
  'POST /v1/homes/{homeId}/members': {
    prepare: async () => {
      const { homeId } = await storeAndHome();
      return { method: 'POST', path: `/v1/homes/${homeId}/members`, org: `home:${homeId}`, body: invite() };
    },
  },
  'POST /v1/admin/members': {
    prepare: async () => ({ method: 'POST', path: '/v1/admin/members', org: 'admin', body: invite() }),
  },
  'PATCH /v1/members/{memberId}': {
    prepare: async () => {
      const { storeId, memberId } = await storeMember();
      return { method: 'PATCH', path: `/v1/members/${memberId}`, org: `store:${storeId}`, body: { role: 'manager' } };
    },
  },
  'DELETE /v1/members/{memberId}': {
    prepare: async () => {
      const { storeId, memberId } = await storeMember();
      return { method: 'DELETE', path: `/v1/members/${memberId}`, org: `store:${storeId}` };
    },
  },
  // Webhooks: a condition failing on create is the organisation's limit (409 webhook-limit-reached); on delete, a race (409).
  'POST /v1/homes/{homeId}/webhooks': {
    prepare: async () => {
      const { homeId } = await storeAndHome();
      return { method: 'POST', path: `/v1/homes/${homeId}/webhooks`, org: `home:${homeId}`, body: { url: 'http://127.0.0.1:9/fault', eventTypes: ['request.approved'] } };
    },
  },
  'POST /v1/stores/{storeId}/webhooks': {
    prepare: async () => {
      const { storeId } = await storeAndHome();
      return { method: 'POST', path: `/v1/stores/${storeId}/webhooks`, org: `store:${storeId}`, body: { url: 'http://127.0.0.1:9/fault', eventTypes: ['delivery.planned'] } };
    },
  },
  'DELETE /v1/webhooks/{webhookId}': {
    prepare: async () => {
      const { homeId } = await storeAndHome();
      const created = await as(`home:${homeId}`, 'POST', `/v1/homes/${homeId}/webhooks`, { url: 'http://127.0.0.1:9/fault', eventTypes: ['request.approved'] }, 201);
      return { method: 'DELETE', path: `/v1/webhooks/${created.webhookId}`, org: `home:${homeId}` };
    },
  },
  'POST /v1/jobs/delivery-plan': {
    reportsFailures: true,
    prepare: async () => {
      await approvedRequest();
      return { method: 'POST', path: '/v1/jobs/delivery-plan', org: 'admin', body: {} };
    },
  },
  'POST /v1/jobs/shortfall-scan': {
    // The day's rollup follows the records (batched Puts), and the alert ledger with its webhook
    // events (a transaction) follows the digests: a fault there answers 503 (or 409 for a failed
    // condition) after the records committed, and running the job again completes it.
    afterCommit: ['unprocessed', 'transactionThrottled', 'transactionCondition'],
    prepare: async () => {
      await storeAndHome(); // a home under seven days of aprons: a record to write
      return { method: 'POST', path: '/v1/jobs/shortfall-scan', org: 'admin', body: {} };
    },
  },
};

const writeRoutes = routes.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.path}`);

async function send(call: Call) {
  const token = await api().token(call.org);
  return api().request(call.method, call.path, { token, ...(call.body === undefined ? {} : { body: call.body }), ...(call.headers ? { headers: call.headers } : {}) });
}

/** The table without what no answer depends on: the order a Scan returns items in. */
const snapshot = async () => (await api().tableItems()).map((i) => JSON.stringify(i)).sort();

beforeAll(async () => {
  for (const { sku, ...item } of testCatalogue) await as('admin', 'PUT', `/v1/items/${sku}`, item);
});

it('every write route of the route table has a fixture (add one here for a new route)', () => {
  expect(writeRoutes.filter((key) => !fixtures[key])).toEqual([]);
});

const applied = new Map<Fault, number>();
/** route → fault → the answer (with `—` where the route makes no call the fault concerns), printed at the end. */
const answers = new Map<string, Record<string, string>>();

describe.each(writeRoutes.filter((key) => fixtures[key]))('%s', (key) => {
  const fixture = fixtures[key]!;
  it.each(Object.keys(faults) as Fault[])('%s → the documented answer, never 500', async (fault) => {
    const call = await fixture.prepare(api());
    const before = await snapshot();
    const { result: response, hits } = await withFault(fault, () => send(call));
    const said = `${faults[fault]}: ${response.status} ${JSON.stringify(response.body)}`;
    answers.set(key, { ...answers.get(key), [fault]: hits > 0 ? String(response.status) : `— (${response.status})` });
    expect(response.status, said).not.toBe(500);

    if (hits === 0) {
      // The route makes no call this fault concerns: it simply works.
      expect(response.status, said).toBeLessThan(300);
      return;
    }
    applied.set(fault, (applied.get(fault) ?? 0) + 1);
    if (fixture.reportsFailures) {
      expect(response.status, said).toBe(200);
      expect(response.body.failed.length, said).toBeGreaterThan(0);
      return;
    }
    const expected = fault === 'transactionCondition' ? (fixture.onCondition ?? 409) : 503;
    expect(response.status, said).toBe(expected);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    if (expected === 503) expect(response.headers.get('retry-after')).toBe('1');

    if (fixture.afterCommit?.includes(fault) && (await snapshot()).join() !== before.join()) {
      // Committed before the fault struck: the same call again completes it.
      expect((await send(call)).status).toBeLessThan(300);
    } else {
      expect(await snapshot(), `${faults[fault]}: the refused write changed the table`).toEqual(before);
    }
  });
});

it('every fault struck at least one route', () => {
  console.log(`fault matrix (— : the route makes no call the fault concerns):\n${JSON.stringify(Object.fromEntries(answers), null, 1)}`);
  expect([...applied.keys()].sort()).toEqual((Object.keys(faults) as Fault[]).sort());
});
