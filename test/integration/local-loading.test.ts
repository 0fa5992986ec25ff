/**
 * `npm start` seeds its demo data through its own API. Until the seed is done, everyone else is
 * told to retry (503 throttled, Retry-After), so a script that polls the health check and then
 * posts a count never races the seed (which skips the demo counts when a home already has one).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { startLocalSystem, type LocalSystem } from '../../bin/local/local-system.ts';

let system: LocalSystem;

beforeAll(async () => {
  system = await startLocalSystem({
    loading: true,
    webhooks: false,
    port: 0,
    dynamoEndpoint: inject('dynamoEndpoint'),
    tableName: process.env.TABLE_NAME!,
    dataDir: mkdtempSync(join(tmpdir(), 'carestock-test-')),
  });
});
afterAll(() => system?.stop());

describe('a local system still loading its demo data', () => {
  it('tells every caller but the seed to retry in a second, in their language, until it is ready', async () => {
    const waiting = await fetch(`${system.url}/v1/health`);
    expect(waiting.status).toBe(503);
    expect(waiting.headers.get('retry-after')).toBe('1');
    const problem = (await waiting.json()) as { type: string; detail: string };
    expect(problem.type).toBe('https://carestock.example/problems/throttled');
    expect(problem.detail).toMatch(/still loading its demo data/);

    const inWelsh = await fetch(`${system.url}/v1/items`, { headers: { 'accept-language': 'cy' } });
    expect(inWelsh.status).toBe(503);
    expect(inWelsh.headers.get('content-language')).toBe('cy');
    expect(((await inWelsh.json()) as { detail: string }).detail).toMatch(/data enghreifftiol/);

    const { name, value } = system.loadingHeader!;
    expect((await fetch(`${system.url}/v1/health`, { headers: { [name]: value } })).status).toBe(200);
    expect((await fetch(`${system.url}/v1/health`, { headers: { [name]: 'a guess' } })).status).toBe(503);

    system.ready();
    expect((await fetch(`${system.url}/v1/health`)).status).toBe(200);
  });
});
