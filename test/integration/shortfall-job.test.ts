/**
 * The shortfall job through the API, against DynamoDB Local: homes built by hand around every
 * threshold (the expected flags written out here, not computed by the code under test), two
 * stores, the job run on demand, the records read back per store; a re-run; the alerts file; the
 * commands the job sends; tenancy; bad input.
 */
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { postCount, seedRegistry } from '../support/stock-fixtures.ts';
import { DAY_MS, londonDate, recordCommands, shortfallState } from '../support/shortfall-fixtures.ts';
import { useTestApi } from '../support/test-api.ts';

const api = useTestApi();
// Whole seconds, a minute back: every count below is in the past, as the count endpoint requires.
const T = Math.floor(Date.now() / 1000) * 1000 - 60_000;
const asOf = new Date(T).toISOString();
const at = (daysBefore: number, extraMs = 0) => new Date(T - daysBefore * DAY_MS - extraMs).toISOString();
const date = londonDate(new Date(T));
let admin: string;

const plenty = (sku: string) => ({ sku, onHand: 10_000, dailyUsage: 10 }); // 1,000 days

/** The expected records, by hand: home → reasons and short SKUs (worst first). */
const expected: Record<string, Record<string, { reasons: string[]; skus: string[] }>> = {
  sa: {
    'a-short-699': { reasons: ['short'], skus: ['MASK-IIR'] },
    'a-one-of-many': { reasons: ['short'], skus: ['GLOVE-NITRILE-M'] },
    'a-usage-zero': { reasons: ['out'], skus: ['MASK-IIR'] }, // nothing on hand, no usage: red, so flagged
    'a-stale-past': { reasons: ['silent'], skus: ['MASK-IIR'] },
    'a-never': { reasons: ['silent'], skus: [] },
  },
  sb: {
    'b-ran-out': { reasons: ['out'], skus: ['MASK-IIR'] },
    'b-red': { reasons: ['short'], skus: ['APRON', 'MASK-IIR'] },
    'b-short-and-silent': { reasons: ['silent'], skus: ['MASK-IIR'] }, // a stale count: unknown, whatever its days
  },
};

beforeAll(async () => {
  admin = await seedRegistry(api(), {
    stores: ['sa', 'sb'],
    homes: {
      'a-short-699': 'sa', 'a-ok-701': 'sa', 'a-exact-7': 'sa', 'a-usage-zero': 'sa', 'a-one-of-many': 'sa',
      'a-stale-at-limit': 'sa', 'a-stale-past': 'sa', 'a-never': 'sa',
      'b-short-and-silent': 'sb', 'b-red': 'sb', 'b-ran-out': 'sb', 'b-fine': 'sb',
    },
  });
  const count = async (homeId: string, countedAt: string, lines: Record<string, unknown>[]) => {
    const response = await postCount(api(), admin, `/v1/homes/${homeId}`, countedAt, lines);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
  };
  // Counted a day before asOf: onHand / usage − 1 days left at asOf.
  await count('a-short-699', at(1), [{ sku: 'MASK-IIR', onHand: 799, dailyUsage: 100 }]); // 6.99 days
  await count('a-ok-701', at(1), [{ sku: 'MASK-IIR', onHand: 801, dailyUsage: 100 }]); // 7.01 days
  await count('a-exact-7', at(1), [{ sku: 'MASK-IIR', onHand: 800, dailyUsage: 100 }]); // 7.00 days: not under
  await count('a-usage-zero', at(1), [{ sku: 'MASK-IIR', onHand: 0, dailyUsage: 0 }, { sku: 'APRON', onHand: 3, dailyUsage: 0 }]);
  await count('a-one-of-many', at(1), [
    ...['MASK-IIR', 'MASK-FFP3', 'APRON', 'GOWN-FR', 'VISOR', 'HAND-SANITISER-500ML'].map(plenty),
    { sku: 'GLOVE-NITRILE-M', onHand: 300, dailyUsage: 100 }, // 2 days
  ]);
  await count('a-stale-at-limit', at(3), [plenty('MASK-IIR')]); // exactly 3 days: still reporting
  await count('a-stale-past', at(3, 1), [plenty('MASK-IIR')]); // 3 days and 1 ms: silent
  await count('b-short-and-silent', at(5), [{ sku: 'MASK-IIR', onHand: 700, dailyUsage: 100 }]); // 2 days left, count stale
  await count('b-red', at(1), [{ sku: 'MASK-IIR', onHand: 150, dailyUsage: 100 }, { sku: 'APRON', onHand: 120, dailyUsage: 100 }, plenty('VISOR')]);
  await count('b-ran-out', at(2), [{ sku: 'MASK-IIR', onHand: 100, dailyUsage: 100 }]); // ran out a day ago
  await count('b-fine', at(1), [plenty('MASK-IIR'), plenty('APRON')]);
  // The store's own stock is short too, and in the run-out index: it is not a home.
  const store = await postCount(api(), admin, '/v1/stores/sb', at(1), [{ sku: 'MASK-IIR', onHand: 200, dailyUsage: 100 }]);
  expect(store.status).toBe(200);
}, 120_000);

async function readAll(path: string, token: string) {
  const items: any[] = [];
  let cursor: string | null = null;
  do {
    const response: any = await api().request('GET', `${path}${path.includes('?') ? '&' : '?'}limit=2${cursor ? `&cursor=${cursor}` : ''}`, { token });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    items.push(...response.body.items);
    cursor = response.body.nextCursor;
  } while (cursor);
  return items;
}

const flagged = (items: any[]) => Object.fromEntries(items.map((r) => [r.homeId, { reasons: r.reasons, skus: r.items.map((i: any) => i.sku) }]));
const alertLines = () => {
  const file = join(api().system.dataDir, 'alerts.jsonl');
  return existsSync(file) ? readFileSync(file, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l)) : [];
};

describe('the shortfall job, on demand', () => {
  let firstRun: any;
  let sent: ReturnType<typeof recordCommands>['commands'];

  it('flags exactly the homes under seven days or silent, per store, and answers a summary', async () => {
    const meter = recordCommands();
    const response = await api().request('POST', '/v1/jobs/shortfall-scan', { token: admin, body: { asOf } });
    meter.stop();
    sent = meter.commands;
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    firstRun = response.body;
    expect(firstRun).toMatchObject({
      date,
      asOf,
      homes: { short: 5, silent: 3, flagged: 8 },
      records: { written: 8, alreadyPresent: 0 },
      events: 8,
      digests: 2,
    });
    expect(firstRun.consumedCapacity.read).toBeGreaterThan(0);

    const storeA = await readAll(`/v1/stores/sa/shortfalls?date=${date}`, await api().token('store:sa'));
    const storeB = await readAll(`/v1/stores/sb/shortfalls?date=${date}`, await api().token('store:sb'));
    expect(flagged(storeA)).toEqual(expected.sa);
    expect(flagged(storeB)).toEqual(expected.sb);
    expect([...storeA, ...storeB].every((r) => r.date === date)).toBe(true);
    expect(flagged(await readAll(`/v1/shortfalls?date=${date}`, admin))).toEqual({ ...expected.sa, ...expected.sb });
  });

  it('records each short item with its projected days, run-out date, status and suggested order', async () => {
    const { body } = await api().request('GET', `/v1/stores/sa/shortfalls?date=${date}`, { token: admin });
    const item = body.items.find((r: any) => r.homeId === 'a-short-699').items[0];
    // 799 − 100 = 699 projected; order up to 14 × 100 = 1,400: 701, rounded up to packs of 50.
    expect(item).toEqual({ sku: 'MASK-IIR', reason: 'short', daysOfSupply: 6.99, runoutDate: new Date(T + 6.99 * DAY_MS).toISOString(), status: 'amber', suggestedOrder: 750, usageBasis: 'estimate' });
    const stale = (await api().request('GET', `/v1/stores/sb/shortfalls?date=${date}`, { token: admin })).body.items.find((r: any) => r.homeId === 'b-short-and-silent');
    expect(stale.items[0]).toMatchObject({ reason: 'silent', daysOfSupply: 2, status: 'unknown' }); // a stale count's status is unknown, its days still shown
  });

  it('reads with Queries only: no Scan, and no BatchGet of homes (one of the stores’ languages), since counts attributed every position', () => {
    const names = sent.map((c) => c.name);
    expect(names).not.toContain('ScanCommand');
    // Short homes' stores and names come with their positions, silent homes' with the last-count index.
    // The one BatchWrite is the day's rollup, written after the records (functions/overview/write-rollup.ts).
    // Each store's alert ledger is one transaction with its newly alerted homes' shortfall.flagged webhook events (issue #21).
    // The one BatchGet reads the stores' alert languages (issue #19): store keys only, never a home.
    expect(new Set(names)).toEqual(new Set(['QueryCommand', 'PutCommand', 'TransactWriteCommand', 'BatchWriteCommand', 'BatchGetCommand']));
    const batchGets = sent.filter((c) => c.name === 'BatchGetCommand');
    expect(batchGets).toHaveLength(1);
    const keysRead = batchGets.flatMap((c) => Object.values(c.input.RequestItems as Record<string, { Keys: { PK: string }[] }>).flatMap((r) => r.Keys.map((k) => k.PK)));
    expect(keysRead.sort()).toEqual(['STORE#sa', 'STORE#sb']);
    const transacted = sent.filter((c) => c.name === 'TransactWriteCommand').flatMap((c) => c.input.TransactItems as { Update?: { Key: { PK: string } }; Put?: { Item: { entity: string; type: string } } }[]);
    expect(transacted.every((t) => t.Update?.Key.PK.startsWith('SHORTFALL-ALERTS#') || (t.Put?.Item.entity === 'WebhookEvent' && t.Put.Item.type === 'shortfall.flagged'))).toBe(true);
    const batched = sent.filter((c) => c.name === 'BatchWriteCommand').flatMap((c) => Object.values(c.input.RequestItems as Record<string, { PutRequest: { Item: { entity: string } } }[]>).flat());
    expect(batched.every((r) => r.PutRequest.Item.entity === 'Rollup')).toBe(true);
    const indexQueries = sent.filter((c) => c.name === 'QueryCommand' && c.input.IndexName === 'GSI2').map((c) => String((c.input.ExpressionAttributeValues as Record<string, string>)[':pk']));
    expect(indexQueries.filter((pk) => pk.startsWith('RUNOUT#')).sort()).toEqual(Array.from({ length: 8 }, (_, i) => `RUNOUT#${i}`));
    expect(indexQueries.filter((pk) => pk.startsWith('LASTCOUNT#')).sort()).toEqual(Array.from({ length: 8 }, (_, i) => `LASTCOUNT#${i}`));
    expect(sent.filter((c) => c.name === 'PutCommand').every((c) => c.input.ConditionExpression === 'attribute_not_exists(PK)')).toBe(true);
  });

  it('puts one event per flagged home and one digest per store, worst first, in the local alerts file', () => {
    const lines = alertLines();
    const events = lines.filter((l) => l.kind === 'event');
    expect(events.map((e) => e.detail.homeId).sort()).toEqual(Object.keys({ ...expected.sa, ...expected.sb }).sort());
    expect(events.every((e) => e.detailType === 'ShortfallDetected' && e.detail.id === `${date}/${e.detail.storeId}/${e.detail.homeId}`)).toBe(true);
    const digests = Object.fromEntries(lines.filter((l) => l.kind === 'digest').map((l) => [l.digest.storeId, l.digest]));
    expect(Object.keys(digests).sort()).toEqual(['sa', 'sb']);
    expect(digests.sa.homes.map((h: any) => h.homeId)).toEqual(['a-one-of-many', 'a-usage-zero', 'a-short-699', 'a-stale-past', 'a-never']);
    expect(digests.sb.homes.map((h: any) => h.homeId)).toEqual(['b-ran-out', 'b-red', 'b-short-and-silent']);
  });

  it('re-run for the same date: nothing written, nothing changed, nothing re-sent', async () => {
    const before = shortfallState(await api().tableItems());
    const alertsBefore = alertLines().length;
    const response = await api().request('POST', '/v1/jobs/shortfall-scan', { token: admin, body: { asOf } });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ date, homes: { flagged: 8 }, records: { written: 0, alreadyPresent: 8 }, events: 0, digests: 0 });
    expect(shortfallState(await api().tableItems())).toEqual(before);
    expect(alertLines()).toHaveLength(alertsBefore);
  });

  it('a later run the same day adds the homes that crossed a threshold since, and alerts only them', async () => {
    const before = shortfallState(await api().tableItems()).filter((i) => String(i.PK).startsWith('SHORTFALL#'));
    const alertsBefore = alertLines().length;
    // 30 s later: 7.00 days is now under 7, and a count exactly 3 days old is now older than 3 days.
    const response = await api().request('POST', '/v1/jobs/shortfall-scan', { token: admin, body: { asOf: new Date(T + 30_000).toISOString() } });
    expect(response.body).toMatchObject({ date, homes: { flagged: 10 }, records: { written: 2, alreadyPresent: 8 }, events: 2, digests: 1 });
    const after = shortfallState(await api().tableItems()).filter((i) => String(i.PK).startsWith('SHORTFALL#'));
    expect(after.filter((i) => !['a-exact-7', 'a-stale-at-limit'].includes(String(i.homeId)))).toEqual(before);
    const added = alertLines().slice(alertsBefore);
    expect(added.filter((l) => l.kind === 'event').map((l) => l.detail.homeId).sort()).toEqual(['a-exact-7', 'a-stale-at-limit']);
    const digest = added.find((l) => l.kind === 'digest').digest;
    expect(digest.storeId).toBe('sa');
    expect(digest.homes.filter((h: any) => h.isNew).map((h: any) => h.homeId).sort()).toEqual(['a-exact-7', 'a-stale-at-limit']);
    expect(digest.homes).toHaveLength(7);
  });

  it('a date without a run has no records; the date defaults to today in Europe/London', async () => {
    const { body } = await api().request('GET', '/v1/shortfalls?date=2001-01-01', { token: admin });
    expect(body).toEqual({ items: [], nextCursor: null });
    const today = await api().request('GET', '/v1/shortfalls', { token: admin });
    expect(today.status).toBe(200);
    if (londonDate(new Date()) === date) expect(today.body.items).toHaveLength(10);
  });
});

describe('tenancy', () => {
  it('a store reads only its own shortfalls; a home reads none; only an administrator lists all or runs the job', async () => {
    const storeB = await api().token('store:sb');
    const own = await api().request('GET', `/v1/stores/sb/shortfalls?date=${date}`, { token: storeB });
    expect(own.body.items.map((r: any) => r.storeId)).toEqual(['sb', 'sb', 'sb']);
    expect((await api().request('GET', `/v1/stores/sa/shortfalls?date=${date}`, { token: storeB })).status).toBe(403);
    expect((await api().request('GET', `/v1/stores/sa/shortfalls?date=${date}`, { token: await api().token('home:a-never') })).status).toBe(403);
    expect((await api().request('GET', `/v1/shortfalls?date=${date}`, { token: storeB })).status).toBe(403);
    const before = await api().tableItems();
    expect((await api().request('POST', '/v1/jobs/shortfall-scan', { token: storeB, body: {} })).status).toBe(403);
    expect(await api().tableItems()).toEqual(before);
  });

  it('a cursor from another store’s list of the same date is refused', async () => {
    const page = await api().request('GET', `/v1/stores/sa/shortfalls?date=${date}&limit=1`, { token: admin });
    expect(page.body.nextCursor).toBeTruthy();
    const replay = await api().request('GET', `/v1/stores/sb/shortfalls?date=${date}&cursor=${page.body.nextCursor}`, { token: await api().token('store:sb') });
    expect(replay.status).toBe(400);
  });
});

describe('bad input: 400, nothing written', () => {
  const bodies: [string, unknown][] = [
    ['a malformed asOf', { asOf: 'yesterday' }],
    ['an asOf without an offset', { asOf: '2026-03-10T07:00:00' }],
    ['an unknown field', { asOf, dryRun: true }],
    ['an asOf in the future', { asOf: new Date(Date.now() + DAY_MS).toISOString() }],
    ['not an object', [asOf]],
  ];
  it.each(bodies)('POST with %s', async (_, body) => {
    const before = await api().tableItems();
    const response = await api().request('POST', '/v1/jobs/shortfall-scan', { token: admin, body });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(await api().tableItems()).toEqual(before);
  });

  it.each(['2026-13-01', '2026-02-30', '10-03-2026', 'today'])('GET with date=%s', async (bad) => {
    for (const path of [`/v1/shortfalls?date=${bad}`, `/v1/stores/sa/shortfalls?date=${bad}`]) {
      const response = await api().request('GET', path, { token: admin });
      expect(response.status, path).toBe(400);
      expect(response.body.errors[0]).toMatchObject({ in: 'query', path: '/date' });
    }
  });

  it('GET with an unknown query parameter', async () => {
    expect((await api().request('GET', '/v1/shortfalls?store=sa', { token: admin })).status).toBe(400);
  });
});
