/**
 * The store page in a real browser: Debian's Chromium, driven by playwright-core, against the local
 * system (DynamoDB Local, the HTTP API, the page and its local sign-in) with known data: the demo
 * stores and homes, and counts that make Tŷ Gwyn red, Plas Newydd amber, Llys Hafren green, and a
 * Swansea home redder than any of them. Signed in as the Cardiff store, the page must put Tŷ Gwyn
 * first with its driving item, show no Swansea home anywhere, and download a CSV of Cardiff's rows.
 * Screenshots go to test-artifacts/ (gitignored; CI keeps them).
 *
 * Chromium comes from Debian (`apt-get install -y chromium`; .ci/run installs it): playwright
 * cannot download its own browser here. Without it this test fails, saying so; it never skips.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { demoCatalogue, demoHomes, demoMembers, demoStores, seedDemoMembers } from '../../bin/local/demo-data.ts';
import { signLocalToken } from '../../bin/local/local-auth.ts';
import { startLocalSystem, type LocalSystem } from '../../bin/local/local-system.ts';
import { createStorePageRoutes, memberChoices } from '../../bin/local/store-page-routes.ts';
import { parseCsv } from '../../functions/http/csv.ts';
import { EXPORT_COLUMNS } from '../../functions/stock/store-export.ts';
import { dateInZone } from '../../functions/domain/zoned-dates.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARTIFACTS = join(import.meta.dirname, '..', '..', 'test-artifacts');
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Waits for what the page shows (the machine is shared with other test files: generous, never asserted). */
const poll = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 20_000 });

const cardiffHomes = demoHomes.filter((h) => h.storeId === 'cardiff-jes');
const swanseaHomes = demoHomes.filter((h) => h.storeId === 'swansea-jes');

let system: LocalSystem;
let browser: BrowserContext;
let page: Page;
let userDataDir: string;
const pageErrors: string[] = [];

async function post(token: string, homeId: string, lines: { sku: string; onHand: number; dailyUsage: number }[]) {
  const response = await fetch(`${system.url}/v1/homes/${homeId}/stock-counts`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ countedAt: new Date(Date.now() - 60_000).toISOString(), lines }),
  });
  expect(response.status, await response.clone().text()).toBe(200);
}

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium is not installed at ${CHROMIUM}: run \`apt-get update && apt-get install -y chromium\` (.ci/run does this in CI).`);
  }
  system = await startLocalSystem({
    port: 0,
    dynamoEndpoint: inject('dynamoEndpoint'),
    tableName: process.env.TABLE_NAME!,
    dataDir: mkdtempSync(join(tmpdir(), 'carestock-e2e-')),
    extraRoutes: await createStorePageRoutes(memberChoices(demoMembers, demoStores, demoHomes)),
  });
  const admin = await signLocalToken(system.signingKey, { org: { kind: 'admin' } });
  // The demo data's catalogue, stores and homes (what the sign-in form offers), but not its counts:
  // this test's counts are its own, so it knows which home is red.
  const put = async (path: string, body: unknown) => {
    const response = await fetch(system.url + path, {
      method: 'PUT',
      headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(response.status, path).toBe(200);
  };
  for (const { sku, ...item } of demoCatalogue) await put(`/v1/items/${sku}`, item);
  for (const { storeId, ...store } of demoStores) await put(`/v1/stores/${storeId}`, store);
  for (const { homeId, ...home } of demoHomes) await put(`/v1/homes/${homeId}`, home);
  // The people the sign-in form offers: a manager and a staff member of each store and home.
  await seedDemoMembers(async (method, path, body) => {
    const response = await fetch(system.url + path, { method, headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    return { status: response.status, body: await response.json() };
  });
  await post(admin, 'ty-gwyn', [
    { sku: 'MASK-IIR', onHand: 100, dailyUsage: 60 }, // 1.7 days: red, the driving item
    { sku: 'APRON', onHand: 500, dailyUsage: 100 }, // 5 days: amber
    { sku: 'GLOVE-NITRILE-M', onHand: 3000, dailyUsage: 200 },
  ]);
  await post(admin, 'plas-newydd', [
    { sku: 'APRON', onHand: 600, dailyUsage: 100 }, // 6 days: amber
    { sku: 'MASK-IIR', onHand: 1200, dailyUsage: 50 },
  ]);
  await post(admin, 'llys-hafren', [
    { sku: 'MASK-IIR', onHand: 2000, dailyUsage: 100 },
    { sku: 'GOWN-FR', onHand: 400, dailyUsage: 20 },
  ]);
  // Another store's home, worse off than any of Cardiff's: it must appear nowhere on Cardiff's page.
  await post(admin, 'bryn-haul', [{ sku: 'MASK-IIR', onHand: 10, dailyUsage: 50 }]);
  // A request from Tŷ Gwyn, approved and planned: the next days' deliveries have something to show.
  const send = async (path: string, body: unknown, headers: Record<string, string> = {}) => {
    const response = await fetch(system.url + path, {
      method: 'POST',
      headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
    expect(response.status, `${path}: ${await response.clone().text()}`).toBeLessThan(300);
    return (await response.json()) as Record<string, unknown>;
  };
  const request = await send('/v1/homes/ty-gwyn/requests', { lines: [{ sku: 'MASK-IIR', quantity: 500 }] }, { 'idempotency-key': 'store-page-e2e-1' });
  await send(`/v1/requests/${request.requestId}/approve`, { lines: [{ sku: 'MASK-IIR', quantity: 500 }] });
  const plan = await send('/v1/stores/cardiff-jes/delivery-plans', { from: dateInZone(new Date(), 'Europe/London'), days: 7 });
  expect(plan.deliveries).toHaveLength(1);

  // This morning's shortfall job, run now: Swansea's homes are short or silent too, and must stay Swansea's.
  const scan = await fetch(`${system.url}/v1/jobs/shortfall-scan`, {
    method: 'POST',
    headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
    body: '{}',
  });
  expect(scan.status, await scan.clone().text()).toBe(200);

  userDataDir = mkdtempSync(join(tmpdir(), 'carestock-chromium-'));
  browser = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    acceptDownloads: true,
    viewport: { width: 1280, height: 900 },
    locale: 'en-GB',
    timezoneId: 'Europe/London',
  });
  page = browser.pages()[0] ?? (await browser.newPage());
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) pageErrors.push(message.text());
  });
  mkdirSync(ARTIFACTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await system?.stop();
  if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
});

async function signIn(kind: 'Store' | 'Care home', organisation: string) {
  await page.goto(system.url);
  await page.getByRole('radio', { name: kind, exact: true }).check();
  await page.getByLabel('Organisation', { exact: true }).selectOption({ label: organisation });
  await page.getByRole('button', { name: 'Sign in' }).click();
  // Signing in reads the member's membership from the table: wait for it, not a fixed time.
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
}

describe('the store page in Chromium', () => {
  it('signs a store in locally and shows its homes worst first: the red home first, with its driving item', async () => {
    await signIn('Store', 'Cardiff Joint Equipment Store');
    await poll(() => page.getByTestId('fetched-at').textContent()).toMatch(/^Data fetched at \d\d:\d\d:\d\d/);
    await poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Cardiff Joint Equipment Store');

    const rows = page.getByTestId('worklist').locator('tbody tr');
    expect(await rows.count()).toBe(cardiffHomes.length);
    expect(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-home-id')))).toEqual(['ty-gwyn', 'plas-newydd', 'llys-hafren']);
    const first = rows.first();
    expect(await first.locator('th').textContent()).toBe('Tŷ Gwyn Care Home');
    // The status as a word, not only a colour; the driving item with days of supply and run-out.
    expect(await first.locator('td').first().textContent()).toContain('Red');
    const driving = await first.locator('.driving li').first().textContent();
    expect(driving).toMatch(/Red\s*Type IIR surgical mask: 1\.\d days, runs out /);
    expect(await first.locator('.driving time').first().getAttribute('datetime')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(await rows.nth(1).locator('td').first().textContent()).toContain('Amber');
    expect(await rows.nth(2).locator('td').first().textContent()).toContain('Green');

    // Today's shortfalls, from the job: Cardiff's short homes, worst first; no Cardiff home is silent.
    const short = page.getByTestId('short-homes').locator('li');
    expect(await short.allTextContents()).toEqual([
      expect.stringMatching(/^Tŷ Gwyn Care Home: Type IIR surgical mask 1\.\d days \(red\); Disposable plastic apron [\d.]+ days \(amber\)$/),
      expect.stringMatching(/^Plas Newydd Residential Home: Disposable plastic apron [\d.]+ days \(amber\)$/),
    ]);
    expect(await page.getByTestId('silent-homes').count()).toBe(0);

    // The next days' deliveries: the one planned for Tŷ Gwyn.
    const deliveries = page.getByRole('region', { name: 'Deliveries, next 7 days' });
    expect(await deliveries.locator('li').allTextContents()).toEqual([expect.stringMatching(/^Tŷ Gwyn Care Home \(planned(, brought forward)?\): 500 × Type IIR surgical mask/)]);

    // The chart: days of supply per home and item, the 7-day line marked.
    const chart = page.getByTestId('supply-chart');
    expect(await chart.getAttribute('role')).toBe('img');
    expect(await chart.locator('.shortfall-line').count()).toBe(1);
    expect(await chart.locator('rect.bar').count()).toBe(7);

    await page.screenshot({ path: join(ARTIFACTS, 'store-page.png'), fullPage: true });
  });

  it('shows no home of another store anywhere', async () => {
    const text = await page.locator('body').innerText();
    for (const home of swanseaHomes) {
      expect(text).not.toContain(home.name);
      expect(await page.locator(`[data-home-id="${home.homeId}"]`).count()).toBe(0);
    }
    expect(text).not.toContain('Swansea');
  });

  it('is keyboard-usable and labelled: a skip link first, every control named', async () => {
    await page.reload(); // still signed in (this tab's session); focus starts at the top
    await poll(() => page.getByTestId('fetched-at').textContent()).toMatch(/^Data fetched at/);
    await page.keyboard.press('Tab');
    expect(await page.evaluate<string>('document.activeElement.textContent')).toBe('Skip to content');
    await page.keyboard.press('Enter');
    expect(await page.evaluate<string>('document.activeElement.id')).toBe('main');
    const unnamed = await page.evaluate<string[]>(`[...document.querySelectorAll('a[href], input, select, button, [tabindex]')]
      .filter((el) => !(el.getAttribute('aria-label') || el.getAttribute('aria-labelledby') || (el.labels && el.labels.length) || el.textContent.trim()))
      .map((el) => el.outerHTML.slice(0, 80))`);
    expect(unnamed).toEqual([]);
    // Refresh from the keyboard: the "fetched at" time moves on.
    const before = await page.getByTestId('fetched-at').textContent();
    await page.waitForTimeout(1100);
    await page.getByRole('button', { name: 'Refresh now' }).focus();
    await page.keyboard.press('Enter');
    await poll(() => page.getByTestId('fetched-at').textContent()).not.toBe(before);
  });

  it('downloads the CSV export with the keyboard, one row per Cardiff home × item', async () => {
    await page.getByRole('button', { name: 'Download CSV' }).focus();
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    expect(download.suggestedFilename()).toMatch(/^carestock-cardiff-jes-\d{4}-\d{2}-\d{2}\.csv$/);
    const file = join(ARTIFACTS, download.suggestedFilename());
    await download.saveAs(file);
    const bytes = readFileSync(file);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // UTF-8 BOM: Excel reads Tŷ as Tŷ
    const { header, rows } = parseCsv(bytes.toString('utf8'));
    expect(header).toEqual([...EXPORT_COLUMNS]);
    expect(rows).toHaveLength(cardiffHomes.length * demoCatalogue.length);
    expect(new Set(rows.map((r) => r.values.homeId))).toEqual(new Set(cardiffHomes.map((h) => h.homeId)));
    const mask = rows.find((r) => r.values.homeId === 'ty-gwyn' && r.values.sku === 'MASK-IIR')!.values;
    expect(mask).toMatchObject({ homeName: 'Tŷ Gwyn Care Home', status: 'red', onHand: '100', dailyUsage: '60' });
    expect(await page.getByRole('status').filter({ hasText: 'Downloaded' }).textContent()).toContain(download.suggestedFilename());
  });

  it('stays readable at 200% zoom: no sideways scrolling of the page', async () => {
    const zoomed = await browser.newPage();
    await zoomed.setViewportSize({ width: 640, height: 900 }); // 1280 CSS px at 200% zoom
    await zoomed.goto(system.url); // same browser: same session storage origin, signed in per tab
    await zoomed.getByRole('radio', { name: 'Store', exact: true }).check();
    await zoomed.getByRole('button', { name: 'Sign in' }).click();
    await poll(() => zoomed.getByTestId('worklist').locator('tbody tr').count()).toBe(cardiffHomes.length);
    const overflow = await zoomed.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');
    expect(overflow).toBeLessThanOrEqual(0);
    await zoomed.screenshot({ path: join(ARTIFACTS, 'store-page-200-percent.png'), fullPage: true });
    await zoomed.close();
  });

  it('shows a home its own positions after signing in as the home', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await signIn('Care home', 'Tŷ Gwyn Care Home (Cardiff Joint Equipment Store)');
    await poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Tŷ Gwyn Care Home');
    const firstPosition = page.getByRole('region', { name: 'Your stock, worst first' }).locator('tbody tr').first();
    expect(await firstPosition.locator('th').textContent()).toBe('Type IIR surgical mask');
    expect(await firstPosition.textContent()).toContain('Red');
    expect(await page.getByRole('region', { name: 'Your deliveries to come' }).locator('li').textContent()).toMatch(/\(planned\): 500 × Type IIR surgical mask$/);
    expect(await page.getByRole('region', { name: 'Your requests in progress' }).locator('li').textContent()).toMatch(/\(scheduled\): 500 × Type IIR surgical mask$/);
    const text = await page.locator('body').innerText();
    expect(text).not.toContain('Plas Newydd');
    await page.screenshot({ path: join(ARTIFACTS, 'home-page.png'), fullPage: true });
  });

  it('ran without a script error or a Content-Security-Policy violation', () => {
    expect(pageErrors).toEqual([]);
  });
});
