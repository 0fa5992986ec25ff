// RFC 4180 CSV for bulk stock uploads, because stores keep spreadsheets. No dependency.
// Lenient where spreadsheets differ harmlessly (LF or CRLF, BOM, blank and all-empty rows, a quote inside an
// unquoted field is literal); strict where a guess could misread stock (unterminated quote, text after a closing
// quote, ragged rows, unknown or duplicate columns). Values are returned exactly as written: trimming and
// number parsing belong to the schema that validates them.
import { t } from '../i18n/messages.ts';

export class CsvError extends Error {
  override readonly name = 'CsvError';
  /** 1-based physical line where the problem starts (the header is line 1 unless blank lines precede it). */
  readonly line: number;

  constructor(line: number, message: string) {
    super(message);
    this.line = line;
  }
}

export interface CsvRow {
  /** 1-based physical line where the record starts (a quoted field may span several lines). */
  line: number;
  values: Record<string, string>;
}

export interface ParsedCsv {
  header: string[];
  rows: CsvRow[];
}

interface RawRecord {
  line: number;
  fields: string[];
  anyQuoted: boolean;
}

function isLineBreak(c: string | undefined): boolean {
  return c === '\n' || c === '\r';
}

function* records(text: string): Generator<RawRecord> {
  const n = text.length;
  let i = 0;
  let line = 1;
  while (i < n) {
    const start = line;
    const fields: string[] = [];
    let anyQuoted = false;
    for (;;) {
      let value = '';
      if (text[i] === '"') {
        anyQuoted = true;
        const opened = line;
        i++;
        for (;;) {
          if (i >= n) throw new CsvError(opened, t('csv.unterminatedQuote'));
          const c = text[i] as string;
          if (c === '"') {
            if (text[i + 1] === '"') {
              value += '"';
              i += 2;
              continue;
            }
            i++;
            break;
          }
          if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) line++;
          value += c;
          i++;
        }
        if (i < n && text[i] !== ',' && !isLineBreak(text[i])) {
          throw new CsvError(line, t('csv.textAfterQuote'));
        }
      } else {
        let j = i;
        while (j < n && text[j] !== ',' && !isLineBreak(text[j])) j++;
        value = text.slice(i, j);
        i = j;
      }
      fields.push(value);
      if (i < n && text[i] === ',') {
        i++;
        continue;
      }
      if (i < n) {
        i += text[i] === '\r' && text[i + 1] === '\n' ? 2 : 1;
        line++;
      }
      break;
    }
    yield { line: start, fields, anyQuoted };
  }
}

// Spreadsheets export trailing blank rows as ",,,,": treated like empty lines.
function isBlank(r: RawRecord): boolean {
  return !r.anyQuoted && r.fields.every((f) => f.trim() === '');
}

function canonicalHeader(raw: string[], line: number, knownColumns?: readonly string[]): string[] {
  const known = knownColumns && new Map(knownColumns.map((c) => [c.toLowerCase(), c]));
  const seen = new Set<string>();
  return raw.map((field, index) => {
    const name = field.trim();
    if (name === '') throw new CsvError(line, t('csv.unnamedColumn', { index: index + 1 }));
    const canonical = known ? known.get(name.toLowerCase()) : name;
    if (canonical === undefined) {
      throw new CsvError(line, t('csv.unknownColumn', { name, expected: (knownColumns ?? []).join(', ') }));
    }
    if (seen.has(canonical.toLowerCase())) throw new CsvError(line, t('csv.repeatedColumn', { name }));
    seen.add(canonical.toLowerCase());
    return canonical;
  });
}

/**
 * Parses CSV with a header row. With knownColumns, header names are matched case-insensitively and
 * returned in their canonical spelling (e.g. "COUNTEDAT" → "countedAt"); any other column is an error.
 */
export function parseCsv(text: string, knownColumns?: readonly string[]): ParsedCsv {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let header: string[] | undefined;
  const rows: CsvRow[] = [];
  for (const record of records(body)) {
    if (isBlank(record)) continue;
    if (header === undefined) {
      header = canonicalHeader(record.fields, record.line, knownColumns);
      continue;
    }
    if (record.fields.length !== header.length) {
      throw new CsvError(record.line, t('csv.raggedRow', { expected: header.length, found: record.fields.length }));
    }
    const columns = header;
    rows.push({ line: record.line, values: Object.fromEntries(record.fields.map((v, k) => [columns[k] as string, v])) });
  }
  if (header === undefined) throw new CsvError(1, t('csv.empty'));
  return { header, rows };
}
