/**
 * Bad input to the request routes gets a problem naming the fault and writes nothing: every case
 * reads the whole table back (idempotency records included).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { seedRegistry } from '../support/stock-fixtures.ts';
import { submitted } from '../support/request-fixtures.ts';
import { useTestApi, type RequestOptions } from '../support/test-api.ts';

const api = useTestApi();
let home: string;
let store: string;
let requestId: string;

beforeAll(async () => {
  await seedRegistry(api(), { stores: ['s1'], homes: { h1: 's1' } });
  [home, store] = await Promise.all([api().token('home:h1'), api().token('store:s1')]);
  requestId = await submitted(api(), home, 'h1', [{ sku: 'APRON', quantity: 10 }]);
});

async function refused(method: string, path: string, options: RequestOptions, status = 400) {
  const before = await api().tableItems();
  const response = await api().request(method, path, { token: home, ...options });
  expect(response.status, JSON.stringify(response.body)).toBe(status);
  expect(response.headers.get('content-type')).toBe('application/problem+json');
  expect(await api().tableItems()).toEqual(before);
  return response.body;
}

const line = (sku: string, quantity: unknown) => ({ sku, quantity });
const manyLines = (n: number) => Array.from({ length: n }, (_, i) => line(`SKU-${i}`, 1));
const key = { 'idempotency-key': 'c0ffee00-1111-4222-8333-444455556666' };

describe('POST /v1/homes/{homeId}/requests refuses bad input and writes nothing', () => {
  it.each([
    ['an unknown SKU', { lines: [line('APRON', 1), line('NOT-IN-CATALOGUE', 5)] }, ['/lines/1/sku']],
    ['a zero quantity', { lines: [line('APRON', 0)] }, ['/lines/0/quantity']],
    ['a negative quantity', { lines: [line('APRON', -5)] }, ['/lines/0/quantity']],
    ['a fractional quantity', { lines: [line('APRON', 2.5)] }, ['/lines/0/quantity']],
    ['a quantity as a string', { lines: [line('APRON', '5')] }, ['/lines/0/quantity']],
    ['a repeated SKU', { lines: [line('APRON', 1), line('VISOR', 1), line('APRON', 2)] }, ['/lines/2/sku']],
    ['no lines', { lines: [] }, ['/lines']],
    ['more than 50 lines', { lines: manyLines(51) }, ['/lines']],
    ['no lines field', {}, ['/lines']],
    ['an unknown field', { lines: [line('APRON', 1)], priority: 'high' }, ['/priority']],
    ['an unknown field in a line', { lines: [{ sku: 'APRON', quantity: 1, colour: 'blue' }] }, ['/lines/0/colour']],
    ['a neededBy that is not a date', { lines: [line('APRON', 1)], neededBy: 'next Tuesday' }, ['/neededBy']],
    ['every fault at once', { lines: [line('APRON', 0), line('APRON', 1.5)], x: 1 }, ['/lines/0/quantity', '/lines/1/quantity', '/lines/1/sku', '/x']],
  ])('%s → 400 naming %j', async (_case, body, paths) => {
    const problem = await refused('POST', '/v1/homes/h1/requests', { body });
    expect(problem.errors.map((e: { path: string }) => e.path).sort()).toEqual([...paths].sort());
  });

  it.each([
    ['an unknown SKU', { lines: [line('NOT-IN-CATALOGUE', 5)] }],
    ['a fractional quantity', { lines: [line('APRON', 0.5)] }],
  ])('with an Idempotency-Key too: %s → 400, and no idempotency record is left behind', async (_case, body) => {
    await refused('POST', '/v1/homes/h1/requests', { body, headers: key });
  });

  it.each([
    ['empty', ''],
    ['too short', 'abc'],
    ['over 255 characters', 'k'.repeat(256)],
    ['with a space', 'two words here'],
    ['with a tab', 'tab\tinside-the-key'],
    ['with a non-ASCII character', 'clé-de-requête-1'],
  ])('a malformed Idempotency-Key (%s) → 400 on the header', async (_case, value) => {
    const problem = await refused('POST', '/v1/homes/h1/requests', { body: { lines: [line('APRON', 1)] }, headers: { 'idempotency-key': value } });
    expect(problem.errors).toEqual([expect.objectContaining({ in: 'header', path: 'Idempotency-Key' })]);
  });

  it('malformed JSON → 400; a body that is not JSON → 415', async () => {
    await refused('POST', '/v1/homes/h1/requests', { body: '{"lines": [', raw: true });
    await refused('POST', '/v1/homes/h1/requests', { body: 'sku,quantity\nAPRON,1', raw: true, headers: { 'content-type': 'text/csv' } }, 415);
  });
});

describe('transitions and caps refuse bad input and change nothing', () => {
  it.each([
    ['approve: no lines', 'approve', { lines: [] }, '/lines'],
    ['approve: a negative quantity', 'approve', { lines: [line('APRON', -1)] }, '/lines/0/quantity'],
    ['approve: a fractional quantity', 'approve', { lines: [line('APRON', 1.5)] }, '/lines/0/quantity'],
    ['approve: a repeated SKU', 'approve', { lines: [line('APRON', 1), line('APRON', 1)] }, '/lines/1/sku'],
    ['approve: an unknown field', 'approve', { lines: [line('APRON', 1)], approvedBy: 'me' }, '/approvedBy'],
    ['reject: no reason', 'reject', {}, '/reason'],
    ['reject: a blank reason', 'reject', { reason: '   ' }, '/reason'],
  ])('%s → 400 naming %s', async (_case, action, body, path) => {
    const problem = await refused('POST', `/v1/requests/${requestId}/${action}`, { token: store, body });
    expect(problem.errors).toEqual(expect.arrayContaining([expect.objectContaining({ in: 'body', path })]));
  });

  it('cancel takes no body; a request id that is not one → 400 on the path', async () => {
    await refused('POST', `/v1/requests/${requestId}/cancel`, { body: { reason: 'x' } });
    const problem = await refused('GET', '/v1/requests/not-a-request-id', {});
    expect(problem.errors[0]).toMatchObject({ in: 'path', path: '/requestId' });
  });

  it.each([
    ['a negative cap', { capsPerBedPerWeek: { APRON: -1 } }, '/capsPerBedPerWeek/APRON'],
    ['a key that is not a SKU', { capsPerBedPerWeek: { 'apron': 1 } }, '/capsPerBedPerWeek/apron'],
    ['an unknown field', { capsPerBedPerWeek: {}, note: 'x' }, '/note'],
  ])('caps: %s → 400 naming %s', async (_case, body, path) => {
    const problem = await refused('PUT', '/v1/stores/s1/request-caps', { token: store, body });
    expect(problem.errors).toEqual(expect.arrayContaining([expect.objectContaining({ path })]));
  });

  it('a store queue asked for a status that is not one → 400 on the query', async () => {
    const problem = await refused('GET', '/v1/stores/s1/requests?status=pending', { token: store });
    expect(problem.errors[0]).toMatchObject({ in: 'query', path: '/status' });
  });
});
