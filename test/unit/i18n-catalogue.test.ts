/**
 * Issue #19: the message catalogues, one per language, keyed by message id. Every key in both, no
 * empty text, the same placeholders on both sides (a Welsh text that drops `{sku}` would hide what
 * is wrong), every problem type with a Welsh title; and Accept-Language negotiation (RFC 9110).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PROBLEM_SLUGS } from '../../functions/http/problem-types.ts';
import { negotiateLocale } from '../../functions/i18n/locale.ts';
import { cy, type WelshEntry } from '../../functions/i18n/messages.cy.ts';
import { en, type MessageText } from '../../functions/i18n/messages.en.ts';
import { message } from '../../functions/i18n/messages.ts';

const textOf = (entry: WelshEntry): MessageText => (typeof entry === 'object' && 'review' in entry ? entry.text : entry);
const texts = (text: MessageText): string[] => (typeof text === 'string' ? [text] : [text.one, text.other]);
const placeholders = (text: MessageText) => new Set(texts(text).flatMap((s) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1])));
const forReview = Object.entries(cy).filter(([, entry]) => typeof entry === 'object' && 'review' in entry);

describe('message catalogues', () => {
  it('have the same keys in English and Welsh', () => {
    expect(Object.keys(cy).filter((k) => !(k in en))).toEqual([]);
    expect(Object.keys(en).filter((k) => !(k in cy))).toEqual([]);
  });

  it('have no empty text in either language, and no review mark without its reason', () => {
    for (const [id, text] of Object.entries(en)) for (const s of texts(text)) expect(s.trim(), id).not.toBe('');
    for (const [id, entry] of Object.entries(cy)) for (const s of texts(textOf(entry))) expect(s.trim(), id).not.toBe('');
    for (const [id, entry] of forReview) expect((entry as { review: string }).review.trim(), id).not.toBe('');
  });

  it('use the same placeholders in both languages', () => {
    for (const id of Object.keys(en) as (keyof typeof en)[]) expect([...placeholders(textOf(cy[id]))].sort(), id).toEqual([...placeholders(en[id])].sort());
  });

  it('give every problem type a Welsh title, not the English one', () => {
    for (const slug of PROBLEM_SLUGS) {
      const welsh = message('cy', `problem.${slug}.title`);
      expect(welsh, slug).toBeTruthy();
      expect(welsh, slug).not.toBe(message('en', `problem.${slug}.title`));
    }
  });

  it('fills parameters and chooses the plural by count', () => {
    expect(message('en', 'validation.invalidFields', { part: 'request body', count: 1 })).toBe('The request body has 1 invalid field.');
    expect(message('en', 'validation.invalidFields', { part: 'request body', count: 2 })).toBe('The request body has 2 invalid fields.');
    expect(message('cy', 'notFound.store', { storeId: 'cardiff-jes' })).toBe('Dim storfa "cardiff-jes".');
  });

  it('reports its size and what is marked for review (the closing note quotes these)', () => {
    console.log(`catalogues: ${Object.keys(en).length} messages in English, ${Object.keys(cy).length} in Welsh, ${forReview.length} marked for review`);
    expect(forReview.length).toBeGreaterThan(0);
  });
});

describe('Accept-Language (RFC 9110 §12.5.4)', () => {
  it.each([
    [undefined, 'en'],
    ['', 'en'],
    ['cy', 'cy'],
    ['CY', 'cy'],
    ['cy-GB', 'cy'],
    ['en-GB', 'en'],
    ['en;q=0.5, cy', 'cy'],
    ['en, cy;q=0.9', 'en'],
    ['cy, en', 'cy'],
    ['en, cy', 'en'],
    ['fr', 'en'],
    ['fr, cy;q=0.1', 'cy'],
    ['cy;q=0', 'en'],
    ['cy;q=0, *', 'en'],
    ['*', 'en'],
    ['fr;q=1, *;q=0.5', 'en'],
    ['cy-GB;q=0.8, en-US;q=0.7', 'cy'],
    ['de-DE, fr;q=0.9, cy-GB;q=0.3, en;q=0.2', 'cy'],
    ['cy;q=abc, en', 'en'],
    ['!!!', 'en'],
  ])('%s → %s', (header, expected) => {
    expect(negotiateLocale(header)).toBe(expected);
  });

  it('never throws and always answers a supported language, whatever the header', () => {
    fc.assert(fc.property(fc.string(), (header) => ['en', 'cy'].includes(negotiateLocale(header))));
  });
});
