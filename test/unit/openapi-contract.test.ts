/**
 * The test-side check every integration response goes through (test/support/openapi-contract.ts)
 * refuses what the document does not say: a wrong body, an undocumented status, a wrong media type.
 */
import { describe, expect, it } from 'vitest';
import { contractViolation } from '../support/openapi-contract.ts';

const item = { sku: 'MASK-IIR', name: 'Mask', unit: 'mask', packSize: 50, updatedAt: '2026-03-10T08:00:00.000Z' };
const problem = { type: 'https://carestock.example/problems/not-found', title: 'Not found', status: 404, detail: 'No item.' };
const json = 'application/json';

describe('response contract', () => {
  it('accepts a response the document describes', () => {
    expect(contractViolation('GET', '/v1/items/MASK-IIR', { status: 200, contentType: json, body: item })).toBeUndefined();
    expect(contractViolation('GET', '/v1/items/NOPE', { status: 404, contentType: 'application/problem+json', body: problem })).toBeUndefined();
    expect(contractViolation('GET', '/v1/items?limit=2', { status: 200, contentType: json, body: { items: [item], nextCursor: 'abc' } })).toBeUndefined();
  });

  it('refuses a body that does not match its schema, naming the field', () => {
    const { packSize: _dropped, ...withoutPackSize } = item;
    expect(contractViolation('GET', '/v1/items/MASK-IIR', { status: 200, contentType: json, body: withoutPackSize })).toMatch(
      /must have required property 'packSize'/,
    );
    expect(contractViolation('GET', '/v1/items/MASK-IIR', { status: 200, contentType: json, body: { ...item, secret: 1 } })).toMatch(
      /must NOT have additional properties/,
    );
    expect(contractViolation('GET', '/v1/items/MASK-IIR', { status: 200, contentType: json, body: { ...item, updatedAt: 'yesterday' } })).toMatch(
      /updatedAt/,
    );
  });

  it('refuses a status the operation does not list, and a media type it does not say', () => {
    expect(contractViolation('GET', '/v1/items/MASK-IIR', { status: 201, contentType: json, body: item })).toMatch(/lists no 201/);
    expect(contractViolation('GET', '/v1/items/MASK-IIR', { status: 200, contentType: 'text/plain', body: 'hi' })).toMatch(/text\/plain/);
  });

  it('holds problems to the problem schema, routed or not', () => {
    expect(contractViolation('GET', '/v1/items/NOPE', { status: 404, contentType: 'application/problem+json', body: { oops: true } })).toMatch(
      /problem type undefined is not in the catalogue/,
    );
    expect(contractViolation('GET', '/v1/nowhere', { status: 404, contentType: 'application/problem+json', body: problem })).toBeUndefined();
    expect(contractViolation('GET', '/v1/nowhere', { status: 404, contentType: 'application/problem+json', body: 'x' })).toBeDefined();
  });

  it('refuses a problem whose type the catalogue does not list, or answered with another status, or without its own members', () => {
    const base = { title: 't', detail: 'd' };
    const uncatalogued = { ...base, type: 'https://carestock.example/problems/conflict', status: 409 };
    expect(contractViolation('POST', '/v1/requests/r1/approve', { status: 409, contentType: 'application/problem+json', body: uncatalogued })).toMatch(
      /"https:\/\/carestock.example\/problems\/conflict" is not in the catalogue/,
    );
    const wrongStatus = { ...base, type: 'https://carestock.example/problems/cap-exceeded', status: 409, capExceeded: [] };
    expect(contractViolation('POST', '/v1/requests/r1/approve', { status: 409, contentType: 'application/problem+json', body: wrongStatus })).toMatch(
      /catalogued with status 422/,
    );
    const withoutMembers = { ...base, type: 'https://carestock.example/problems/cap-exceeded', status: 422 };
    expect(contractViolation('POST', '/v1/requests/r1/approve', { status: 422, contentType: 'application/problem+json', body: withoutMembers })).toMatch(
      /capExceeded/,
    );
    const transition = { ...base, type: 'https://carestock.example/problems/invalid-transition', status: 409, currentStatus: 'approved' };
    expect(contractViolation('POST', '/v1/requests/r1/approve', { status: 409, contentType: 'application/problem+json', body: transition })).toBeUndefined();
  });
});
