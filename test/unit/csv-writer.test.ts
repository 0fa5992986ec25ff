import { describe, expect, it } from 'vitest';
import { formatCsv } from '../../functions/http/csv-writer.ts';
import { parseCsv } from '../../functions/http/csv.ts';

describe('CSV for spreadsheets', () => {
  it('writes a BOM, a header row and CRLF lines, quoting only where needed', () => {
    const csv = formatCsv(['name', 'onHand', 'daysOfSupply'], [
      ['Tŷ Gwyn', 100, 1.67],
      ['Plas "Newydd", Cardiff', 0, null],
    ]);
    expect(csv).toBe('\uFEFFname,onHand,daysOfSupply\r\nTŷ Gwyn,100,1.67\r\n"Plas ""Newydd"", Cardiff",0,\r\n');
  });

  it('defuses text a spreadsheet would run as a formula, but not numbers', () => {
    const csv = formatCsv(['a', 'b', 'c', 'd'], [['=SUM(A1)', '+44 29', '@cmd', -3]]);
    expect(csv.split('\r\n')[1]).toBe("'=SUM(A1),'+44 29,'@cmd,-3");
  });

  it('round-trips through the project’s CSV parser', () => {
    const rows = [
      ['a\nb', 'x,y', '"q"'],
      ['', 'plain', 'ŵ ŷ â'],
    ];
    const parsed = parseCsv(formatCsv(['one', 'two', 'three'], rows));
    expect(parsed.rows.map((r) => [r.values.one, r.values.two, r.values.three])).toEqual(rows);
  });

  it('refuses ragged rows and non-finite numbers', () => {
    expect(() => formatCsv(['a', 'b'], [['x']])).toThrow(RangeError);
    expect(() => formatCsv(['a'], [[Number.NaN]])).toThrow(RangeError);
  });
});
