/**
 * RFC 4180 CSV out, for exports a commissioner opens in a spreadsheet as is: a UTF-8 byte-order
 * mark (without it Excel reads UTF-8 as Windows-1252 and "Tŷ Gwyn" arrives as "TÅ· Gwyn"), a
 * header row, CRLF line ends, and quoting only where a value needs it.
 */
export type CsvValue = string | number | null;

const BOM = '\uFEFF';

/**
 * Text that a spreadsheet would run as a formula (=, +, -, @, or a leading tab or CR) gets a
 * leading apostrophe, the OWASP advice against CSV injection. Numbers are written as numbers.
 */
function textCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function quote(cell: string): string {
  return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

function cell(value: CsvValue): string {
  if (value === null) return '';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new RangeError(`A CSV number must be finite, got ${value}`);
    return String(value);
  }
  return quote(textCell(value));
}

export function formatCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  const lines = [header.map((h) => quote(h)).join(',')];
  for (const row of rows) {
    if (row.length !== header.length) throw new RangeError(`A CSV row has ${row.length} cells for ${header.length} columns`);
    lines.push(row.map(cell).join(','));
  }
  return `${BOM}${lines.join('\r\n')}\r\n`;
}
