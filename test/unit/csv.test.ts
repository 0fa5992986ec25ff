import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { CsvError, parseCsv } from '../../functions/http/csv.ts';

const stockColumns = ['countedAt', 'sku', 'onHand', 'reorderLevel', 'targetLevel', 'dailyUsage'];

function csvError(run: () => unknown): CsvError {
  try {
    run();
  } catch (e) {
    if (e instanceof CsvError) return e;
    throw e;
  }
  throw new Error('expected a CsvError');
}

describe('parseCsv', () => {
  it('parses a header and rows, numbering physical lines', () => {
    const text = 'countedAt,sku,onHand\n2025-03-10T08:00:00Z,MASK-IIR,100\n2025-03-10T08:00:00Z,APRON,0\n';
    expect(parseCsv(text)).toEqual({
      header: ['countedAt', 'sku', 'onHand'],
      rows: [
        { line: 2, values: { countedAt: '2025-03-10T08:00:00Z', sku: 'MASK-IIR', onHand: '100' } },
        { line: 3, values: { countedAt: '2025-03-10T08:00:00Z', sku: 'APRON', onHand: '0' } },
      ],
    });
  });

  it('accepts CRLF, a BOM and no trailing newline', () => {
    expect(parseCsv('\uFEFFsku,onHand\r\nAPRON,5\r\nVISOR,6')).toEqual({
      header: ['sku', 'onHand'],
      rows: [
        { line: 2, values: { sku: 'APRON', onHand: '5' } },
        { line: 3, values: { sku: 'VISOR', onHand: '6' } },
      ],
    });
  });

  it('skips empty lines and the all-empty rows spreadsheets export, keeping line numbers true', () => {
    const parsed = parseCsv('\nsku,onHand\n\nAPRON,5\n,\n  ,\nVISOR,6\n\n');
    expect(parsed.rows).toEqual([
      { line: 4, values: { sku: 'APRON', onHand: '5' } },
      { line: 7, values: { sku: 'VISOR', onHand: '6' } },
    ]);
  });

  it('keeps a quoted empty row: it was written on purpose', () => {
    expect(parseCsv('note\n""\n').rows).toEqual([{ line: 2, values: { note: '' } }]);
  });

  it('reads quoted fields with commas, escaped quotes and line breaks', () => {
    const text = 'sku,note\n"GOWN-FR","size L, ""long"" fit"\n"VISOR","line one\r\nline two"\nAPRON,x\n';
    expect(parseCsv(text).rows).toEqual([
      { line: 2, values: { sku: 'GOWN-FR', note: 'size L, "long" fit' } },
      { line: 3, values: { sku: 'VISOR', note: 'line one\r\nline two' } },
      { line: 5, values: { sku: 'APRON', note: 'x' } },
    ]);
  });

  it('keeps values exactly as written, including spaces and an empty last field', () => {
    expect(parseCsv('a,b,c\n 1 ,x y,\n').rows[0]?.values).toEqual({ a: ' 1 ', b: 'x y', c: '' });
  });

  it('reads a quote inside an unquoted field literally', () => {
    expect(parseCsv('name\n5" visor\n').rows[0]?.values).toEqual({ name: '5" visor' });
  });

  it('matches known columns case-insensitively and returns their canonical names', () => {
    const parsed = parseCsv(' COUNTEDAT , Sku,onhand,DailyUsage\n2025-03-10T08:00:00Z,APRON,5,2.5\n', stockColumns);
    expect(parsed.header).toEqual(['countedAt', 'sku', 'onHand', 'dailyUsage']);
    expect(parsed.rows[0]?.values).toEqual({ countedAt: '2025-03-10T08:00:00Z', sku: 'APRON', onHand: '5', dailyUsage: '2.5' });
  });

  it('stores a header named __proto__ as an ordinary key', () => {
    const values = parseCsv('__proto__\nx\n').rows[0]?.values;
    expect(Object.keys(values ?? {})).toEqual(['__proto__']);
  });

  it.each<[string, string, number, RegExp]>([
    ['an unknown column', 'sku,onHand,colour\nAPRON,5,blue\n', 1, /unknown column "colour".*countedAt/],
    ['a duplicate column', 'sku,SKU\nA,B\n', 1, /twice/],
    ['an unnamed column', 'sku,,onHand\nA,,1\n', 1, /column 2 has no name/],
    ['a row with too few fields', 'sku,onHand\nAPRON,5\nVISOR\n', 3, /expected 2 fields.*found 1/],
    ['a row with too many fields', 'sku,onHand\n\nAPRON,5,6\n', 3, /expected 2 fields.*found 3/],
    ['an unterminated quote', 'sku,onHand\nAPRON,5\n"VISOR,6\nGOWN,7\n', 3, /unterminated/],
    ['text after a closing quote', 'sku,onHand\n"APRON"x,5\n', 2, /after a closing quote/],
    ['an empty file', '', 1, /empty/],
    ['a file of only a BOM and blank lines', '\uFEFF\r\n\r\n', 1, /empty/],
  ])('throws a CsvError on %s, with its line', (_, text, line, message) => {
    const error = csvError(() => parseCsv(text, text.includes('colour') ? stockColumns : undefined));
    expect(error.line).toBe(line);
    expect(error.message).toMatch(message);
    expect(error.name).toBe('CsvError');
  });
});

// ---- round trip ---------------------------------------------------------------------------------------------

function quote(value: string): string {
  // Blank values are quoted too, so a row of them is not read back as an empty line.
  return /[",\r\n]/.test(value) || value.trim() === '' ? `"${value.replaceAll('"', '""')}"` : value;
}

const arbText = fc.oneof(
  fc.string(),
  fc.string({ unit: fc.constantFrom('a', 'Z', '1', ' ', ',', '"', '\n', '\r', '\r\n', 'é', '\u{1F9E4}', '\uFEFF') }),
);

const arbName = fc.string({ minLength: 1, maxLength: 12 }).filter((s) => s.trim() === s && s !== '' && !s.startsWith('\uFEFF'));

const arbTable = fc
  .uniqueArray(arbName, { minLength: 1, maxLength: 6, selector: (s) => s.toLowerCase() })
  .chain((header) =>
    fc.record({
      header: fc.constant(header),
      rows: fc.array(fc.array(arbText, { minLength: header.length, maxLength: header.length }), { maxLength: 15 }),
      eol: fc.constantFrom('\n', '\r\n'),
      trailingEol: fc.boolean(),
      bom: fc.boolean(),
    }),
  );

describe('parseCsv round trip', () => {
  it('parses back what was serialised with quoting, at the lines it was written on', () => {
    fc.assert(
      fc.property(arbTable, ({ header, rows, eol, trailingEol, bom }) => {
        const lines = [header, ...rows].map((fields) => fields.map(quote).join(','));
        const text = (bom ? '\uFEFF' : '') + lines.join(eol) + (trailingEol ? eol : '');

        const expectedLines: number[] = [];
        let line = 1;
        for (const l of lines) {
          expectedLines.push(line);
          line += (l.match(/\r\n|\r|\n/g)?.length ?? 0) + 1;
        }

        const parsed = parseCsv(text);
        expect(parsed.header).toEqual(header);
        expect(parsed.rows).toEqual(
          rows.map((fields, i) => ({
            line: expectedLines[i + 1],
            values: Object.fromEntries(fields.map((v, k) => [header[k], v])),
          })),
        );
      }),
    );
  });
});
