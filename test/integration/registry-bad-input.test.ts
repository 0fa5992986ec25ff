/**
 * Bad input to the registry gets a clear problem and changes nothing: every case reads the table
 * back. Hand-picked cases name the faults integrators actually make; fast-check generates the rest.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { useTestApi } from '../support/test-api.ts';

const api = useTestApi();
let admin: string;

beforeAll(async () => {
  admin = await api().token('admin');
  await api().request('PUT', '/v1/stores/bad-input-store', { token: admin, body: { name: 'S', capacityPerDay: 2 } });
});

const validItem = { name: 'Apron', unit: 'apron', packSize: 200 };

async function expectRefusedAndNothingWritten(
  method: string,
  path: string,
  options: Parameters<ReturnType<typeof api>['request']>[2],
  status: number,
) {
  const before = await api().tableItems();
  const response = await api().request(method, path, { token: admin, ...options });
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toBe('application/problem+json');
  expect(response.body).toMatchObject({ type: expect.stringContaining('/problems/'), title: expect.any(String), status, detail: expect.any(String) });
  expect(await api().tableItems()).toEqual(before);
  return response.body;
}

describe('PUT /v1/items/{sku} refuses bad input and stores nothing', () => {
  it.each([
    ['negative pack size', { ...validItem, packSize: -1 }, '/packSize'],
    ['fractional pack size', { ...validItem, packSize: 2.5 }, '/packSize'],
    ['zero pack size', { ...validItem, packSize: 0 }, '/packSize'],
    ['pack size as a string', { ...validItem, packSize: '200' }, '/packSize'],
    ['unknown field', { ...validItem, colour: 'blue' }, '/colour'],
    ['missing name', { unit: 'apron', packSize: 200 }, '/name'],
    ['blank name', { ...validItem, name: '   ' }, '/name'],
  ])('%s → 400 naming %s', async (_case, body, path) => {
    const problem = await expectRefusedAndNothingWritten('PUT', '/v1/items/APRON', { body }, 400);
    expect(problem.errors).toEqual(expect.arrayContaining([expect.objectContaining({ in: 'body', path })]));
  });

  it('names every bad field at once', async () => {
    const problem = await expectRefusedAndNothingWritten('PUT', '/v1/items/APRON', { body: { name: '', unit: '', packSize: -3, x: 1 } }, 400);
    expect(problem.errors.map((e: { path: string }) => e.path).sort()).toEqual(['/name', '/packSize', '/unit', '/x']);
  });

  it('a lower-case SKU in the path → 400 on the path', async () => {
    const problem = await expectRefusedAndNothingWritten('PUT', '/v1/items/mask-iir', { body: validItem }, 400);
    expect(problem.errors[0]).toMatchObject({ in: 'path', path: '/sku' });
  });

  it('malformed JSON → 400', async () => {
    await expectRefusedAndNothingWritten('PUT', '/v1/items/APRON', { body: '{"name": "Apron",', raw: true }, 400);
  });

  it('no body → 400', async () => {
    await expectRefusedAndNothingWritten('PUT', '/v1/items/APRON', {}, 400);
  });

  it('a body over the limit → 413', async () => {
    await expectRefusedAndNothingWritten('PUT', '/v1/items/APRON', { body: { ...validItem, name: 'x'.repeat(70_000) } }, 413);
  });

  it('an unsupported content type → 415', async () => {
    await expectRefusedAndNothingWritten('PUT', '/v1/items/APRON', { body: 'name=Apron', raw: true, headers: { 'content-type': 'application/x-www-form-urlencoded' } }, 415);
  });

  it('generated bad items are all refused with field errors, nothing stored', async () => {
    const badItem = fc.oneof(
      // JSON-safe values only: `undefined` would vanish in transit and leave a valid body.
      fc.record({ name: fc.string({ minLength: 1, maxLength: 20 }).filter((s) => s.trim().length > 0), unit: fc.constant('each'), packSize: fc.oneof(fc.integer({ max: 0 }), fc.double({ noInteger: true, noNaN: true }), fc.constant(null)) }),
      fc.record({ name: fc.constant('x'), unit: fc.constant('each'), packSize: fc.integer({ min: 1, max: 100 }), extra: fc.jsonValue() }),
      fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue(), { maxKeys: 4 }),
    );
    await fc.assert(
      fc.asyncProperty(badItem, async (body) => {
        const response = await api().request('PUT', '/v1/items/GENERATED', { token: admin, body });
        expect(response.status).toBe(400);
        expect(response.body.errors.length).toBeGreaterThan(0);
      }),
      { numRuns: 40 },
    );
    expect((await api().tableItems()).some((i) => i.PK === 'ITEM#GENERATED')).toBe(false);
  });
});

describe('PUT /v1/stores and /v1/homes refuse bad input and store nothing', () => {
  it.each([
    ['zero capacity', { name: 'S', capacityPerDay: 0 }, '/capacityPerDay'],
    ['unknown time zone', { name: 'S', capacityPerDay: 1, timeZone: 'Mars/Olympus' }, '/timeZone'],
    ['a closed date that is not a date', { name: 'S', capacityPerDay: 1, closedDates: ['25/12/2026'] }, '/closedDates/0'],
    ['a repeated closed date', { name: 'S', capacityPerDay: 1, closedDates: ['2026-12-25', '2026-12-25'] }, '/closedDates'],
  ])('store: %s → 400 naming %s', async (_case, body, path) => {
    const problem = await expectRefusedAndNothingWritten('PUT', '/v1/stores/new-store', { body }, 400);
    expect(problem.errors).toEqual(expect.arrayContaining([expect.objectContaining({ path })]));
  });

  it('a store id that is not a slug → 400 on the path', async () => {
    const problem = await expectRefusedAndNothingWritten('PUT', '/v1/stores/Cardiff%20JES', { body: { name: 'S', capacityPerDay: 1 } }, 400);
    expect(problem.errors[0]).toMatchObject({ in: 'path', path: '/storeId' });
  });

  it.each([
    ['a weekday that is not one', { name: 'H', storeId: 'bad-input-store', beds: 10, deliveryDays: ['MONDAY'] }, '/deliveryDays/0'],
    ['a repeated weekday', { name: 'H', storeId: 'bad-input-store', beds: 10, deliveryDays: ['MON', 'MON'] }, '/deliveryDays'],
    ['fractional beds', { name: 'H', storeId: 'bad-input-store', beds: 10.5, deliveryDays: [] }, '/beds'],
    ['negative beds', { name: 'H', storeId: 'bad-input-store', beds: -1, deliveryDays: [] }, '/beds'],
  ])('home: %s → 400 naming %s', async (_case, body, path) => {
    const problem = await expectRefusedAndNothingWritten('PUT', '/v1/homes/new-home', { body }, 400);
    expect(problem.errors).toEqual(expect.arrayContaining([expect.objectContaining({ path })]));
  });
});
