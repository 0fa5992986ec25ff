/**
 * Bad stock counts get a 4xx problem naming every fault, and the table is unchanged: every case
 * reads the whole table back. Hand-picked cases name the faults integrators make; fast-check
 * generates bad lines hidden among good ones.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { daysAgo, seedRegistry, testCatalogue } from '../support/stock-fixtures.ts';
import { useTestApi, type RequestOptions } from '../support/test-api.ts';

const api = useTestApi();
let admin: string;
const PATH = '/v1/homes/h1/stock-counts';
const skus = testCatalogue.map((i) => i.sku);

beforeAll(async () => {
  admin = await seedRegistry(api(), { stores: ['s1'], homes: { h1: 's1' } });
  // Existing stock, so "unchanged" covers positions and history, not just an empty partition.
  const seeded = await api().request('POST', PATH, { token: admin, body: { countedAt: daysAgo(1), lines: [{ sku: 'APRON', onHand: 100 }] } });
  expect(seeded.status).toBe(200);
});

async function refused(options: RequestOptions, status = 400) {
  const before = await api().tableItems();
  const response = await api().request('POST', PATH, { token: admin, ...options });
  expect(response.status, JSON.stringify(response.body)).toBe(status);
  expect(response.headers.get('content-type')).toBe('application/problem+json');
  expect(response.body).toMatchObject({ status, title: expect.any(String), detail: expect.any(String) });
  expect(await api().tableItems()).toEqual(before);
  return response.body as { detail: string; errors?: { in: string; path: string; message: string }[] };
}

const paths = (problem: { errors?: { path: string }[] }) => (problem.errors ?? []).map((e) => e.path).sort();
const good = (sku = 'MASK-IIR', onHand = 10) => ({ sku, onHand });
const post = (lines: unknown[], countedAt: unknown = daysAgo(0.5)) => ({ countedAt, lines });

describe('JSON counts that are refused, with nothing written', () => {
  it.each([
    ['a negative onHand', [good(), { sku: 'APRON', onHand: -1 }], ['/lines/1/onHand']],
    ['a fractional onHand', [{ sku: 'APRON', onHand: 2.5 }], ['/lines/0/onHand']],
    ['onHand as a string', [{ sku: 'APRON', onHand: '12' }], ['/lines/0/onHand']],
    ['a missing onHand', [{ sku: 'APRON' }], ['/lines/0/onHand']],
    ['a fractional reorder level', [{ sku: 'APRON', onHand: 1, reorderLevel: 0.5 }], ['/lines/0/reorderLevel']],
    ['a negative target level', [{ sku: 'APRON', onHand: 1, targetLevel: -10 }], ['/lines/0/targetLevel']],
    ['a negative declared usage', [{ sku: 'APRON', onHand: 1, dailyUsage: -3 }], ['/lines/0/dailyUsage']],
    ['an unknown field on a line', [{ sku: 'APRON', onHand: 1, colour: 'blue' }], ['/lines/0/colour']],
    ['a lower-case SKU', [{ sku: 'apron', onHand: 1 }], ['/lines/0/sku']],
    ['a duplicate SKU', [good('APRON'), good('VISOR'), good('APRON')], ['/lines/2/sku']],
    ['no lines', [], ['/lines']],
  ])('%s → 400 naming %j', async (_case, lines, expected) => {
    expect(paths(await refused({ body: post(lines) }))).toEqual(expected);
  });

  it('an unknown SKU → 400 naming each unknown line', async () => {
    const problem = await refused({ body: post([good('NOT-IN-CATALOGUE'), good('APRON'), good('NOR-THIS')]) });
    expect(paths(problem)).toEqual(['/lines/0/sku', '/lines/2/sku']);
    expect(problem.errors![0]!.message).toContain('NOT-IN-CATALOGUE');
  });

  it('countedAt in the future beyond the clock-skew allowance → 400 on /countedAt', async () => {
    const problem = await refused({ body: post([good()], new Date(Date.now() + 10 * 60_000).toISOString()) });
    expect(paths(problem)).toEqual(['/countedAt']);
  });

  it('a countedAt within the clock-skew allowance is accepted', async () => {
    const response = await api().request('POST', '/v1/homes/h1/stock-counts', {
      token: admin,
      body: post([good('GOWN-FR', 5)], new Date(Date.now() + 2 * 60_000).toISOString()),
    });
    expect(response.status).toBe(200);
  });

  it.each([['yesterday'], ['2026-03-10'], ['2026-03-10T08:00:00'], [1_700_000_000_000]])('countedAt %j → 400', async (countedAt) => {
    expect(paths(await refused({ body: post([good()], countedAt) }))).toEqual(['/countedAt']);
  });

  it.each([['a string', 'x'], ['null', null], ['an object', { sku: 'APRON', onHand: 1 }], ['a number', 3]])('lines as %s → 400 on /lines', async (_case, lines) => {
    expect(paths(await refused({ body: { countedAt: daysAgo(0.5), lines } }))).toEqual(['/lines']);
  });

  it.each([['an array', []], ['a string', 'count'], ['null', null]])('a body that is %s → 400', async (_case, body) => {
    await refused({ body });
  });

  it('an unknown top-level field → 400', async () => {
    expect(paths(await refused({ body: { ...post([good()]), homeId: 'h1' } }))).toEqual(['/homeId']);
  });

  it('more than 100 lines → 400', async () => {
    const lines = Array.from({ length: 101 }, (_, i) => good(`X-${i}`));
    expect(paths(await refused({ body: post(lines) }))).toEqual(['/lines']);
  });

  it('every bad line is named at once, and the good lines are not written either', async () => {
    const lines = [{ sku: 'MASK-IIR', onHand: -5 }, good('APRON'), { sku: 'VISOR', onHand: 1.5 }, good('GOWN-FR'), { sku: 'GOWN-FR', onHand: 1, extra: true }];
    expect(paths(await refused({ body: post(lines) }))).toEqual(['/lines/2/onHand', '/lines/4/extra', '/lines/4/sku', '/lines/0/onHand'].sort());
  });

  it('malformed JSON → 400', async () => {
    await refused({ body: '{"countedAt": "2026-01-01T00:00:00Z", "lines": [', raw: true });
  });

  it('no body → 400', async () => {
    await refused({});
  });

  it('a body over the limit → 413', async () => {
    await refused({ body: post([{ ...good(), padding: 'x'.repeat(70_000) }]) }, 413);
  });

  it('an unsupported content type → 415', async () => {
    await refused({ body: 'sku=APRON', raw: true, headers: { 'content-type': 'application/x-www-form-urlencoded' } }, 415);
  });
});

describe('CSV counts that are refused, with nothing written', () => {
  const at = daysAgo(0.5);
  const csv = (text: string) => ({ body: text, raw: true, headers: { 'content-type': 'text/csv' } });

  it.each([
    ['an unterminated quote', `countedAt,sku,onHand\n${at},"APRON,10\n`],
    ['a ragged row', `countedAt,sku,onHand\n${at},APRON,10,5\n`],
    ['an unknown column', `countedAt,sku,onHand,colour\n${at},APRON,10,blue\n`],
    ['a missing column', `countedAt,sku\n${at},APRON\n`],
    ['an empty file', ''],
  ])('%s → 400', async (_case, text) => {
    await refused(text === '' ? { body: ' ', raw: true, headers: { 'content-type': 'text/csv' } } : csv(text));
  });

  it('rows with different countedAt → 400 naming the rows', async () => {
    const problem = await refused(csv(`countedAt,sku,onHand\n${at},APRON,10\n${daysAgo(2)},VISOR,3\n`));
    expect(paths(problem)).toEqual(['/lines/1/countedAt']);
  });

  it('a bad cell is named like its JSON field', async () => {
    const problem = await refused(csv(`countedAt,sku,onHand,reorderLevel\n${at},APRON,ten,\n${at},VISOR,3,-1\n${at},UNKNOWN-SKU,1,\n`));
    expect(paths(problem)).toEqual(['/lines/0/onHand', '/lines/1/reorderLevel']);
  });

  it('an unknown SKU in CSV → 400 naming its line', async () => {
    expect(paths(await refused(csv(`countedAt,sku,onHand\n${at},APRON,10\n${at},UNKNOWN-SKU,1\n`)))).toEqual(['/lines/1/sku']);
  });
});

describe('generated bad lines among good ones', () => {
  const known = fc.constantFrom(...skus);
  const badLine = fc.oneof(
    fc.record({ sku: known, onHand: fc.oneof(fc.integer({ max: -1 }), fc.double({ noInteger: true, noNaN: true, noDefaultInfinity: true }), fc.string(), fc.constant(null)) }),
    fc.record({ sku: known, onHand: fc.nat(1000), reorderLevel: fc.oneof(fc.integer({ max: -1 }), fc.double({ min: 0.01, max: 1e6, noInteger: true, noNaN: true })) }),
    fc.record({ sku: known, onHand: fc.nat(1000), dailyUsage: fc.oneof(fc.double({ max: -0.001, noNaN: true, noDefaultInfinity: true }), fc.string()) }),
    fc.record({ sku: known, onHand: fc.nat(1000), note: fc.jsonValue() }),
    fc.record({ sku: fc.string({ maxLength: 12 }).filter((s) => !/^[A-Z0-9][A-Z0-9-]{0,39}$/.test(s)), onHand: fc.nat(1000) }),
    fc.oneof(fc.constant(null), fc.integer(), fc.string(), fc.array(fc.nat(), { maxLength: 2 })),
  );

  it('any malformed body shape is a 400 with field errors, never a 5xx', async () => {
    const before = await api().tableItems();
    const body = fc.oneof(
      fc.jsonValue(),
      fc.record({ countedAt: fc.oneof(fc.jsonValue(), fc.constant(daysAgo(1))), lines: fc.jsonValue() }, { requiredKeys: [] }),
      fc.record({ countedAt: fc.jsonValue(), lines: fc.array(fc.jsonValue(), { maxLength: 5 }) }),
    ); // random JSON never spells a catalogue SKU, so none of these is a valid count
    await fc.assert(
      fc.asyncProperty(body, async (value) => {
        const response = await api().request('POST', PATH, { token: admin, body: value });
        expect(response.status, JSON.stringify(value)).toBe(400);
        expect(response.body.status).toBe(400);
      }),
      { numRuns: 80 },
    );
    expect(await api().tableItems()).toEqual(before);
  });

  it('are all refused with every bad line named by its index, and nothing is written', async () => {
    const before = await api().tableItems();
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(known, { maxLength: 4 }),
        fc.array(fc.tuple(badLine, fc.nat()), { minLength: 1, maxLength: 4 }),
        async (goodSkus, bad) => {
          const lines: { line: unknown; bad: boolean }[] = goodSkus.map((sku) => ({ line: good(sku), bad: false }));
          for (const [line, at] of bad) lines.splice(at % (lines.length + 1), 0, { line, bad: true });
          const response = await api().request('POST', PATH, { token: admin, body: post(lines.map((l) => l.line)) });
          expect(response.status).toBe(400);
          const named = new Set((response.body.errors as { path: string }[]).map((e) => e.path.match(/^\/lines\/(\d+)/)?.[1]).map(Number));
          const skuOf = (l: unknown) => (l as { sku?: unknown } | null)?.sku;
          lines.forEach(({ line, bad: isBad }, index) => {
            const repeats = lines.slice(0, index).some((earlier) => typeof skuOf(line) === 'string' && skuOf(earlier.line) === skuOf(line));
            // A bad line is always named; a good line only when it repeats an earlier line's SKU.
            expect(named.has(index), JSON.stringify({ index, lines, errors: response.body.errors })).toBe(isBad || repeats);
          });
        },
      ),
      { numRuns: 60 },
    );
    expect(await api().tableItems()).toEqual(before);
  });
});

describe('messages that say how to fix it', () => {
  const csv = (text: string) => ({ body: text, raw: true, headers: { 'content-type': 'text/csv' } });
  const messageAt = (problem: { errors?: { path: string; message: string }[] }, path: string) => problem.errors?.find((e) => e.path === path)?.message;

  it('an instant without an offset is told to add one', async () => {
    const problem = await refused({ body: post([good()], '2026-12-02T08:00:00') });
    expect(messageAt(problem, '/countedAt')).toBe('needs an offset such as Z or +01:00: 2026-12-02T08:00:00Z for UTC');
  });

  it('a CSV fault names its row, line and column; a bad countedAt is its row’s cell, not /countedAt', async () => {
    const problem = await refused(csv('sku,countedAt,onHand\nMASK-IIR,2026-12-02T08:00:00,10\nAPRON,2026-12-02T08:00:00,-4\n'));
    expect(messageAt(problem, '/lines/0/countedAt')).toBe('row 1 (line 2), column B (countedAt): needs an offset such as Z or +01:00: 2026-12-02T08:00:00Z for UTC');
    expect(messageAt(problem, '/lines/1/onHand')).toMatch(/^row 2 \(line 3\), column C \(onHand\): /);
    expect(paths(problem)).toEqual(['/lines/0/countedAt', '/lines/1/onHand']);
  });

  it('a number with thousands separators is named as such, in CSV and in JSON', async () => {
    const fromCsv = await refused(csv(`countedAt,sku,onHand\n${daysAgo(0.5)},MASK-IIR,"3,000"\n`));
    expect(messageAt(fromCsv, '/lines/0/onHand')).toBe('row 1 (line 2), column C (onHand): "3,000" has a thousands separator: write the number plainly, 3000');
    const fromJson = await refused({ body: post([{ sku: 'MASK-IIR', onHand: '12 000' }]) });
    expect(messageAt(fromJson, '/lines/0/onHand')).toBe('"12 000" has a thousands separator: write the number plainly, 12000');
  });
});
