/**
 * What every Chromium test of the page starts from: Debian's Chromium and its flags, axe-core's
 * source, and the local system with the store page's routes and an administrator's API calls.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, inject } from 'vitest';
import { demoHomes, demoStores } from '../../bin/local/demo-data.ts';
import { signLocalToken } from '../../bin/local/local-auth.ts';
import { startLocalSystem, type LocalSystem } from '../../bin/local/local-system.ts';
import { createStorePageRoutes, memberChoices } from '../../bin/local/store-page-routes.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
export const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export type AdminCall = (method: string, path: string, body: unknown, headers?: Record<string, string>) => Promise<Record<string, unknown>>;

export interface PageSystem {
  system: LocalSystem;
  /** An administrator's API call: fails the test unless it answers 2xx; resolves to the JSON answer. */
  call: AdminCall;
}

/** The local system on this file's table, its sign-in form offering `members` of the demo's stores and homes. */
export async function startPageSystem(members: Parameters<typeof memberChoices>[0]): Promise<PageSystem> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium is not installed at ${CHROMIUM}: run \`apt-get update && apt-get install -y chromium\` (.ci/run does this in CI).`);
  const system = await startLocalSystem({
    port: 0,
    dynamoEndpoint: inject('dynamoEndpoint'),
    tableName: process.env.TABLE_NAME!,
    dataDir: mkdtempSync(join(tmpdir(), 'carestock-e2e-')),
    extraRoutes: await createStorePageRoutes(memberChoices(members, demoStores, demoHomes)),
  });
  const admin = await signLocalToken(system.signingKey, { org: { kind: 'admin' } });
  const call: AdminCall = async (method, path, body, headers = {}) => {
    const response = await fetch(system.url + path, { method, headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
    expect(response.status, `${method} ${path}: ${await response.clone().text()}`).toBeLessThan(300);
    return (await response.json()) as Record<string, unknown>;
  };
  return { system, call };
}
