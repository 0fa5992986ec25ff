/**
 * The overview page in Chromium (Debian's, through playwright-core), against the local system:
 * the demo stores in two regions and their homes, counted and the job run two weeks ago, a week ago
 * and now, so that three homes were red, then two, now one. An administrator sees the nation (the
 * week-on-week sentence, regions worst first, the 12-week chart, the silent homes) and goes down
 * to a region and then a store's worklist; a region's commissioner sees only their region. axe-core
 * runs on each screen (0 serious or critical); screenshots go to test-artifacts/.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoCatalogue, demoHomes, demoMembers, demoStores, seedDemoMembers } from '../../bin/local/demo-data.ts';
import type { LocalSystem } from '../../bin/local/local-system.ts';
import { AXE_SOURCE, CHROMIUM, CHROMIUM_ARGS, startPageSystem, type AdminCall } from './page-system.ts';

const ARTIFACTS = join(import.meta.dirname, '..', '..', 'test-artifacts');
const poll = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 20_000 });
const DAY = 86_400_000;

const regionOf: Record<string, string> = { 'cardiff-jes': 'cardiff-and-vale', 'swansea-jes': 'west-glamorgan' };
const regionMember = { email: 'manager.cardiff-and-vale@carestock.example', name: 'Cardiff and Vale commissioner', role: 'manager' as const, org: 'region:cardiff-and-vale' };

/** MASK-IIR on hand at each home's counts two weeks ago, a week ago and now (100 a day): red under 300. */
const script: Record<string, [number, number, number]> = {
  'ty-gwyn': [100, 150, 120],
  'plas-newydd': [100, 200, 3000],
  'llys-hafren': [100, 3000, 2500],
  'bryn-haul': [3000, 3000, 3000],
  'glan-y-mor': [3000, 3000, 3000],
  // awel-y-mor never counts: silent.
};

let system: LocalSystem;
let browser: BrowserContext;
let page: Page;
let userDataDir: string;
const pageErrors: string[] = [];

beforeAll(async () => {
  let call: AdminCall;
  ({ system, call } = await startPageSystem([...demoMembers, regionMember]));
  for (const { sku, ...item } of demoCatalogue) await call('PUT', `/v1/items/${sku}`, item);
  await call('PUT', '/v1/regions/cardiff-and-vale', { name: 'Cardiff and Vale' });
  await call('PUT', '/v1/regions/west-glamorgan', { name: 'West Glamorgan' });
  for (const { storeId, ...store } of demoStores) await call('PUT', `/v1/stores/${storeId}`, { ...store, regionId: regionOf[storeId] });
  for (const { homeId, ...home } of demoHomes) await call('PUT', `/v1/homes/${homeId}`, home);
  await seedDemoMembers((method, path, body) => call(method, path, body).then((b) => ({ status: 201, body: b })));
  await call('POST', '/v1/regions/cardiff-and-vale/members', { email: regionMember.email, name: regionMember.name, role: regionMember.role });
  const now = Date.now();
  for (const [step, at] of [now - 14 * DAY, now - 7 * DAY, now - 120_000].entries()) {
    for (const [homeId, levels] of Object.entries(script)) {
      await call('POST', `/v1/homes/${homeId}/stock-counts`, { countedAt: new Date(at).toISOString(), lines: [{ sku: 'MASK-IIR', onHand: levels[step], dailyUsage: 100 }] });
    }
    await call('POST', '/v1/jobs/shortfall-scan', step < 2 ? { asOf: new Date(at + 60_000).toISOString() } : {});
  }

  userDataDir = mkdtempSync(join(tmpdir(), 'carestock-chromium-'));
  browser = await chromium.launchPersistentContext(userDataDir, { executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, viewport: { width: 1280, height: 900 }, locale: 'en-GB', timezoneId: 'Europe/London' });
  page = browser.pages()[0] ?? (await browser.newPage());
  page.on('pageerror', (error) => pageErrors.push(error.message));
  mkdirSync(ARTIFACTS, { recursive: true });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await system?.stop();
  if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
});

async function signIn(kind: string, organisation: string) {
  await page.goto(system.url);
  await page.getByRole('radio', { name: kind, exact: true }).check();
  await page.getByLabel('Organisation', { exact: true }).selectOption({ label: organisation });
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
}

async function checkScreen(name: string) {
  await page.evaluate(AXE_SOURCE);
  const result = await page.evaluate<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }>(`axe.run(document, { resultTypes: ['violations'] })`);
  const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(serious, name).toEqual([]);
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

describe('the overview page in Chromium', () => {
  it('shows an administrator the nation: week on week in words, regions worst first, the trend, the silent homes', async () => {
    await signIn('Administrator', 'Administrator (every store)');
    await poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Wales at a glance');
    await poll(() => page.getByTestId('overview-totals').locator('li').first().textContent()).toBe('1 home red for any PPE, down from 2 last week');
    const rows = page.getByTestId('overview-rows').locator('tbody tr');
    expect(await rows.locator('th').allTextContents()).toEqual(['Cardiff and Vale', 'West Glamorgan']);
    expect(await page.getByTestId('trend-chart').getAttribute('role')).toBe('img');
    await poll(() => page.getByTestId('trend-chart').locator('polyline').count()).toBeGreaterThan(0);
    await poll(() => page.getByTestId('overview-silent').locator('li').allTextContents()).toEqual(['awel-y-mor (swansea-jes)']);
    await checkScreen('overview-national');
  });

  it('leads down from a region to its stores and from a store to its worklist', async () => {
    await page.getByRole('button', { name: 'Cardiff and Vale' }).click();
    await poll(() => page.getByTestId('overview-rows').locator('tbody th').allTextContents()).toEqual(['Cardiff Joint Equipment Store']);
    await page.getByRole('button', { name: 'Cardiff Joint Equipment Store' }).click();
    await poll(() => page.getByTestId('worklist').locator('tbody tr').count()).toBe(3);
    expect(await page.getByTestId('worklist').locator('tbody tr').first().getAttribute('data-home-id')).toBe('ty-gwyn');
  });

  it('shows a region’s commissioner their region only, with no store box to fill in', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await signIn('Region', 'Region cardiff-and-vale (read only)');
    await poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Cardiff and Vale');
    await poll(() => page.getByTestId('overview-rows').locator('tbody th').allTextContents()).toEqual(['Cardiff Joint Equipment Store']);
    expect(await page.getByLabel('Store id').count()).toBe(0);
    await poll(() => page.getByTestId('overview-totals').locator('li').first().textContent()).toBe('1 home red for any PPE, down from 2 last week');
    await checkScreen('overview-regional');
    expect(pageErrors).toEqual([]);
  });
});
