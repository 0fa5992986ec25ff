/**
 * Webhooks end to end (issue #21), on DynamoDB Local through the same handlers as API Gateway, with
 * the in-process sender (a short retry schedule: the rules, not the wall clock, are under test) and
 * a real HTTP receiver on 127.0.0.1 that verifies signatures from the Standard Webhooks spec with
 * node:crypto alone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { daysAgo, postCount, seedRegistry } from '../support/stock-fixtures.ts';
import { addDays, today, weekdayIn } from '../support/delivery-fixtures.ts';
import { act, itemsOf, submitted } from '../support/request-fixtures.ts';
import { useTestApi } from '../support/test-api.ts';
import { startWebhookReceiver, verifyStandardWebhook, type WebhookReceiver } from '../support/webhook-receiver.ts';
import { webhookEventSchemas } from '../../functions/schemas/webhook-events.ts';

/** Three attempts: at once, then 20 ms and 40 ms after the one before. */
const SCHEDULE = [0, 20, 40];
const api = useTestApi({ webhooks: { intervalMs: 25, schedule: SCHEDULE } });
let receiver: WebhookReceiver;
let admin: string;
let store: string;
let h1: string;
let h2: string;
let h3: string;

/** Paths under /fail that answer 204 again (an endpoint that recovered). */
const recovered = new Set<string>();

beforeAll(async () => {
  receiver = await startWebhookReceiver((path) => (path.startsWith('/fail') && !recovered.has(path) ? 500 : 204));
  admin = await seedRegistry(api(), { stores: ['s1', 's2'], homes: { h1: 's1', h2: 's2', h3: 's1', h4: 's1' } });
  [store, h1, h2, h3] = (await Promise.all(['store:s1', 'home:h1', 'home:h2', 'home:h3'].map((org) => api().token(org)))) as [string, string, string, string];
  for (const homeId of ['h1', 'h3', 'h4']) {
    expect((await postCount(api(), admin, `/v1/homes/${homeId}`, daysAgo(1), [{ sku: 'MASK-IIR', onHand: 100, dailyUsage: 20 }])).status).toBe(200);
  }
}, 60_000);

afterAll(async () => {
  await receiver?.close();
});

const subscribe = (token: string, owner: string, body: unknown) => api().request('POST', `/v1/${owner}/webhooks`, { token, body });

async function subscribed(token: string, owner: string, path: string, eventTypes: string[] = ['request.approved', 'request.rejected']) {
  const response = await subscribe(token, owner, { url: receiver.url(path), eventTypes });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body as { webhookId: string; secret: string };
}

async function approvedRequest(token: string, homeId: string, quantity = 100): Promise<string> {
  const requestId = await submitted(api(), token, homeId, [{ sku: 'MASK-IIR', quantity }]);
  const approved = await act(api(), store, requestId, 'approve', { lines: [{ sku: 'MASK-IIR', quantity }] });
  expect(approved.status, JSON.stringify(approved.body)).toBe(200);
  return requestId;
}

async function deliveryLog(token: string, webhookId: string) {
  const response = await api().request('GET', `/v1/webhooks/${webhookId}/deliveries`, { token });
  expect(response.status).toBe(200);
  return response.body.items as any[];
}

async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > until) throw new Error(`not reached within ${timeoutMs} ms: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('a subscribed home', () => {
  it('receives a signed request.approved after its store approves, verifiable with the secret; its store does too; another home nothing', async () => {
    const own = await subscribed(h1, 'homes/h1', '/ok/h1');
    expect(own.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const other = await subscribed(h2, 'homes/h2', '/ok/h2', ['request.approved', 'request.rejected', 'delivery.planned']);
    const storeSub = await subscribed(store, 'stores/s1', '/ok/s1', ['request.approved']);

    const requestId = await approvedRequest(h1, 'h1');
    const [delivery] = await receiver.waitFor('/ok/h1');
    expect(verifyStandardWebhook(own.secret, delivery!.headers, delivery!.body)).toBe(true);
    expect(verifyStandardWebhook(other.secret, delivery!.headers, delivery!.body)).toBe(false);
    expect(delivery!.headers['content-type']).toBe('application/json');
    expect(delivery!.headers['webhook-id']).toMatch(/^msg_[0-9a-f]{32}$/);
    expect(Math.abs(Number(delivery!.headers['webhook-timestamp']) - Date.now() / 1000)).toBeLessThan(300);
    const payload = JSON.parse(delivery!.body);
    expect(payload).toEqual({
      type: 'request.approved',
      timestamp: expect.any(String),
      data: {
        homeId: 'h1',
        requestId,
        storeId: 's1',
        status: 'approved',
        requestedLines: [{ sku: 'MASK-IIR', quantity: 100 }],
        approvedLines: [{ sku: 'MASK-IIR', quantity: 100 }],
      },
    });

    // The store serving h1 receives the same event (same id), signed with its own secret.
    const [atStore] = await receiver.waitFor('/ok/s1');
    expect(atStore!.headers['webhook-id']).toBe(delivery!.headers['webhook-id']);
    expect(verifyStandardWebhook(storeSub.secret, atStore!.headers, atStore!.body)).toBe(true);

    // The log says delivered, once; h2's subscription has no delivery and its endpoint heard nothing.
    const log = await eventually(() => deliveryLog(h1, own.webhookId), (items) => items[0]?.state === 'delivered');
    expect(log).toEqual([
      expect.objectContaining({ eventId: delivery!.headers['webhook-id'], type: 'request.approved', state: 'delivered', attemptCount: 1, nextAttemptAt: null }),
    ]);
    expect(log[0].attempts).toEqual([expect.objectContaining({ status: 204, error: null })]);
    expect(await deliveryLog(h2, other.webhookId)).toEqual([]);
    expect(receiver.on('/ok/h2')).toEqual([]);
  });

  it('never shows the secret again: not in the list', async () => {
    const list = await api().request('GET', '/v1/homes/h1/webhooks', { token: h1 });
    expect(list.status).toBe(200);
    expect(list.body.items.length).toBeGreaterThan(0);
    expect(JSON.stringify(list.body)).not.toContain('whsec_');
  });
});

describe('a failing endpoint', () => {
  it('is retried per the schedule with the same webhook-id, then the delivery is failing and so is the subscription, until a later success', async () => {
    const sub = await subscribed(h3, 'homes/h3', '/fail/h3');
    await approvedRequest(h3, 'h3');
    const attempts = await receiver.waitFor('/fail/h3', SCHEDULE.length);
    expect(new Set(attempts.map((a) => a.headers['webhook-id'])).size).toBe(1);
    for (const attempt of attempts) expect(verifyStandardWebhook(sub.secret, attempt.headers, attempt.body)).toBe(true);

    const [log] = await eventually(() => deliveryLog(h3, sub.webhookId), (items) => items[0]?.state === 'failing');
    expect(log).toMatchObject({ state: 'failing', attemptCount: SCHEDULE.length, nextAttemptAt: null });
    expect(log.attempts.map((a: { status: number }) => a.status)).toEqual(SCHEDULE.map(() => 500));
    const listed = await api().request('GET', '/v1/homes/h3/webhooks', { token: h3 });
    expect(listed.body.items.find((w: { webhookId: string }) => w.webhookId === sub.webhookId)).toMatchObject({ status: 'failing', failingSince: expect.any(String) });
    // No more attempts once failing.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(receiver.on('/fail/h3')).toHaveLength(SCHEDULE.length);

    // The endpoint recovers: the next event is delivered at its first attempt, and the subscription is active again.
    recovered.add('/fail/h3');
    await approvedRequest(h3, 'h3', 20);
    await receiver.waitFor('/fail/h3', SCHEDULE.length + 1);
    const after = await eventually(() => deliveryLog(h3, sub.webhookId), (items) => items.length === 2 && items[0]?.state === 'delivered');
    expect(after.map((d: { state: string; attemptCount: number }) => [d.state, d.attemptCount])).toEqual([['delivered', 1], ['failing', SCHEDULE.length]]);
    const healthy = await eventually(
      () => api().request('GET', '/v1/homes/h3/webhooks', { token: h3 }),
      (r) => r.body.items.find((w: { webhookId: string }) => w.webhookId === sub.webhookId)?.status === 'active',
    );
    expect(healthy.body.items.find((w: { webhookId: string }) => w.webhookId === sub.webhookId)).toMatchObject({ status: 'active', failingSince: null });
  });
});

describe('refused subscriber URLs', () => {
  const refused = [
    'http://10.0.0.1/hook',
    'https://10.1.2.3/hook',
    'https://172.16.5.4/hook',
    'https://192.168.1.10/hook',
    'https://100.64.0.1/hook',
    'https://169.254.169.254/latest/meta-data/',
    'https://[fe80::1]/hook',
    'https://[fd00::1]/hook',
    'https://[::ffff:169.254.169.254]/hook',
    'https://[::ffff:a9fe:a9fe]/hook',
    'https://0.0.0.0/hook',
    'http://0.0.0.0:8080/hook',
    'https://2852039166/hook', // 169.254.169.254 written as one number
    'https://user:password@example.org/hook',
    'ftp://example.org/hook',
    'https://localhost.localdomain.invalid.',
  ];

  it.each(refused)('%s → 422 webhook-url-refused at /url, nothing written', async (url) => {
    const before = await api().tableItems();
    const response = await subscribe(h1, 'homes/h1', { url, eventTypes: ['request.approved'] });
    expect(response.status).toBe(422);
    expect(response.body.type).toBe('https://carestock.example/problems/webhook-url-refused');
    expect(response.body.errors).toEqual([{ in: 'body', path: '/url', message: expect.any(String) }]);
    expect(await api().tableItems()).toEqual(before);
  });

  it('deployed, http and loopback are refused too (locally they are allowed to 127.0.0.1)', async () => {
    const before = await api().tableItems();
    process.env.CARESTOCK_WEBHOOK_URL_MODE = 'deployed';
    try {
      for (const url of [receiver.url('/ok/deployed'), 'https://127.0.0.1/hook', 'https://[::1]/hook', 'https://localhost/hook']) {
        const response = await subscribe(h1, 'homes/h1', { url, eventTypes: ['request.approved'] });
        expect(response.status, url).toBe(422);
        expect(response.body.errors[0].path).toBe('/url');
      }
    } finally {
      process.env.CARESTOCK_WEBHOOK_URL_MODE = 'local';
    }
    expect(await api().tableItems()).toEqual(before);
  });

  it('bad input is 400 with field errors, nothing written', async () => {
    const before = await api().tableItems();
    const cases: [unknown, string[]][] = [
      [{ url: receiver.url('/ok/x'), eventTypes: ['request.approved', 'request.approved'] }, ['/eventTypes']],
      [{ url: receiver.url('/ok/x'), eventTypes: ['request.approved', 'stock.counted'] }, ['/eventTypes/1']],
      [{ url: receiver.url('/ok/x'), eventTypes: [] }, ['/eventTypes']],
      [{ url: receiver.url('/ok/x') }, ['/eventTypes']],
      [{ url: 'x'.repeat(2049), eventTypes: ['request.approved'] }, ['/url']],
    ];
    for (const [body, paths] of cases) {
      const response = await subscribe(h1, 'homes/h1', body);
      expect(response.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(response.body.errors.map((e: { path: string }) => e.path)).toEqual(paths);
    }
    expect(await api().tableItems()).toEqual(before);
  });
});

describe('the outbox', () => {
  it('a transition that fails writes no event', async () => {
    const requestId = await approvedRequest(h1, 'h1', 10);
    const events = (await itemsOf(api(), 'WebhookEvent')).length;
    const again = await act(api(), store, requestId, 'approve', { lines: [{ sku: 'MASK-IIR', quantity: 10 }] });
    expect(again.status).toBe(409);
    const otherStore = await api().token('store:s2');
    expect((await act(api(), otherStore, requestId, 'reject', { reason: 'not ours' })).status).toBe(403);
    expect((await itemsOf(api(), 'WebhookEvent')).length).toBe(events);
  });

  it('a rejection writes request.rejected with its reason', async () => {
    const requestId = await submitted(api(), h1, 'h1', [{ sku: 'MASK-IIR', quantity: 5 }]);
    expect((await act(api(), store, requestId, 'reject', { reason: 'Duplicate of yesterday’s' })).status).toBe(200);
    const event = (await itemsOf(api(), 'WebhookEvent')).find((e) => e.data.requestId === requestId);
    expect(event).toMatchObject({ type: 'request.rejected', homeId: 'h1', data: { reason: 'Duplicate of yesterday’s', status: 'rejected' } });
  });
});

describe('deleting a subscription', () => {
  it('stops deliveries; deleting again answers the same; its log is gone', async () => {
    const sub = await subscribed(admin, 'homes/h4', '/ok/h4-deleted');
    expect((await api().request('DELETE', `/v1/webhooks/${sub.webhookId}`, { token: admin })).status).toBe(204);
    const h4 = await api().token('home:h4');
    expect((await api().request('DELETE', `/v1/webhooks/${sub.webhookId}`, { token: h4 })).status).toBe(204);
    expect((await api().request('GET', `/v1/webhooks/${sub.webhookId}/deliveries`, { token: h4 })).status).toBe(404);
    const watcher = await subscribed(h4, 'homes/h4', '/ok/h4-watcher');
    await approvedRequest(h4, 'h4');
    await receiver.waitFor('/ok/h4-watcher');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(receiver.on('/ok/h4-deleted')).toEqual([]);
    expect(await deliveryLog(h4, watcher.webhookId)).toHaveLength(1);
    const listed = await api().request('GET', '/v1/homes/h4/webhooks', { token: h4 });
    expect(listed.body.items.map((w: { webhookId: string }) => w.webhookId)).toEqual([watcher.webhookId]);
  });
});

describe('tenancy', () => {
  it('a home manages only its own subscriptions; a store not its homes’; staff none', async () => {
    const sub = await subscribed(h1, 'homes/h1', '/ok/h1-tenancy');
    const staff = await api().token('home:h1', undefined, 'staff');
    const before = await api().tableItems();
    for (const [token, method, path, body] of [
      [h2, 'GET', '/v1/homes/h1/webhooks'],
      [h2, 'POST', '/v1/homes/h1/webhooks', { url: receiver.url('/ok/x'), eventTypes: ['request.approved'] }],
      [store, 'POST', '/v1/homes/h1/webhooks', { url: receiver.url('/ok/x'), eventTypes: ['request.approved'] }],
      [h2, 'DELETE', `/v1/webhooks/${sub.webhookId}`],
      [h2, 'GET', `/v1/webhooks/${sub.webhookId}/deliveries`],
      [store, 'GET', `/v1/webhooks/${sub.webhookId}/deliveries`],
      [staff, 'GET', '/v1/homes/h1/webhooks'],
      [h1, 'GET', '/v1/stores/s1/webhooks'],
    ] as const) {
      const response = await api().request(method, path, { token, ...(body ? { body } : {}) });
      expect(response.status, `${method} ${path}`).toBe(403);
    }
    expect(await api().tableItems()).toEqual(before);
  });

  it('at most 10 subscriptions per organisation: the 11th is 409 webhook-limit-reached, nothing written', async () => {
    const s2 = await api().token('store:s2');
    for (let i = 0; i < 10; i++) await subscribed(s2, 'stores/s2', `/ok/s2-${i}`, ['delivery.dispatched']);
    const before = await api().tableItems();
    const response = await subscribe(s2, 'stores/s2', { url: receiver.url('/ok/s2-11'), eventTypes: ['delivery.dispatched'] });
    expect(response.status).toBe(409);
    expect(response.body).toMatchObject({ type: 'https://carestock.example/problems/webhook-limit-reached', limit: 10 });
    expect(await api().tableItems()).toEqual(before);
  });
});

describe('delivery and shortfall events', () => {
  it('a home hears its delivery planned, dispatched and received, each signed, from the route and from the planning job', async () => {
    const everyDay = [0, 1, 2, 3, 4, 5, 6].map(weekdayIn);
    const put = (path: string, body: unknown) => api().request('PUT', path, { token: admin, body });
    expect((await put('/v1/stores/s3', { name: 's3', capacityPerDay: 5 })).status).toBe(200);
    for (const homeId of ['h5', 'h6']) expect((await put(`/v1/homes/${homeId}`, { name: homeId, storeId: 's3', beds: 30, deliveryDays: everyDay })).status).toBe(200);
    const s3 = await api().token('store:s3');
    expect((await postCount(api(), s3, '/v1/stores/s3', daysAgo(0.01), [{ sku: 'MASK-IIR', onHand: 5000 }])).status).toBe(200);
    const h5 = await api().token('home:h5');
    const sub = await subscribed(h5, 'homes/h5', '/ok/h5', ['delivery.planned', 'delivery.dispatched', 'delivery.received']);
    const storeSub = await subscribed(s3, 'stores/s3', '/ok/s3', ['delivery.planned']);

    const requestId = await submitted(api(), h5, 'h5', [{ sku: 'MASK-IIR', quantity: 200 }]);
    expect((await act(api(), s3, requestId, 'approve', { lines: [{ sku: 'MASK-IIR', quantity: 200 }] })).status).toBe(200);
    const planned = await api().request('POST', '/v1/stores/s3/delivery-plans', { token: s3, body: { from: today(), days: 7 } });
    expect(planned.status).toBe(200);
    const deliveryId = planned.body.deliveries[0].deliveryId;
    expect((await api().request('POST', `/v1/deliveries/${deliveryId}/dispatch`, { token: s3 })).status).toBe(200);
    const receipt = { receivedBy: 'Nurse Jones', lines: [{ sku: 'MASK-IIR', quantity: 190 }] };
    expect((await api().request('POST', `/v1/deliveries/${deliveryId}/receipt`, { token: h5, body: receipt })).status).toBe(200);

    const got = await receiver.waitFor('/ok/h5', 3);
    for (const each of got) expect(verifyStandardWebhook(sub.secret, each.headers, each.body)).toBe(true);
    const payloads = got.map((each) => JSON.parse(each.body));
    expect(payloads.map((p) => p.type).sort()).toEqual(['delivery.dispatched', 'delivery.planned', 'delivery.received']);
    const byType = Object.fromEntries(payloads.map((p) => [p.type, p.data]));
    expect(byType['delivery.planned']).toMatchObject({ homeId: 'h5', storeId: 's3', deliveryId, status: 'planned', requestIds: [requestId], lines: [{ sku: 'MASK-IIR', quantity: 200 }] });
    expect(byType['delivery.dispatched']).toMatchObject({ deliveryId, status: 'dispatched', lines: [{ sku: 'MASK-IIR', quantity: 200 }] });
    expect(byType['delivery.received']).toMatchObject({
      deliveryId,
      status: 'delivered',
      receivedLines: [{ sku: 'MASK-IIR', quantity: 190 }],
      discrepancies: [expect.objectContaining({ sku: 'MASK-IIR' })],
    });
    // The store heard the plan (it asked for nothing else).
    const [atStore] = await receiver.waitFor('/ok/s3');
    expect(verifyStandardWebhook(storeSub.secret, atStore!.headers, atStore!.body)).toBe(true);
    expect(JSON.parse(atStore!.body).type).toBe('delivery.planned');

    // The daily planning job writes the same event, in the same transaction as its plan.
    const h6 = await api().token('home:h6');
    const other = await submitted(api(), h6, 'h6', [{ sku: 'MASK-IIR', quantity: 50 }]);
    expect((await act(api(), s3, other, 'approve', { lines: [{ sku: 'MASK-IIR', quantity: 50 }] })).status).toBe(200);
    expect((await api().request('POST', '/v1/jobs/delivery-plan', { token: admin, body: {} })).status).toBe(200);
    const events = (await itemsOf(api(), 'WebhookEvent')).filter((e) => e.type === 'delivery.planned' && e.homeId === 'h6');
    expect(events).toHaveLength(1);
    expect(events[0]!.data).toMatchObject({ storeId: 's3', requestIds: [other], date: expect.any(String) });
    expect(events[0]!.data.date >= addDays(today(), 1)).toBe(true);
  });

  it('the shortfall job sends shortfall.flagged once per home and date, however often it runs', async () => {
    const sub = await subscribed(h1, 'homes/h1', '/ok/h1-shortfall', ['shortfall.flagged']);
    for (let run = 0; run < 2; run++) expect((await api().request('POST', '/v1/jobs/shortfall-scan', { token: admin, body: {} })).status).toBe(200);
    const [flagged] = await receiver.waitFor('/ok/h1-shortfall');
    expect(verifyStandardWebhook(sub.secret, flagged!.headers, flagged!.body)).toBe(true);
    const payload = JSON.parse(flagged!.body);
    expect(payload).toMatchObject({ type: 'shortfall.flagged', data: { homeId: 'h1', storeId: 's1', reasons: expect.arrayContaining(['short']), items: expect.any(Array) } });
    expect((await itemsOf(api(), 'WebhookEvent')).filter((e) => e.type === 'shortfall.flagged' && e.homeId === 'h1')).toHaveLength(1);
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(receiver.on('/ok/h1-shortfall')).toHaveLength(1);
  });
});

describe('a home that moves', () => {
  it('its events go to the store serving it now, not the store it left', async () => {
    const put = (path: string, body: unknown) => api().request('PUT', path, { token: admin, body });
    expect((await put('/v1/stores/s4', { name: 's4', capacityPerDay: 3 })).status).toBe(200);
    expect((await put('/v1/homes/h7', { name: 'h7', storeId: 's1', beds: 30, deliveryDays: ['MON'] })).status).toBe(200);
    const s4 = await api().token('store:s4');
    const newStore = await subscribed(s4, 'stores/s4', '/ok/s4', ['request.approved']);
    expect((await put('/v1/homes/h7', { name: 'h7', storeId: 's4', beds: 30, deliveryDays: ['MON'] })).status).toBe(200);
    const h7 = await api().token('home:h7');
    const requestId = await submitted(api(), h7, 'h7', [{ sku: 'MASK-IIR', quantity: 30 }]);
    expect((await act(api(), s4, requestId, 'approve', { lines: [{ sku: 'MASK-IIR', quantity: 30 }] })).status).toBe(200);
    const [got] = await receiver.waitFor('/ok/s4');
    expect(verifyStandardWebhook(newStore.secret, got!.headers, got!.body)).toBe(true);
    expect(JSON.parse(got!.body).data).toMatchObject({ homeId: 'h7', requestId, storeId: 's4' });
    // s1 (subscribed to request.approved since the first test) heard nothing of h7.
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(receiver.on('/ok/s1').map((r) => JSON.parse(r.body).data.homeId)).not.toContain('h7');
  });
});

describe('the document', () => {
  it('every payload received in this file matches its event type’s schema in the OpenAPI document’s webhooks', () => {
    expect(receiver.received.length).toBeGreaterThan(10);
    const types = new Set<string>();
    for (const each of receiver.received) {
      const payload = JSON.parse(each.body);
      types.add(payload.type);
      const schema = webhookEventSchemas[payload.type as keyof typeof webhookEventSchemas];
      expect(schema, payload.type).toBeDefined();
      const parsed = schema.safeParse(payload);
      expect(parsed.success, `${payload.type}: ${JSON.stringify(parsed.error?.issues)}`).toBe(true);
    }
    expect([...types].sort()).toEqual(['delivery.dispatched', 'delivery.planned', 'delivery.received', 'request.approved', 'request.rejected', 'shortfall.flagged']);
  });
});
