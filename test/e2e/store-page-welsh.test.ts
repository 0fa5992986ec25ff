/**
 * The page in Welsh (issue #19), in Chromium against the local system with known data (the demo
 * stores, homes and catalogue, counts that make a home red, a request approved and planned, the
 * morning job run). A store switches to Cymraeg from the header: its screens show no English
 * string from the page's catalogue (every text node, aria-label, title and the labels narrow
 * tables print), except text marked lang="en" (the switch's own "English", English names shown
 * where there is no Welsh one) and proper names; the choice survives a reload; <html lang="cy">;
 * axe-core finds nothing serious, as in English. The same for a home's screens and the overview,
 * and a first visit from a browser set to Welsh starts in Welsh. Welsh screenshots go to
 * test-artifacts/welsh/, or with UPDATE_SCREENSHOTS=1 to docs/screenshots/ (the README shows them).
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoCatalogue, demoHomes, demoMembers, demoStores, seedDemoMembers } from '../../bin/local/demo-data.ts';
import type { LocalSystem } from '../../bin/local/local-system.ts';
import { dateInZone } from '../../functions/domain/zoned-dates.ts';
import { cy } from '../../web/i18n/cy.ts';
import { en } from '../../web/i18n/en.ts';
import { AXE_SOURCE, CHROMIUM, CHROMIUM_ARGS, startPageSystem, type AdminCall } from './page-system.ts';

/** The README's Welsh screenshots are rewritten only when asked (UPDATE_SCREENSHOTS=1), so a test run leaves the tree clean. */
const SCREENSHOTS = process.env.UPDATE_SCREENSHOTS ? join(import.meta.dirname, '..', '..', 'docs', 'screenshots') : join(import.meta.dirname, '..', '..', 'test-artifacts', 'welsh');
const poll = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 20_000 });

type Message = string | Readonly<Record<string, string>>;
const texts = (m: Message) => (typeof m === 'string' ? [m] : Object.values(m));
const welshText = Object.values(cy as Readonly<Record<string, Message>>).flatMap(texts).join('\n');
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const standalone = (s: string) => new RegExp(`(?<![\\p{L}\\p{N}])${escape(s)}(?![\\p{L}\\p{N}])`, 'u');
/**
 * What English the catalogue could put on a screen: each English message cut at its placeholders,
 * the pieces with a word of three letters or more, less those the Welsh catalogue also uses
 * ("PPE", "CSV", "Carestock", "staff").
 */
const englishPieces = [
  ...new Set(
    Object.entries(en as Readonly<Record<string, Message>>)
      .flatMap(([id, message]) => (id.startsWith('date.') ? texts(message).flatMap((names) => names.split(' ')) : texts(message)))
      .flatMap((text) => text.split(/\{\w+\}/))
      .map((piece) => piece.replace(/^[\s,.:;()×←—–-]+|[\s,.:;()×←—–-]+$/g, ''))
      .filter((piece) => /\p{L}{3,}/u.test(piece) && !standalone(piece).test(welshText)),
  ),
];
/** Proper names (the demo's stores, homes, items and people), which are the same words in either language. */
const properNames = [...demoStores, ...demoHomes, ...demoCatalogue, ...demoMembers]
  .flatMap((x) => [x.name, ...('nameCy' in x && x.nameCy ? [x.nameCy] : [])])
  .sort((a, b) => b.length - a.length);

let system: LocalSystem;
let call: AdminCall;
let browser: BrowserContext;
let page: Page;
let userDataDir: string;
const pageErrors: string[] = [];

beforeAll(async () => {
  ({ system, call } = await startPageSystem(demoMembers));
  for (const { sku, ...item } of demoCatalogue) await call('PUT', `/v1/items/${sku}`, item);
  for (const { storeId, ...store } of demoStores) await call('PUT', `/v1/stores/${storeId}`, store);
  for (const { homeId, ...home } of demoHomes) await call('PUT', `/v1/homes/${homeId}`, home);
  await seedDemoMembers((method, path, body) => call(method, path, body).then((b) => ({ status: 201, body: b })));
  const count = (homeId: string, lines: { sku: string; onHand: number; dailyUsage: number }[]) =>
    call('POST', `/v1/homes/${homeId}/stock-counts`, { countedAt: new Date(Date.now() - 60_000).toISOString(), lines });
  await count('ty-gwyn', [
    { sku: 'MASK-IIR', onHand: 100, dailyUsage: 60 },
    { sku: 'APRON', onHand: 500, dailyUsage: 100 },
    { sku: 'GLOVE-NITRILE-M', onHand: 3000, dailyUsage: 200 },
  ]);
  await count('plas-newydd', [{ sku: 'APRON', onHand: 600, dailyUsage: 100 }]);
  await count('llys-hafren', [{ sku: 'MASK-IIR', onHand: 2000, dailyUsage: 100 }]);
  const request = await call('POST', '/v1/homes/ty-gwyn/requests', { lines: [{ sku: 'MASK-IIR', quantity: 500 }] }, { 'idempotency-key': 'welsh-e2e-1' });
  await call('POST', `/v1/requests/${request.requestId}/approve`, { lines: [{ sku: 'MASK-IIR', quantity: 500 }] });
  await call('POST', '/v1/stores/cardiff-jes/delivery-plans', { from: dateInZone(new Date(), 'Europe/London'), days: 7 });
  await call('POST', '/v1/homes/plas-newydd/requests', { lines: [{ sku: 'APRON', quantity: 400 }] }, { 'idempotency-key': 'welsh-e2e-2' });
  await call('POST', '/v1/jobs/shortfall-scan', {});

  userDataDir = mkdtempSync(join(tmpdir(), 'carestock-chromium-'));
  // A browser set to English: the switch, not the browser, makes this page Welsh.
  browser = await chromium.launchPersistentContext(userDataDir, { executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, viewport: { width: 1100, height: 800 }, locale: 'en-GB', timezoneId: 'Europe/London' });
  page = browser.pages()[0] ?? (await browser.newPage());
  page.setDefaultTimeout(20_000); // a step that cannot happen fails, naming the step, rather than the test timing out
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) pageErrors.push(message.text());
  });
  mkdirSync(SCREENSHOTS, { recursive: true });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await system?.stop();
  if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
});

/** Every text a reader or a screen reader meets, except what is marked as another language than Welsh. */
async function welshScreenText(on: Page = page): Promise<string> {
  const parts = await on.evaluate<string[]>(`(() => {
    const parts = [document.title];
    const isEnglish = (el) => (el.closest('[lang]')?.getAttribute('lang') ?? '').toLowerCase().startsWith('en');
    const walk = (node) => {
      if (node.nodeType === Node.TEXT_NODE) { parts.push(node.textContent); return; }
      if (node.nodeType !== Node.ELEMENT_NODE || isEnglish(node)) return;
      for (const name of ['aria-label', 'title', 'alt', 'placeholder', 'data-label']) if (node.hasAttribute(name)) parts.push(node.getAttribute(name));
      for (const child of node.childNodes) walk(child);
    };
    walk(document.body);
    return parts;
  })()`);
  let text = parts.join('\n');
  for (const name of properNames) text = text.split(name).join(' ');
  return text;
}

async function expectNoEnglish(screen: string, on: Page = page) {
  const text = await welshScreenText(on);
  const english = englishPieces.filter((piece) => standalone(piece).test(text));
  expect(english, `${screen}: English from the catalogue`).toEqual([]);
  expect(await on.evaluate<string>('document.documentElement.lang'), screen).toBe('cy');
}

async function expectAccessible(screen: string, on: Page = page) {
  await on.evaluate(AXE_SOURCE);
  const result = await on.evaluate<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }>(`axe.run(document, { resultTypes: ['violations'] })`);
  const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(serious, screen).toEqual([]);
  // The language rules, whatever their impact: the page's and every marked element's lang is valid.
  expect(result.violations.filter((v) => ['html-has-lang', 'html-lang-valid', 'valid-lang', 'html-xml-lang-mismatch'].includes(v.id)).map((v) => v.id), screen).toEqual([]);
}

/** Welsh runs longer than English: at a phone's 390 px the page still never scrolls sideways. */
async function fitsAPhone(screen: string) {
  await page.setViewportSize({ width: 390, height: 844 });
  try {
    const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');
    expect(overflow, `${screen} scrolls sideways at 390 px`).toBeLessThanOrEqual(0);
  } finally {
    await page.setViewportSize({ width: 1100, height: 800 });
  }
}

const fetchedInWelsh = (on: Page = page) => poll(() => on.getByTestId('fetched-at').textContent()).toMatch(/^Data wedi'i nôl am \d\d:\d\d:\d\d/);

async function screen(hash: string, ready: () => Promise<unknown>) {
  await page.evaluate(`location.hash = '${hash}'`);
  await ready();
  await expectNoEnglish(hash);
  await expectAccessible(hash);
  await fitsAPhone(hash);
}

describe('the page in Welsh, in Chromium', () => {
  it('switches a store’s page to Cymraeg from the header, with nothing of the catalogue left in English', async () => {
    await page.goto(system.url);
    expect(await page.evaluate<string>('document.documentElement.lang')).toBe('en-GB');
    await page.getByRole('radio', { name: 'Store', exact: true }).check();
    await page.getByLabel('Organisation', { exact: true }).selectOption({ label: 'Cardiff Joint Equipment Store' });
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();

    const cymraeg = page.getByRole('link', { name: 'Cymraeg' });
    expect(await cymraeg.getAttribute('lang')).toBe('cy');
    expect(await cymraeg.getAttribute('hreflang')).toBe('cy');
    await cymraeg.focus();
    await page.keyboard.press('Enter'); // a real link: the keyboard switches too
    await page.getByRole('button', { name: 'Allgofnodi' }).waitFor();
    await fetchedInWelsh();
    await poll(() => page.getByTestId('worklist').locator('tbody tr').count()).toBe(3);

    expect(await page.evaluate<string>('document.documentElement.lang')).toBe('cy');
    const english = page.getByRole('link', { name: 'English' });
    expect(await english.getAttribute('lang')).toBe('en');
    expect(await english.getAttribute('hreflang')).toBe('en');
    expect(await page.getByRole('navigation', { name: 'Iaith' }).locator('[aria-current="true"]').textContent()).toBe('Cymraeg');

    // Statuses as word and colour; numbers, days and dates in Welsh.
    const first = page.getByTestId('worklist').locator('tbody tr').first();
    expect(await first.getAttribute('data-home-id')).toBe('ty-gwyn');
    expect(await first.locator('td').first().textContent()).toContain('Coch');
    expect(await first.locator('.badge.status-red').count()).toBeGreaterThan(0);
    expect(await first.locator('.driving li').first().textContent()).toMatch(/1\.\d diwrnod, yn rhedeg allan /);
    expect(await page.getByRole('heading', { level: 2, name: 'Cartrefi, y gwaethaf yn gyntaf' }).count()).toBe(1);
    expect(await page.getByTestId('summary').textContent()).toMatch(/^3 chartref:/);
    // Welsh names where the API has them (the fallback to English names is the last test's).
    expect(await first.locator('th').textContent()).toBe('Cartref Gofal Tŷ Gwyn');
    expect(await first.locator('.driving li').first().textContent()).toContain('Masg llawfeddygol Math IIR');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Storfa Offer ar y Cyd Caerdydd');
    expect(await page.getByTestId('short-homes').locator('li').first().textContent()).toMatch(/^Cartref Gofal Tŷ Gwyn: Masg llawfeddygol Math IIR 1\.\d diwrnod \(coch\); Ffedog blastig untro 5 diwrnod \(ambr\)$/);
    expect(await page.locator('main [lang="en"]').count()).toBe(0);

    await expectNoEnglish('store: homes');
    await expectAccessible('store: homes');
    await page.screenshot({ path: join(SCREENSHOTS, 'store-page-cy.png') });
    await fitsAPhone('store: homes');
  });

  it('keeps Cymraeg after a reload', async () => {
    await page.reload();
    await fetchedInWelsh();
    expect(await page.evaluate<string>('document.documentElement.lang')).toBe('cy');
    expect(await page.getByRole('navigation', { name: 'Sgriniau' }).getByRole('link').allTextContents()).toEqual(['Cartrefi', 'Ceisiadau', 'Danfoniadau', 'Stoc y warws']);
  });

  it('has the store’s other screens in Welsh too: requests, deliveries with the printed manifest, warehouse', async () => {
    await screen('requests', () => poll(() => page.getByTestId('request-queue').locator('li').count()).toBe(1));
    await screen('deliveries', () => poll(() => page.getByTestId('manifest-totals').textContent().catch(() => '')).toMatch(/danfoniad ar /));
    await screen('warehouse', () => page.getByRole('heading', { name: 'Stoc y warws', level: 2 }).waitFor());
    await page.evaluate(`location.hash = 'homes'`);
  });

  it('shows a care home its page in Welsh', async () => {
    await page.getByRole('button', { name: 'Allgofnodi' }).click();
    await page.getByRole('heading', { name: 'Mewngofnodi', level: 2 }).waitFor();
    await expectNoEnglish('sign in');
    await page.getByRole('radio', { name: 'Cartref gofal', exact: true }).check();
    await page.getByLabel('Sefydliad', { exact: true }).selectOption({ label: 'Tŷ Gwyn Care Home (Cardiff Joint Equipment Store)' });
    await page.getByRole('button', { name: 'Mewngofnodi' }).click();
    await page.getByRole('button', { name: 'Allgofnodi' }).waitFor();
    await fetchedInWelsh();
    const stock = page.getByRole('region', { name: 'Eich stoc, y gwaethaf yn gyntaf' });
    await poll(() => stock.locator('tbody tr').count()).toBe(3);
    expect(await stock.locator('tbody tr').first().textContent()).toContain('Coch');
    expect(await page.getByRole('region', { name: 'Eich ceisiadau sydd ar y gweill' }).locator('li').textContent()).toMatch(/\(wedi'i amserlennu\): 500 × Masg llawfeddygol Math IIR$/);
    // Dates with Welsh weekday and month names (from the catalogue: Chromium has no Welsh date names).
    expect(await page.getByRole('region', { name: 'Eich danfoniadau i ddod' }).locator('li strong').textContent()).toMatch(
      /^(Sul|Llun|Maw|Mer|Iau|Gwe|Sad) \d{1,2} (Ion|Chw|Maw|Ebr|Mai|Meh|Gor|Awst|Medi|Hyd|Tach|Rhag)$/,
    );
    await expectNoEnglish('home: stock');
    await expectAccessible('home: stock');
    await page.screenshot({ path: join(SCREENSHOTS, 'home-page-cy.png') });
    await fitsAPhone('home: stock');

    await screen('count', () => page.getByRole('heading', { name: 'Cyfrif heddiw', level: 2 }).waitFor());
    // An error state: the page's own checks, in Welsh, in the GOV.UK error summary and beside the field.
    await page.getByLabel('Masg llawfeddygol Math IIR', { exact: true }).fill('-5');
    await page.getByRole('button', { name: "Cadw'r cyfrif" }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'Mae problem wedi codi' });
    expect(await summary.getByRole('link').allTextContents()).toEqual(['Cyfrif Masg llawfeddygol Math IIR: ni all fod yn llai na sero']);
    expect(await page.locator('#count-MASK-IIR-error').textContent()).toBe('Gwall: Cyfrif Masg llawfeddygol Math IIR: ni all fod yn llai na sero');
    await expectNoEnglish('count: errors');
    await expectAccessible('count: errors');
    // Above the API's range: the page leaves ranges to the API, which answers in the page's language (Accept-Language).
    await page.getByLabel('Masg llawfeddygol Math IIR', { exact: true }).fill('20000000');
    await page.getByRole('button', { name: "Cadw'r cyfrif" }).click();
    await poll(() => page.locator('#count-MASK-IIR-error').textContent()).toMatch(/^Gwall: Rhy fawr: rhaid iddo fod yn 10,?000,?000 neu lai/);
    await expectNoEnglish('count: the API’s problem');
    await screen('request', () => page.getByRole('heading', { name: 'Gwneud cais am PPE', level: 2 }).waitFor());
    await screen('deliveries', () => page.getByRole('heading', { name: "Danfoniadau i'w cadarnhau", level: 2 }).waitFor());
  });

  it('shows an administrator the overview in Welsh', async () => {
    await page.getByRole('button', { name: 'Allgofnodi' }).click();
    await page.getByRole('radio', { name: 'Gweinyddwr', exact: true }).check();
    await page.getByRole('button', { name: 'Mewngofnodi' }).click();
    await poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Cymru ar yr olwg gyntaf');
    await poll(() => page.getByTestId('overview-totals').locator('li').first().textContent()).toMatch(/cartref yn goch ar gyfer unrhyw PPE/);
    await poll(() => page.getByTestId('trend-chart').locator('polyline').count()).toBeGreaterThan(0);
    await expectNoEnglish('overview');
    await expectAccessible('overview');
    await page.screenshot({ path: join(SCREENSHOTS, 'overview-cy.png') });
  });

  it('switches back to English, and starts in Welsh for a browser set to Welsh', async () => {
    await page.getByRole('link', { name: 'English' }).click();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    expect(await page.evaluate<string>('document.documentElement.lang')).toBe('en-GB'); // set with the words, not after

    const welshBrowser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
    try {
      const context = await welshBrowser.newContext({ locale: 'cy-GB', timezoneId: 'Europe/London' });
      const first = await context.newPage();
      await first.goto(system.url);
      await first.getByRole('heading', { name: 'Mewngofnodi', level: 2 }).waitFor();
      await expectNoEnglish('first visit, browser in Welsh', first);
      await expectAccessible('first visit, browser in Welsh', first);
    } finally {
      await welshBrowser.close();
    }
  });

  it('falls back to the English name of an item or home with no Welsh one, marked lang="en", inside sentences too', async () => {
    const apron = demoCatalogue.find((i) => i.sku === 'APRON')!;
    const llysHafren = demoHomes.find((h) => h.homeId === 'llys-hafren')!;
    await call('PUT', '/v1/items/APRON', { ...apron, sku: undefined, nameCy: undefined });
    await call('PUT', '/v1/homes/llys-hafren', { ...llysHafren, homeId: undefined, nameCy: undefined });
    await page.getByRole('link', { name: 'Cymraeg' }).click();
    await page.getByRole('button', { name: 'Allgofnodi' }).click();
    await page.getByRole('radio', { name: 'Storfa', exact: true }).check();
    await page.getByLabel('Sefydliad', { exact: true }).selectOption({ label: 'Cardiff Joint Equipment Store' });
    await page.getByRole('button', { name: 'Mewngofnodi' }).click();
    await fetchedInWelsh();
    await page.evaluate(`location.hash = 'homes'`); // the last screen visited was a home's deliveries
    await poll(() => page.getByTestId('worklist').locator('tr[data-home-id="llys-hafren"] th [lang="en"]').textContent().catch(() => '')).toBe('Llys Hafren Nursing Home');
    expect(await page.getByTestId('short-homes').locator('li').first().textContent()).toMatch(/; Disposable plastic apron 5 diwrnod \(ambr\)$/);
    expect(await page.getByTestId('short-homes').locator('[lang="en"]').allTextContents()).toEqual(['Disposable plastic apron', 'Disposable plastic apron']);
    await expectNoEnglish('store: English names');
    await expectAccessible('store: English names');
  });

  it('ran without a script error or a Content-Security-Policy violation', () => {
    expect(pageErrors).toEqual([]);
  });
});
