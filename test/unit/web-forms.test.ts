/** The page's form models: prefills, pack rounding, whole-number checks, discrepancies, caps, error mapping. */
import { describe, expect, it } from 'vitest';
import { approvalFieldFor, buildApprovalRows, checkApproval, checkRejection, linesOverCap, prefillApproval } from '../../web/model/approval-form.ts';
import { buildCountRows, checkCount, countFieldFor, countFromCsv } from '../../web/model/count-form.ts';
import { problemToMessages, readWholeNumber } from '../../web/model/form-fields.ts';
import { buildReceiptRows, checkReceipt, findDiscrepancies, prefillReceipt } from '../../web/model/receipt-form.ts';
import { buildRequestRows, checkRequest, describePacks, prefillRequest, roundUpToPacks, weeklyCap } from '../../web/model/request-form.ts';
import { afterAnswer, keyFor } from '../../web/model/submission.ts';
import { items, position } from './web-fixtures.ts';

const context = { timeZone: 'Europe/London', today: '2026-11-23' };

describe('whole numbers as typed', () => {
  it('reads whole numbers, blanks, and thousands commas; refuses negatives, fractions and words', () => {
    expect(readWholeNumber(' 120 ', 'x')).toEqual({ kind: 'number', value: 120 });
    expect(readWholeNumber('1,200', 'x')).toEqual({ kind: 'number', value: 1200 });
    expect(readWholeNumber('', 'x')).toEqual({ kind: 'blank' });
    expect(readWholeNumber('-5', 'The count')).toEqual({ kind: 'invalid', message: 'The count cannot be negative' });
    expect(readWholeNumber('2.5', 'The count')).toEqual({ kind: 'invalid', message: 'The count must be a whole number' });
    expect(readWholeNumber('ten', 'The count').kind).toBe('invalid');
    expect(readWholeNumber('1e3', 'The count').kind).toBe('invalid');
  });
});

describe('the count form', () => {
  const rows = buildCountRows([position('MASK-IIR', { onHand: 300, projectedOnHand: 241.6, countedAt: '2026-11-22T09:00:00Z' })], items, context);

  it('lists held items first with their last count and expected on-hand, then the rest of the catalogue', () => {
    expect(rows.map((r) => [r.sku, r.held])).toEqual([
      ['MASK-IIR', true],
      ['APRON', false],
      ['GLOVE-NITRILE-M', false],
    ]);
    expect(rows[0]).toMatchObject({ lastCount: '300 on Sun 22 Nov', expected: 'about 242', fieldId: 'count-MASK-IIR' });
    expect(rows[1]).toMatchObject({ lastCount: 'never counted', expected: '—' });
  });

  it('sends only the filled fields; refuses a negative or fractional count, and an empty count, before sending', () => {
    const at = new Date('2026-11-23T10:00:00Z');
    expect(checkCount(rows, { 'MASK-IIR': '120', APRON: '' }, at)).toEqual({ ok: true, post: { countedAt: '2026-11-23T10:00:00.000Z', lines: [{ sku: 'MASK-IIR', onHand: 120 }] } });
    const bad = checkCount(rows, { 'MASK-IIR': '-1', APRON: '2.5' }, at);
    expect(bad).toEqual({
      ok: false,
      errors: [
        { fieldId: 'count-MASK-IIR', message: 'The count of Type IIR surgical mask cannot be negative' },
        { fieldId: 'count-APRON', message: 'The count of Disposable plastic apron must be a whole number' },
      ],
    });
    expect(checkCount(rows, {}, at)).toEqual({ ok: false, errors: [{ fieldId: 'count-MASK-IIR', message: 'Enter a count for at least one item' }] });
  });

  it('puts the API’s field errors on the field of the line they point at', () => {
    const post = { countedAt: 'x', lines: [{ sku: 'APRON', onHand: 1 }, { sku: 'MASK-IIR', onHand: 99_999_999 }] };
    const messages = problemToMessages(
      { status: 400, detail: 'The request is not valid', errors: [{ in: 'body', path: '/lines/1/onHand', message: 'must be at most 10000000' }] },
      countFieldFor(post),
    );
    expect(messages).toEqual([{ fieldId: 'count-MASK-IIR', message: 'must be at most 10000000' }]);
    expect(problemToMessages({ status: 409, detail: 'Try again' }, countFieldFor(post))).toEqual([{ fieldId: null, message: 'Try again' }]);
  });

  it('fills the form from a CSV with sku and onHand columns, naming rows it cannot place', () => {
    const csv = '\uFEFFcountedAt,sku,onHand\r\n2026-11-23T09:00:00Z,MASK-IIR,150\r\n2026-11-23T09:00:00Z,NOPE,3\r\n';
    expect(countFromCsv(csv, rows)).toEqual({ values: { 'MASK-IIR': '150' }, errors: [{ fieldId: 'count-csv', message: 'Row 3: NOPE is not in the catalogue' }] });
    expect(countFromCsv('a,b\n1,2', rows).errors[0]!.message).toContain('sku and onHand');
  });
});

describe('the request form', () => {
  const positions = [position('MASK-IIR', { suggestedOrder: 450 }), position('APRON', { suggestedOrder: 0 })];
  const rows = buildRequestRows(positions, items, { 'MASK-IIR': 420 });

  it('rounds up to whole packs', () => {
    expect(roundUpToPacks(130, 50)).toBe(150);
    expect(roundUpToPacks(150, 50)).toBe(150);
    expect(roundUpToPacks(1, 200)).toBe(200);
    expect(roundUpToPacks(0, 50)).toBe(0);
    expect(describePacks(rows[0]!, 130)).toBe('3 packs of 50 (150)');
  });

  it('prefills the suggested order in whole packs, suggested items first, with the weekly cap where the store set one', () => {
    expect(rows.map((r) => r.sku)).toEqual(['MASK-IIR', 'APRON', 'GLOVE-NITRILE-M']);
    expect(rows[0]).toMatchObject({ suggested: 450, cap: 420 });
    expect(rows[1]!.cap).toBeNull();
    expect(prefillRequest(rows)).toEqual({ 'MASK-IIR': '450', APRON: '', 'GLOVE-NITRILE-M': '' });
    expect(weeklyCap(100, { X: 0.29 }, 'X')).toBe(29);
  });

  it('sends typed quantities rounded up to packs, with the note and date; refuses an empty request and a past date', () => {
    expect(checkRequest(rows, { 'MASK-IIR': '130', APRON: '0' }, { note: ' urgent ', neededBy: '2026-11-25', today: context.today })).toEqual({
      ok: true,
      submission: { lines: [{ sku: 'MASK-IIR', quantity: 150 }], neededBy: '2026-11-25', note: 'urgent' },
    });
    expect(checkRequest(rows, { 'MASK-IIR': '', APRON: '0' }, { note: '', neededBy: '', today: context.today })).toEqual({
      ok: false,
      errors: [{ fieldId: 'request-MASK-IIR', message: 'Enter a quantity for at least one item' }],
    });
    const past = checkRequest(rows, { 'MASK-IIR': '50' }, { note: '', neededBy: '2026-11-01', today: context.today });
    expect(past).toEqual({ ok: false, errors: [{ fieldId: 'request-needed-by', message: 'The needed-by date must be today or later' }] });
  });
});

describe('the receipt form', () => {
  const rows = buildReceiptRows([{ sku: 'MASK-IIR', quantity: 200 }, { sku: 'APRON', quantity: 400 }], items, 'abcdef12-0000');

  it('prefills what was dispatched and lists every line that differs, short or over', () => {
    const values = prefillReceipt(rows);
    expect(values).toEqual({ 'MASK-IIR': '200', APRON: '400' });
    expect(findDiscrepancies(rows, values)).toEqual([]);
    expect(findDiscrepancies(rows, { 'MASK-IIR': '150', APRON: '401' })).toEqual([
      { sku: 'MASK-IIR', name: 'Type IIR surgical mask', dispatched: 200, received: 150 },
      { sku: 'APRON', name: 'Disposable plastic apron', dispatched: 400, received: 401 },
    ]);
  });

  it('needs every line (0 when nothing came) and who received it', () => {
    expect(checkReceipt(rows, { 'MASK-IIR': '150', APRON: '0' }, ' Dafydd ', 'rb')).toEqual({
      ok: true,
      receipt: { receivedBy: 'Dafydd', lines: [{ sku: 'MASK-IIR', quantity: 150 }, { sku: 'APRON', quantity: 0 }] },
    });
    const bad = checkReceipt(rows, { 'MASK-IIR': '', APRON: '-2' }, '', 'rb');
    expect(bad.ok ? [] : bad.errors.map((e) => e.fieldId)).toEqual([rows[0]!.fieldId, rows[1]!.fieldId, 'rb']);
  });
});

describe('the approval form', () => {
  const rows = buildApprovalRows('12345678-aaaa', [{ sku: 'MASK-IIR', quantity: 600 }, { sku: 'APRON', quantity: 400 }], items, { beds: 40, capsPerBedPerWeek: { 'MASK-IIR': 10 } });

  it('prefills what was asked; asks for an override reason exactly when an approved line is above the weekly cap', () => {
    const values = prefillApproval(rows);
    expect(values).toEqual({ 'MASK-IIR': '600', APRON: '400' });
    expect(linesOverCap(rows, values).map((r) => r.sku)).toEqual(['MASK-IIR']);
    expect(checkApproval(rows, values, '', 'ov')).toEqual({ ok: false, errors: [{ fieldId: 'ov', message: 'Give a reason for approving above the weekly cap' }] });
    expect(checkApproval(rows, { 'MASK-IIR': '400', APRON: '400' }, '', 'ov')).toEqual({
      ok: true,
      approval: { lines: [{ sku: 'MASK-IIR', quantity: 400 }, { sku: 'APRON', quantity: 400 }] },
      partial: true,
    });
    expect(checkApproval(rows, values, 'outbreak', 'ov')).toMatchObject({ ok: true, approval: { overrideReason: 'outbreak' }, partial: false });
  });

  it('refuses approving more than asked or nothing at all, and a rejection without a reason', () => {
    expect(checkApproval(rows, { 'MASK-IIR': '700', APRON: '0' }, 'outbreak', 'ov')).toEqual({ ok: false, errors: [{ fieldId: rows[0]!.fieldId, message: 'Approve at most the 600 asked for' }] });
    expect(checkApproval(rows, { 'MASK-IIR': '0', APRON: '' }, '', 'ov')).toMatchObject({ ok: false });
    expect(checkRejection('  ', 'rj')).toEqual({ ok: false, errors: [{ fieldId: 'rj', message: 'Give a reason for rejecting the request' }] });
    expect(approvalFieldFor(rows, { lines: [{ sku: 'APRON', quantity: 1 }] }, 'ov')('/lines/0/quantity')).toBe(rows[1]!.fieldId);
  });
});

describe('one Idempotency-Key per submission', () => {
  let n = 0;
  const make = () => `key-${++n}`;

  it('keeps the key for the same body until the API answers; a new body or an answered submission gets a new key', () => {
    const first = keyFor(null, '{"a":1}', make);
    expect(keyFor(first, '{"a":1}', make).key).toBe(first.key); // double click, or retry after no answer
    expect(keyFor(first, '{"a":2}', make).key).not.toBe(first.key); // the person changed the form
    expect(afterAnswer(first, 0)).toBe(first); // no answer: the retry must reuse the key
    expect(afterAnswer(first, 503)).toBe(first);
    expect(afterAnswer(first, 201)).toBeNull();
    expect(afterAnswer(first, 400)).toBeNull();
  });
});
