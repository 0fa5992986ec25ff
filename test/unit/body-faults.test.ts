import { describe, expect, it } from 'vitest';
import { explainBodyErrors, thousandsSeparated } from '../../functions/http/body-faults.ts';
import { instantInputMessage } from '../../functions/schemas/common.ts';

describe('thousandsSeparated', () => {
  it.each([
    ['3,000', '3000'],
    ['1,234,567.5', '1234567.5'],
    ['1.234,5', '1234.5'],
    ['12 000', '12000'],
    ["1'500", '1500'],
  ])('%s → %s', (input, plain) => expect(thousandsSeparated(input)).toBe(plain));

  it.each(['300', '3,00', '1200', 'abc', '3,000,00'])('%s is not a separated number', (input) => expect(thousandsSeparated(input)).toBeUndefined());
});

describe('explainBodyErrors', () => {
  const table = { header: ['countedAt', 'sku', 'onHand'], rows: [{ line: 2, values: {} }, { line: 5, values: {} }] };
  it('names the row, the physical line and the spreadsheet column of a CSV fault', () => {
    expect(explainBodyErrors([{ in: 'body', path: '/lines/1/onHand', message: 'too small' }], { lines: [{}, { onHand: -1 }] }, table)).toEqual([
      { in: 'body', path: '/lines/1/onHand', message: 'row 2 (line 5), column C (onHand): too small' },
    ]);
  });
  it("moves a CSV post's countedAt fault to its first row", () => {
    expect(explainBodyErrors([{ in: 'body', path: '/countedAt', message: 'bad' }], { countedAt: 'x', lines: [] }, table)[0]).toEqual({
      in: 'body',
      path: '/lines/0/countedAt',
      message: 'row 1 (line 2), column A (countedAt): bad',
    });
  });
  it('leaves other parts alone', () => {
    const error = { in: 'query' as const, path: 'limit', message: 'bad' };
    expect(explainBodyErrors([error], {}, table)).toEqual([error]);
  });
});

describe('instantInputMessage', () => {
  it.each([
    ['2026-12-02T08:00:00', 'needs an offset such as Z or +01:00: 2026-12-02T08:00:00Z for UTC'],
    ['2026-12-02T08:00', 'needs an offset such as Z or +01:00: 2026-12-02T08:00:00Z for UTC'],
    ['2026-12-02', 'needs a time and an offset, e.g. 2026-12-02T08:00:00Z'],
    ['2026-12-02T08:00Z', 'needs seconds, e.g. 2026-03-10T08:00:00Z'],
    ['1999-12-02T08:00:00Z', 'must be in the years 2000 to 2100'],
    ['2026-02-30T08:00:00Z', 'is not a real date and time: check the day of the month, the hour and the offset'],
  ])('%s: %s', (input, message) => expect(instantInputMessage(input)).toBe(message));
});
