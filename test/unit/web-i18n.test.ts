/**
 * The page's message catalogues (issue #19): Welsh has every English key and no other, no empty
 * message, the same placeholders, every Welsh plural form; the review list names real keys; the
 * glossary's terms are the ones the catalogue uses; dates and numbers come out in cy-GB.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chooseLanguage } from '../../web/i18n/choose-language.ts';
import { cy, forReview, glossary } from '../../web/i18n/cy.ts';
import { en } from '../../web/i18n/en.ts';
import { localName, translator, WELSH_PLURALS } from '../../web/i18n/translate.ts';
import { formatAge, formatDate, formatDays, formatRunout } from '../../web/model/format.ts';
import { presentStatus } from '../../web/model/status.ts';
import { buildWorklist } from '../../web/model/worklist.ts';
import { items, position } from './web-fixtures.ts';

type Message = string | Readonly<Record<string, string>>;
const english = en as Readonly<Record<string, Message>>;
const welsh = cy as Readonly<Record<string, Message>>;
const texts = (m: Message) => (typeof m === 'string' ? [m] : Object.values(m));
const placeholders = (m: Message) => [...new Set(texts(m).flatMap((t) => [...t.matchAll(/\{(\w+)\}/g)].map((x) => x[1]!)))].sort();

describe('the message catalogues', () => {
  it('have the same keys in Welsh and English, none empty', () => {
    expect(Object.keys(welsh).sort()).toEqual(Object.keys(english).sort());
    for (const [id, message] of [...Object.entries(english), ...Object.entries(welsh)]) {
      for (const text of texts(message)) expect(text.trim(), id).not.toBe('');
    }
  });

  it('use the same placeholders in both languages', () => {
    for (const id of Object.keys(english)) {
      const wanted = placeholders(english[id]!);
      if (typeof english[id] !== 'string') wanted.push('count');
      expect(placeholders(welsh[id]!), id).toEqual([...new Set(wanted)].sort());
    }
  });

  it('count in both: English one/other, Welsh every form Intl.PluralRules("cy") can choose', () => {
    expect(new Intl.PluralRules('cy').resolvedOptions().pluralCategories.sort()).toEqual([...WELSH_PLURALS].sort());
    for (const [id, message] of Object.entries(english)) {
      if (typeof message === 'string') continue;
      expect(Object.keys(message).sort(), id).toEqual(['one', 'other']);
      expect(Object.keys(welsh[id] as object).sort(), id).toEqual([...WELSH_PLURALS].sort());
    }
    const m = translator('cy');
    expect([0, 1, 2, 3, 4, 6, 22].map((count) => m.t('chart.homes', { count }))).toEqual([
      '0 cartref',
      '1 cartref',
      '2 gartref',
      '3 chartref',
      '4 cartref',
      '6 chartref',
      '22 cartref',
    ]);
    expect(translator('en').t('chart.homes', { count: 1 })).toBe('1 home');
    expect(translator('en').t('chart.homes', { count: 2 })).toBe('2 homes');
  });

  it('mark the entries to review by a native speaker, each a real key with a reason', () => {
    const marked = Object.entries(forReview);
    for (const [id, why] of marked) {
      expect(english, id).toHaveProperty([id]);
      expect(why!.length, id).toBeGreaterThan(5);
    }
    console.log(`message catalogues: ${Object.keys(english).length} messages in each language, ${marked.length} Welsh entries marked for review`);
    expect(marked.length).toBeGreaterThan(0);
  });

  it('use the glossary’s terms (the same as the API’s): stoc, dyddiau o gyflenwad, cais, danfoniad, prinder, brigiad, coch/ambr/gwyrdd', () => {
    const all = Object.values(welsh).flatMap(texts).join('\n').toLowerCase();
    for (const term of ['stoc', 'dyddiau o gyflenwad', 'cais', 'danfoniad', 'prinder', 'brigiad', 'coch', 'ambr', 'gwyrdd', 'storfa', 'eitem', 'cymeradwyo', 'gwrthod', 'canslo', 'dyrannu', 'rhanbarth', 'statws', 'unedau']) {
      expect(all, term).toContain(term);
    }
    expect(glossary.outbreak).toBe('brigiad');
    expect(glossary['days of supply']).toBe('dyddiau o gyflenwad');
  });

  it('leave no English word in a component or web/model outside the catalogue (what a person reads goes through t())', () => {
    // A rough net under the Chromium test: JSX text of three or more letters, or a sentence in quotes.
    const root = join(import.meta.dirname, '..', '..', 'web');
    const files = ['app', 'app/components', 'model'].flatMap((dir) =>
      readdirSync(join(root, dir))
        .filter((f) => /\.tsx?$/.test(f) && !f.endsWith('.generated.ts'))
        .map((f) => join(root, dir, f)),
    );
    const found: string[] = [];
    for (const file of files) {
      const code = readFileSync(file, 'utf8')
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/\/\/.*$/gm, '');
      const jsxText = [...code.matchAll(/(?<![=-])>\s*([A-Za-z][A-Za-z’' ,.:;!?-]{2,})\s*</g)].map((m) => m[1]!.trim());
      const sentences = [...code.matchAll(/['`]([A-Z][a-z]+(?: [a-z]+){2,}[^'`]*)['`]/g)].map((m) => m[1]!);
      for (const text of [...jsxText, ...sentences]) if (!['Cymraeg', 'English', 'Carestock'].includes(text)) found.push(`${file.slice(root.length)}: ${text}`);
    }
    expect(found).toEqual([]);
  });
});

describe('the page in Welsh', () => {
  const m = translator('cy');

  it('has CLDR’s short weekday and month names (Node’s full ICU; Debian’s Chromium has none for Welsh)', () => {
    const names = (locale: string, field: 'weekday' | 'month', dates: Date[]) =>
      dates.map((d) => new Intl.DateTimeFormat(locale, { timeZone: 'UTC', [field]: 'short' }).format(d)).join(' ');
    const week = Array.from({ length: 7 }, (_, i) => new Date(Date.UTC(2026, 10, 29 + i))); // Sunday first
    const year = Array.from({ length: 12 }, (_, i) => new Date(Date.UTC(2026, i, 1)));
    expect(m.t('date.weekdays')).toBe(names('cy-GB', 'weekday', week));
    expect(m.t('date.months')).toBe(names('cy-GB', 'month', year));
    expect(translator('en').t('date.weekdays')).toBe(names('en-GB', 'weekday', week));
  });

  it('writes dates with the cy-GB weekday and month names, numbers as cy-GB does', () => {
    expect(formatDate('2026-12-03', '2026-12-01', m)).toBe('Iau 3 Rhag');
    expect(formatDate('2027-01-04', '2026-12-01', m)).toBe('Llun 4 Ion 2027');
    expect(formatDays(2, m)).toBe('2 ddiwrnod');
    expect(formatDays(1.5, m)).toBe('1.5 diwrnod');
    expect(formatRunout('2026-12-02T10:00:00Z', 'Europe/London', '2026-12-01', m).text).toBe('yn rhedeg allan yfory');
    expect(formatAge(new Date('2026-12-01T09:57:00Z'), new Date('2026-12-01T10:00:00Z'), m)).toBe('3 munud yn ôl');
    expect(m.number(12345)).toBe(new Intl.NumberFormat('cy-GB').format(12345));
  });

  it('names statuses as word and colour: Coch, Ambr, Gwyrdd, Anhysbys', () => {
    expect(['red', 'amber', 'green', 'unknown'].map((s) => presentStatus(s as 'red', undefined, m).word)).toEqual(['Coch', 'Ambr', 'Gwyrdd', 'Anhysbys']);
    expect(presentStatus('red', undefined, m).className).toBe('status-red');
  });

  it('shows nameCy in Welsh and falls back to the English name, marked as English', () => {
    expect(localName({ name: 'Disposable gloves', nameCy: 'Menig untro' }, 'cy')).toEqual({ text: 'Menig untro', lang: null });
    expect(localName({ name: 'Disposable gloves' }, 'cy')).toEqual({ text: 'Disposable gloves', lang: 'en' });
    expect(localName({ name: 'Disposable gloves', nameCy: 'Menig untro' }, 'en')).toEqual({ text: 'Disposable gloves', lang: null });
    const welshItems = new Map([...items].map(([sku, item]) => [sku, sku === 'APRON' ? { ...item, nameCy: 'Ffedog blastig untro' } : item]));
    const [row] = buildWorklist(
      [{ homeId: 'h', name: 'Tŷ Gwyn Care Home', nameCy: 'Cartref Gofal Tŷ Gwyn', storeId: 's', positions: [position('APRON', { status: 'red', daysOfSupply: 2 })] }],
      { items: welshItems, timeZone: 'Europe/London', today: '2026-11-23', m },
    );
    expect(row).toMatchObject({ name: 'Cartref Gofal Tŷ Gwyn', nameLang: undefined, status: { word: 'Coch' } });
    expect(row!.driving[0]).toMatchObject({ itemName: 'Ffedog blastig untro', daysText: '2 ddiwrnod' });
  });
});

describe('the first language', () => {
  it('is the link’s ?lang=, else the stored choice, else the browser’s first cy or en, else English', () => {
    expect(chooseLanguage('cy', 'en', ['en-GB'])).toBe('cy');
    expect(chooseLanguage(null, 'cy', ['en-GB'])).toBe('cy');
    expect(chooseLanguage(null, 'en', ['cy-GB'])).toBe('en');
    expect(chooseLanguage(null, null, ['cy-GB', 'en-GB'])).toBe('cy');
    expect(chooseLanguage(null, null, ['fr-FR', 'cy'])).toBe('cy');
    expect(chooseLanguage(null, null, ['en-US', 'cy'])).toBe('en');
    expect(chooseLanguage('de', 'xx', ['fr-FR'])).toBe('en');
  });
});
