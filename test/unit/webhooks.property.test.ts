/**
 * Webhooks' pure rules: Standard Webhooks signing (against the spec's own published example and an
 * independent node:crypto computation), the URL and address rules, the retry schedule, and fan-out.
 */
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  addressVerdict,
  DEFAULT_RETRY_SCHEDULE_MS,
  eventPayload,
  nextRetryDelay,
  recipientsOf,
  signatureMatches,
  signatureOf,
  urlVerdict,
  webhookHeaders,
  WEBHOOK_EVENT_TYPES,
  type SubscriptionFacts,
} from '../../functions/domain/webhooks.ts';

describe('Standard Webhooks signing', () => {
  it('matches the specification’s published example', () => {
    // From the Standard Webhooks spec and its reference libraries' tests.
    const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
    const body = '{"test": 2432232314}';
    expect(signatureOf(secret, 'msg_p5jXN8AQM9LWM0D4loKWxJek', 1614265330, body)).toBe('v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=');
  });

  it('is HMAC-SHA256 of "id.timestamp.body" with the decoded secret, for any input (computed independently)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 24, maxLength: 64 }), fc.string(), fc.integer({ min: 0, max: 2 ** 32 }), fc.string(), (key, id, ts, body) => {
        const secret = `whsec_${Buffer.from(key).toString('base64')}`;
        const expected = createHmac('sha256', Buffer.from(key)).update(`${id}.${ts}.${body}`).digest('base64');
        const headers = webhookHeaders(secret, id, ts, body);
        expect(headers['webhook-signature']).toBe(`v1,${expected}`);
        expect(headers['webhook-id']).toBe(id);
        expect(headers['webhook-timestamp']).toBe(String(ts));
        expect(signatureMatches(secret, id, ts, body, `v1,bm90IGl0 ${headers['webhook-signature']}`)).toBe(true);
        expect(signatureMatches(secret, id, ts + 1, body, headers['webhook-signature']!)).toBe(false);
      }),
    );
  });

  it('the payload is { type, timestamp, data }, nothing else', () => {
    const event = { eventId: 'msg_1', type: 'request.approved' as const, timestamp: '2026-03-10T08:00:00.000Z', homeId: 'h1', data: { homeId: 'h1', requestId: 'r' } };
    expect(JSON.parse(eventPayload(event))).toEqual({ type: 'request.approved', timestamp: '2026-03-10T08:00:00.000Z', data: { homeId: 'h1', requestId: 'r' } });
  });
});

describe('subscriber URLs and addresses', () => {
  const refusedEverywhere = [
    '10.0.0.1', '10.255.255.255', '172.16.0.1', '172.31.255.254', '192.168.0.1', '100.64.0.1', '100.127.255.255',
    '169.254.169.254', '169.254.0.1', '0.0.0.0', '0.1.2.3', '224.0.0.1', '255.255.255.255',
    'fc00::1', 'fd12:3456::1', 'fe80::1', 'febf::1', '::', '::ffff:10.0.0.1', '::ffff:169.254.169.254', '::ffff:a9fe:a9fe', '64:ff9b::a9fe:a9fe', 'fd00:ec2::254',
  ];
  it.each(refusedEverywhere)('%s is refused deployed and locally', (address) => {
    expect(addressVerdict(address, 'deployed').ok).toBe(false);
    expect(addressVerdict(address, 'local').ok).toBe(false);
  });

  it('loopback is refused deployed, allowed locally', () => {
    for (const address of ['127.0.0.1', '127.9.9.9', '::1', '::ffff:127.0.0.1']) {
      expect(addressVerdict(address, 'deployed').ok, address).toBe(false);
      expect(addressVerdict(address, 'local').ok, address).toBe(true);
    }
  });

  it('public addresses are allowed, just outside each private range', () => {
    for (const address of ['8.8.8.8', '172.15.255.255', '172.32.0.1', '100.63.255.255', '100.128.0.1', '169.253.255.255', '11.0.0.1', '2606:4700::1111']) {
      expect(addressVerdict(address, 'deployed'), address).toEqual({ ok: true });
    }
  });

  it('every address of 10/8, 172.16/12, 192.168/16, 100.64/10 and 169.254/16 is refused (property)', () => {
    const inRange = (a: number, bFrom: number, bTo: number) =>
      fc.tuple(fc.integer({ min: bFrom, max: bTo }), fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 })).map(([b, c, d]) => `${a}.${b}.${c}.${d}`);
    fc.assert(
      fc.property(fc.oneof(inRange(10, 0, 255), inRange(172, 16, 31), inRange(192, 168, 168), inRange(100, 64, 127), inRange(169, 254, 254)), (address) => {
        expect(addressVerdict(address, 'deployed').ok).toBe(false);
        expect(addressVerdict(`::ffff:${address}`, 'local').ok).toBe(false);
      }),
    );
  });

  it('URLs: https to a public host; http only to loopback and only locally; no credentials, no fragment', () => {
    const ok = (url: string, mode: 'deployed' | 'local') => urlVerdict(url, mode).ok;
    expect(ok('https://hooks.example.org/carestock', 'deployed')).toBe(true);
    expect(ok('https://8.8.8.8/x', 'deployed')).toBe(true);
    expect(ok('http://hooks.example.org/carestock', 'deployed')).toBe(false);
    expect(ok('http://hooks.example.org/carestock', 'local')).toBe(false);
    expect(ok('http://127.0.0.1:8080/x', 'local')).toBe(true);
    expect(ok('http://localhost:8080/x', 'local')).toBe(true);
    expect(ok('http://127.0.0.1:8080/x', 'deployed')).toBe(false);
    expect(ok('https://localhost/x', 'deployed')).toBe(false);
    expect(ok('https://[::1]/x', 'deployed')).toBe(false);
    expect(ok('https://user:pw@hooks.example.org/', 'deployed')).toBe(false);
    expect(ok('https://hooks.example.org/#frag', 'deployed')).toBe(false);
    expect(ok('https://0x7f.1/x', 'deployed')).toBe(false); // 127.0.0.1, as URL parsing normalises it
    expect(ok('https://2852039166/', 'deployed')).toBe(false); // 169.254.169.254
    expect(ok('https://intranet/', 'deployed')).toBe(false);
    expect(ok('not a url', 'deployed')).toBe(false);
    expect(ok('javascript:alert(1)', 'deployed')).toBe(false);
  });
});

describe('the retry schedule', () => {
  it('is Standard Webhooks’: at once, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, then failing', () => {
    expect(DEFAULT_RETRY_SCHEDULE_MS).toEqual([0, 5e3, 3e5, 18e5, 72e5, 18e6, 36e6]);
    expect([1, 2, 3, 4, 5, 6].map((n) => nextRetryDelay(n))).toEqual([5e3, 3e5, 18e5, 72e5, 18e6, 36e6]);
    expect(nextRetryDelay(7)).toBeNull();
  });

  it('any schedule: n attempts in all, each retry after its own delay (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(), { minLength: 1, maxLength: 12 }), (schedule) => {
        const delays: number[] = [];
        for (let made = 1; ; made++) {
          const delay = nextRetryDelay(made, schedule);
          if (delay === null) break;
          delays.push(delay);
        }
        expect(delays).toEqual(schedule.slice(1));
      }),
    );
  });
});

describe('fan-out', () => {
  const sub = (id: string, kind: 'home' | 'store', org: string, eventTypes: string[] = []): SubscriptionFacts => ({ subscriptionId: id, org: { kind, id: org }, eventTypes });

  it('the home’s own and its current store’s subscriptions that asked for the type; nobody else’s', () => {
    const subs = [
      sub('own', 'home', 'h1', ['request.approved']),
      sub('own-other-type', 'home', 'h1', ['delivery.planned']),
      sub('other-home', 'home', 'h2'),
      sub('store-now', 'store', 's2'),
      sub('store-before', 'store', 's1'),
    ];
    expect(recipientsOf({ type: 'request.approved', homeId: 'h1' }, 's2', subs).map((s) => s.subscriptionId)).toEqual(['own', 'store-now']);
    expect(recipientsOf({ type: 'request.approved', homeId: 'h1' }, undefined, subs).map((s) => s.subscriptionId)).toEqual(['own']);
  });

  it('never reaches a subscription of another home, or of a store not serving the home (property)', () => {
    const arbSub = fc.record({
      subscriptionId: fc.uuid(),
      org: fc.record({ kind: fc.constantFrom('home' as const, 'store' as const), id: fc.constantFrom('h1', 'h2', 's1', 's2') }),
      eventTypes: fc.subarray([...WEBHOOK_EVENT_TYPES]),
    });
    fc.assert(
      fc.property(fc.array(arbSub), fc.constantFrom(...WEBHOOK_EVENT_TYPES), fc.constantFrom('h1', 'h2'), fc.option(fc.constantFrom('s1', 's2'), { nil: undefined }), (subs, type, homeId, storeId) => {
        for (const s of recipientsOf({ type, homeId }, storeId, subs)) {
          expect(s.org.kind === 'home' ? s.org.id === homeId : s.org.id === storeId).toBe(true);
          expect(s.eventTypes.length === 0 || s.eventTypes.includes(type)).toBe(true);
        }
      }),
    );
  });
});
