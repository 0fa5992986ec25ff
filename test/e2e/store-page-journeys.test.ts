/**
 * The page where the work is done, in Chromium, against the local system with known data: a home
 * counts, sees its status change and requests what the page suggests; the store sees that request
 * at the top of its urgent queue, approves part, counts its warehouse, allocates, plans and
 * dispatches (and sees a dispatch refused with the shortfall named); the home confirms receipt one
 * line short; then the API and both pages agree: stock moved once, the discrepancy recorded.
 * Beside it: a double-clicked submit makes one request, bad input is refused before sending (or the
 * API's problem is shown beside the field) with nothing written, and a role without a scope never
 * sees the action. axe-core runs on every screen (0 serious or critical violations); screenshots
 * at desktop and 390 px go to test-artifacts/.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { demoCatalogue, demoHomes, demoMembers, demoStores, seedDemoMembers } from '../../bin/local/demo-data.ts';
import { signLocalToken } from '../../bin/local/local-auth.ts';
import { startLocalSystem, type LocalSystem } from '../../bin/local/local-system.ts';
import { createStorePageRoutes, memberChoices } from '../../bin/local/store-page-routes.ts';
import { dateInZone } from '../../functions/domain/zoned-dates.ts';
import { scopes } from '../../functions/scopes.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARTIFACTS = join(import.meta.dirname, '..', '..', 'test-artifacts', 'page');
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const DAY = 86_400_000;
/** Waits for what the page shows after a write or a load (the machine is shared: generous, never asserted). */
const poll = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 20_000 });

let system: LocalSystem;
let browser: BrowserContext;
let page: Page;
let userDataDir: string;
let admin: string;
const pageErrors: string[] = [];
const axeResults: { screen: string; serious: string[]; moderate: string[]; minor: string[] }[] = [];
/** Every write the page sent, by method and path: "nothing written" is also "nothing sent". */
const writes: string[] = [];

async function api<T = Record<string, unknown>>(method: string, path: string, body?: unknown, token = admin, headers: Record<string, string> = {}): Promise<{ status: number; body: T }> {
  const response = await fetch(system.url + path, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: (await response.json()) as T };
}

async function ok<T = Record<string, unknown>>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
  const answer = await api<T>(method, path, body, admin, headers);
  expect(answer.status, `${method} ${path}: ${JSON.stringify(answer.body)}`).toBeLessThan(300);
  return answer.body;
}

type Position = { sku: string; onHand: number; status: string; suggestedOrder: number };
const positionOf = async (location: string, sku: string) =>
  (await ok<{ positions: Position[] }>('GET', `/v1/${location}/stock`)).positions.find((p) => p.sku === sku);

let plasDelivery: { deliveryId: string; date: string };

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium is not installed at ${CHROMIUM}: run \`apt-get install -y chromium\` (.ci/run does this in CI).`);
  system = await startLocalSystem({
    port: 0,
    dynamoEndpoint: inject('dynamoEndpoint'),
    tableName: process.env.TABLE_NAME!,
    dataDir: mkdtempSync(join(tmpdir(), 'carestock-journeys-')),
    extraRoutes: await createStorePageRoutes(memberChoices(demoMembers, demoStores, demoHomes)),
  });
  admin = await signLocalToken(system.signingKey, { org: { kind: 'admin' } });
  for (const { sku, ...item } of demoCatalogue) await ok('PUT', `/v1/items/${sku}`, item);
  for (const { storeId, ...store } of demoStores) await ok('PUT', `/v1/stores/${storeId}`, store);
  for (const { homeId, ...home } of demoHomes) await ok('PUT', `/v1/homes/${homeId}`, home);
  // The people the sign-in form offers: a manager and a staff member of each store and home.
  await seedDemoMembers(async (method, path, body) => ({ status: 201, body: await ok(method, path, body) }));
  await ok('PUT', '/v1/stores/cardiff-jes/request-caps', { capsPerBedPerWeek: { 'MASK-IIR': 20 } }); // Tŷ Gwyn, 42 beds: 840 a week
  const twoDaysAgo = new Date(Date.now() - 2 * DAY).toISOString();
  // Tŷ Gwyn is green until today's count: 1,000 masks two days ago at 60 a day.
  await ok('POST', '/v1/homes/ty-gwyn/stock-counts', {
    countedAt: twoDaysAgo,
    lines: [
      { sku: 'MASK-IIR', onHand: 1000, dailyUsage: 60 },
      { sku: 'APRON', onHand: 3000, dailyUsage: 100 },
    ],
  });
  // An older request from a green home: oldest first it leads the queue, most urgent first it does not.
  await ok('POST', '/v1/homes/llys-hafren/stock-counts', { countedAt: twoDaysAgo, lines: [{ sku: 'MASK-IIR', onHand: 3000, dailyUsage: 100 }] });
  await ok('POST', '/v1/homes/llys-hafren/requests', { lines: [{ sku: 'MASK-IIR', quantity: 500 }] }, { 'idempotency-key': 'journeys-llys-1' });
  // Plas Newydd's gowns, approved and planned already: the store holds no gowns, so their dispatch is refused.
  const gowns = await ok<{ requestId: string }>('POST', '/v1/homes/plas-newydd/requests', { lines: [{ sku: 'GOWN-FR', quantity: 100 }] }, { 'idempotency-key': 'journeys-plas-1' });
  await ok('POST', `/v1/requests/${gowns.requestId}/approve`, { lines: [{ sku: 'GOWN-FR', quantity: 100 }] });
  const plan = await ok<{ deliveries: { deliveryId: string; date: string }[] }>('POST', '/v1/stores/cardiff-jes/delivery-plans', { from: dateInZone(new Date(), 'Europe/London'), days: 7 });
  plasDelivery = plan.deliveries[0]!;

  userDataDir = mkdtempSync(join(tmpdir(), 'carestock-chromium-'));
  browser = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1280, height: 900 },
    locale: 'en-GB',
    timezoneId: 'Europe/London',
  });
  page = browser.pages()[0] ?? (await browser.newPage());
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('request', (request) => {
    if (request.method() !== 'GET' && new URL(request.url()).pathname.startsWith('/v1/')) writes.push(`${request.method()} ${new URL(request.url()).pathname}`);
  });
  mkdirSync(ARTIFACTS, { recursive: true });
}, 120_000);

afterAll(async () => {
  writeFileSync(join(ARTIFACTS, 'axe-results.json'), JSON.stringify(axeResults, null, 2));
  await browser?.close();
  await system?.stop();
  if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
});

async function signIn(kind: 'Store' | 'Care home', organisation: string) {
  await page.goto(system.url);
  await page.getByRole('radio', { name: kind, exact: true }).check();
  await page.getByLabel('Organisation', { exact: true }).selectOption({ label: organisation });
  await page.getByRole('button', { name: 'Sign in' }).click();
  await poll(() => page.getByTestId('fetched-at').textContent()).toMatch(/^Data fetched at/);
}

async function signOut() {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByRole('button', { name: 'Sign in' }).waitFor();
}

async function openScreen(name: string) {
  await page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name }).click();
}

/** axe-core in the page (0 serious or critical), then screenshots at desktop and at 390 px (no sideways scrolling there). */
async function checkScreen(name: string) {
  await page.evaluate(AXE_SOURCE);
  const result = await page.evaluate<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }>(
    `axe.run(document, { resultTypes: ['violations'] })`,
  );
  const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  const ids = (impact: string) => result.violations.filter((v) => v.impact === impact).map((v) => `${v.id} (${v.nodes.length})`);
  axeResults.push({ screen: name, serious, moderate: ids('moderate'), minor: ids('minor') });
  expect(serious, name).toEqual([]);
  await page.screenshot({ path: join(ARTIFACTS, `${name}-desktop.png`), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');
  if (overflow > 0) {
    const wide = await page.evaluate<string[]>(
      `[...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5).map((e) => e.tagName + '.' + e.getAttribute('class') + '#' + e.id).slice(0, 8)`,
    );
    expect.fail(`${name} scrolls sideways at 390 px by ${overflow} px: ${wide.join(', ')}`);
  }
  await page.screenshot({ path: join(ARTIFACTS, `${name}-390.png`), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });
}

describe('a home and its store run their week on the page', () => {
  it('a home signs in and sees its stock (green before today’s count)', async () => {
    await page.goto(system.url);
    await checkScreen('sign-in');
    await signIn('Care home', 'Tŷ Gwyn Care Home (Cardiff Joint Equipment Store)');
    const mask = page.getByRole('region', { name: 'Your stock, worst first' }).locator('tbody tr', { hasText: 'Type IIR surgical mask' });
    expect(await mask.textContent()).toContain('Green');
    await checkScreen('home-stock');
  });

  it('refuses a negative or fractional count before sending, shows the API’s problem beside the field where the page cannot tell, and writes nothing', async () => {
    await openScreen('Today’s count');
    const before = await positionOf('homes/ty-gwyn', 'MASK-IIR');
    const sent = writes.length;
    await page.getByLabel('Type IIR surgical mask', { exact: true }).fill('-5');
    await page.getByLabel('Disposable plastic apron', { exact: true }).fill('2.5');
    await page.getByLabel('Disposable plastic apron', { exact: true }).press('Enter');
    const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
    expect(await summary.getByRole('link').allTextContents()).toEqual([
      'The count of Disposable plastic apron must be a whole number', // the form's order: by name
      'The count of Type IIR surgical mask cannot be negative',
    ]);
    expect(await page.evaluate<string>('document.activeElement.className')).toBe('error-summary');
    expect(await page.locator('#count-MASK-IIR-error').textContent()).toContain('cannot be negative');
    expect(await page.getByLabel('Type IIR surgical mask', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    expect(writes.length).toBe(sent); // nothing sent

    // Above the API's range: the page leaves ranges to the API, whose problem lands beside the field.
    await page.getByLabel('Type IIR surgical mask', { exact: true }).fill('20000000');
    await page.getByLabel('Disposable plastic apron', { exact: true }).fill('');
    await page.getByRole('button', { name: 'Save count' }).click();
    await poll(() => page.locator('#count-MASK-IIR-error').textContent()).toMatch(/10000000|10,000,000/);
    expect(writes.slice(sent)).toEqual(['POST /v1/homes/ty-gwyn/stock-counts']);
    expect(await positionOf('homes/ty-gwyn', 'MASK-IIR')).toEqual(before); // nothing written
  });

  it('counts today by keyboard (tab through, Enter sends) and sees the new days of supply and status at once', async () => {
    await page.reload();
    await page.getByRole('button', { name: 'Save count' }).waitFor();
    const started = Date.now();
    let clicks = 0;
    await openScreen('Today’s count');
    clicks++;
    await page.getByLabel('Disposable plastic apron', { exact: true }).click(); // the first field: held items, by name
    clicks++;
    await page.keyboard.type('2800');
    await page.keyboard.press('Tab');
    await page.keyboard.type('120'); // Type IIR surgical mask
    await page.keyboard.press('Enter');
    const outcome = page.getByTestId('count-outcome');
    await outcome.waitFor();
    const seconds = (Date.now() - started) / 1000;
    console.log(`a home's daily count (2 items): ${clicks} clicks, ${seconds.toFixed(1)} s in Chromium`);
    writeFileSync(join(ARTIFACTS, 'daily-count.json'), JSON.stringify({ clicks, keystrokes: '2 numbers, 1 Tab, 1 Enter', seconds }));
    expect(await page.getByTestId('count-success').textContent()).toBe('Count saved: 2 items counted.');
    expect(await outcome.locator('li', { hasText: 'Type IIR surgical mask' }).textContent()).toMatch(/Red.*days? of supply/);
    expect((await positionOf('homes/ty-gwyn', 'MASK-IIR'))!.onHand).toBe(120);
    await checkScreen('home-count');
    await openScreen('Stock');
    await poll(() => page.getByRole('region', { name: 'Your stock, worst first' }).locator('tbody tr').first().textContent()).toMatch(/^Type IIR surgical mask\s*▲?\s*Red/);
  });

  let requestId = '';
  it('requests what the page suggests; a double-clicked submit makes one request', async () => {
    const suggested = (await positionOf('homes/ty-gwyn', 'MASK-IIR'))!.suggestedOrder;
    expect(suggested).toBeGreaterThan(0);
    await openScreen('Request PPE');
    const field = page.getByLabel('Type IIR surgical mask', { exact: true });
    expect(await field.inputValue()).toBe(String(suggested));
    expect(await page.locator('#request-MASK-IIR-hint').textContent()).toContain('weekly cap 840');
    await checkScreen('home-request');
    // An empty request is refused before sending.
    const fields = page.locator('form input[inputmode="numeric"]');
    const values: string[] = [];
    for (let i = 0; i < (await fields.count()); i++) values.push(await fields.nth(i).inputValue());
    for (let i = 0; i < values.length; i++) await fields.nth(i).fill('');
    const sent = writes.length;
    await page.getByRole('button', { name: 'Send request' }).click();
    expect(await page.getByRole('alert').getByRole('link').allTextContents()).toEqual(['Enter a quantity for at least one item']);
    expect(writes.length).toBe(sent);
    for (let i = 0; i < values.length; i++) await fields.nth(i).fill(values[i]!);

    await page.getByRole('button', { name: 'Send request' }).dblclick();
    await poll(() => page.getByTestId('request-success').textContent()).toMatch(/^Request sent: /);
    const mine = await ok<{ items: { requestId: string; lines: { sku: string; quantity: number }[] }[] }>('GET', '/v1/homes/ty-gwyn/requests');
    expect(mine.items).toHaveLength(1);
    expect(mine.items[0]!.lines).toContainEqual({ sku: 'MASK-IIR', quantity: suggested, daysOfSupplyAtSubmission: expect.any(Number) });
    requestId = mine.items[0]!.requestId;
    expect(await page.getByTestId('my-requests').locator(`[data-request-id="${requestId}"]`).textContent()).toContain('submitted');
    await signOut();
  });

  let approvedMasks = 0;
  it('the store sees the request at the top of its urgent queue and approves part of it', async () => {
    await signIn('Store', 'Cardiff Joint Equipment Store');
    await checkScreen('store-homes');
    await openScreen('Requests');
    const queue = page.getByTestId('request-queue').locator(':scope > li');
    await poll(() => queue.count()).toBe(2);
    expect(await queue.first().getAttribute('data-request-id')).toBe(requestId);
    await page.getByRole('radio', { name: 'Oldest first' }).check();
    await poll(() => queue.first().getAttribute('data-home-id')).toBe('llys-hafren');
    await page.getByRole('radio', { name: 'Most urgent first' }).check();
    await poll(() => queue.first().getAttribute('data-request-id')).toBe(requestId);
    const card = queue.first();
    expect(await card.locator('.hint', { hasText: 'weekly cap 840' }).count()).toBe(1);
    await checkScreen('store-requests');
    approvedMasks = 600; // within the cap: no override reason asked
    await card.getByLabel('Type IIR surgical mask', { exact: true }).fill(String(approvedMasks));
    await card.getByRole('button', { name: 'Approve' }).click();
    // The confirmation is above the queue: the decided card leaves the queue when it refreshes.
    await poll(() => page.getByTestId('decision-success').textContent().catch(() => '')).toMatch(/^Tŷ Gwyn Care Home: Approved in part: 600 × Type IIR surgical mask/);
    const request = await ok<{ status: string }>('GET', `/v1/requests/${requestId}`);
    expect(request.status).toBe('partially-approved');
  });

  it('the store counts its warehouse on the same count form, then allocates: short, each line with its reason', async () => {
    await openScreen('Warehouse stock');
    await page.getByLabel('Type IIR surgical mask', { exact: true }).fill('400');
    await page.getByLabel('Type IIR surgical mask', { exact: true }).press('Enter');
    await poll(() => page.getByTestId('count-success').textContent()).toBe('Count saved: 1 item counted.');
    await poll(() => page.getByTestId('warehouse').locator('tr[data-sku="MASK-IIR"]').textContent()).toContain('400 on');
    await checkScreen('store-warehouse');
    await openScreen('Requests');
    await page.getByRole('button', { name: 'Allocate stock' }).click();
    const line = page.getByTestId('allocations').locator('li', { hasText: 'Tŷ Gwyn Care Home' });
    await poll(() => line.textContent().catch(() => '')).toMatch(/Type IIR surgical mask 400 of 600 \(.*short.*\)/i);
  });

  let deliveryId = '';
  it('plans the coming days, prints the manifest one page per delivery, and dispatches; a dispatch the store cannot cover is refused with the shortfall named', async () => {
    await openScreen('Deliveries');
    await page.getByRole('button', { name: 'Plan deliveries' }).click();
    await poll(() => page.getByTestId('plan-success').textContent()).toMatch(/^Planned 1 delivery/);
    expect(await page.getByTestId('plan').textContent()).toContain('Tŷ Gwyn Care Home, 400 × Type IIR surgical mask');
    const tyGwyn = page.locator('.manifest-page[data-home-id="ty-gwyn"]');
    await tyGwyn.waitFor();
    deliveryId = (await tyGwyn.getAttribute('data-delivery-id'))!;
    await checkScreen('store-deliveries');
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format: 'A4' });
    const deliveriesOnDate = await page.locator('.manifest-page').count();
    expect(pdf.toString('latin1').match(/\/Type\s*\/Page\b/g)?.length).toBe(deliveriesOnDate);
    writeFileSync(join(ARTIFACTS, 'manifest.pdf'), pdf);
    await page.emulateMedia({ media: 'screen' });

    // The gowns for Plas Newydd: the store holds none.
    await page.getByLabel('Date').fill(plasDelivery.date);
    const plas = page.locator(`.manifest-page[data-delivery-id="${plasDelivery.deliveryId}"]`);
    await plas.getByRole('button', { name: /^Dispatch to/ }).click();
    await poll(() => plas.getByRole('alert').textContent().catch(() => '')).toMatch(/GOWN-FR 100 needed, 0 held/);
    expect((await ok<{ status: string }>('GET', `/v1/deliveries/${plasDelivery.deliveryId}`)).status).toBe('planned');

    const planned = await ok<{ date: string }>('GET', `/v1/deliveries/${deliveryId}`);
    await page.getByLabel('Date').fill(planned.date);
    await tyGwyn.getByRole('button', { name: 'Dispatch to Tŷ Gwyn Care Home' }).dblclick();
    await poll(() => tyGwyn.getByTestId('dispatch-success').textContent().catch(() => '')).toMatch(/^Dispatched to Tŷ Gwyn/);
    expect((await positionOf('stores/cardiff-jes', 'MASK-IIR'))!.onHand).toBe(0); // 400 left once, not twice
    await signOut();
  });

  it('the home confirms receipt one line short: the difference is shown before confirming and recorded', async () => {
    await signIn('Care home', 'Tŷ Gwyn Care Home (Cardiff Joint Equipment Store)');
    await openScreen('Deliveries');
    const form = page.locator(`[data-delivery-id="${deliveryId}"]`);
    const field = form.getByLabel('Type IIR surgical mask', { exact: true });
    expect(await field.inputValue()).toBe('400');
    await field.fill('350');
    expect(await form.getByTestId('discrepancies').textContent()).toContain('Type IIR surgical mask: 350 received, 400 dispatched (50 short)');
    await form.getByLabel('Received by').fill('Dafydd');
    await form.getByRole('button', { name: 'Check receipt' }).click();
    await checkScreen('home-deliveries');
    await form.getByRole('button', { name: 'Confirm receipt' }).click();
    await poll(() => form.getByTestId('receipt-success').textContent().catch(() => '')).toBe('Delivery received, with 1 difference recorded for the store.');

    // What the API holds: the units moved once, the discrepancy on the delivery.
    const delivery = await ok<{ status: string; discrepancies: unknown[] }>('GET', `/v1/deliveries/${deliveryId}`);
    expect(delivery).toMatchObject({ status: 'delivered', discrepancies: [{ sku: 'MASK-IIR', dispatched: 400, received: 350 }] });
    // The receipt lands on what was projected on the shelf at receipt (the count, less the use since),
    // so a few masks under 120 + 350; once, not twice (820).
    const home = (await positionOf('homes/ty-gwyn', 'MASK-IIR'))!.onHand;
    expect(home).toBeGreaterThan(120 + 350 - 10);
    expect(home).toBeLessThanOrEqual(120 + 350);
    expect((await positionOf('stores/cardiff-jes', 'MASK-IIR'))!.onHand).toBe(0);
    // And the page shows it.
    await poll(() => page.getByTestId('received-deliveries').textContent().catch(() => '')).toContain('Type IIR surgical mask 350 of 400');
    await openScreen('Stock');
    await poll(() => page.getByRole('region', { name: 'Your stock, worst first' }).locator('tbody tr', { hasText: 'Type IIR surgical mask' }).textContent()).toContain(`${new Intl.NumberFormat("en-GB").format(home)} on`);
  });

  it('a member whose role lacks a scope never sees the action, and the API refuses it anyway', async () => {
    const readOnly = await signLocalToken(system.signingKey, { org: { kind: 'home', id: 'ty-gwyn' }, scopes: [scopes.read] });
    await page.evaluate(`sessionStorage.setItem('carestock.accessToken', ${JSON.stringify(readOnly)})`);
    await page.goto(`${system.url}/#count`);
    await page.reload();
    await page.getByTestId('not-allowed').waitFor();
    expect(await page.getByRole('button', { name: 'Save count' }).count()).toBe(0);
    await openScreen('Request PPE');
    expect(await page.getByRole('button', { name: 'Send request' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /^Cancel request/ }).count()).toBe(0);
    const refused = await api('POST', '/v1/homes/ty-gwyn/requests', { lines: [{ sku: 'MASK-IIR', quantity: 50 }] }, readOnly, { 'idempotency-key': 'journeys-read-only' });
    expect(refused.status).toBe(403);
  });

  it('ran without a script error', () => {
    expect(pageErrors).toEqual([]);
    console.log(`axe-core: ${axeResults.map((r) => `${r.screen} ${r.serious.length} serious/critical, moderate [${r.moderate.join(', ')}], minor [${r.minor.join(', ')}]`).join('; ')}`);
  });
});
