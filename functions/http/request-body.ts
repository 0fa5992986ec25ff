/**
 * Turns the raw HTTP body into a value to validate: size limit first (413), then the content type
 * (JSON, or CSV where the route accepts it; anything else 415), then syntax (400).
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { parseCsv, CsvError, type ParsedCsv } from './csv.ts';
import { HttpProblem, badRequest, type FieldError } from './problem.ts';

export const DEFAULT_MAX_BODY_BYTES = 64 * 1024;

export type CsvToBody = (table: ParsedCsv) => unknown;

/** The CSV line of each row, kept on a body built from CSV (not enumerable: invisible to validation and JSON). */
export const CSV_LINES = Symbol('csvLines');

export function csvLinesOf(body: unknown): readonly number[] | undefined {
  return body !== null && typeof body === 'object' ? ((body as Record<symbol, number[] | undefined>)[CSV_LINES] ?? undefined) : undefined;
}

export function maxBodyBytes(): number {
  const configured = Number(process.env.MAX_BODY_BYTES);
  return Number.isInteger(configured) && configured > 0 ? configured : DEFAULT_MAX_BODY_BYTES;
}

export function readBody(event: APIGatewayProxyEventV2, csv?: { columns: readonly string[]; toBody: CsvToBody }, bodyLimit?: number): unknown {
  const raw = event.body;
  if (raw === undefined || raw === null || raw === '') return undefined;
  const text = event.isBase64Encoded ? Buffer.from(raw, 'base64').toString('utf8') : raw;
  const limit = bodyLimit ?? maxBodyBytes();
  const size = Buffer.byteLength(text, 'utf8');
  if (size > limit) throw new HttpProblem(413, `The body is ${size} bytes; the limit is ${limit} bytes.`);

  const contentType = (event.headers?.['content-type'] ?? 'application/json').split(';')[0]!.trim().toLowerCase();
  if (contentType === 'application/json' || contentType.endsWith('+json')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      throw badRequest(`The body is not valid JSON: ${(error as Error).message}`);
    }
    refusePrototypeKeys(parsed);
    return parsed;
  }
  if (csv && contentType === 'text/csv') {
    try {
      const table = parseCsv(text, csv.columns);
      const body = csv.toBody(table);
      if (body !== null && typeof body === 'object') Object.defineProperty(body, CSV_LINES, { value: table.rows.map((r) => r.line), enumerable: false });
      return body;
    } catch (error) {
      if (error instanceof CsvError) {
        throw badRequest(`The CSV body is not valid: ${error.message}`, [
          { in: 'body', path: `/line/${error.line}`, message: error.message },
        ]);
      }
      throw error;
    }
  }
  const accepted = csv ? 'application/json or text/csv' : 'application/json';
  throw new HttpProblem(415, `Content type "${contentType}" is not accepted here; send ${accepted}.`);
}

/**
 * JSON.parse keeps a `"__proto__"` key as an own property, but any object built from it by
 * assignment (a zod record, a spread) sets the prototype instead and the entry vanishes: a caps
 * map `{"__proto__": …}` was wiped without a word. Refused here, like any other unknown field.
 */
function refusePrototypeKeys(value: unknown): void {
  const errors: FieldError[] = [];
  const visit = (node: unknown, path: string) => {
    if (node === null || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach((child, index) => visit(child, `${path}/${index}`));
    for (const key of Object.keys(node)) {
      const here = `${path}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
      if (key === '__proto__') errors.push({ in: 'body', path: here, message: 'Unknown field "__proto__".' });
      else visit((node as Record<string, unknown>)[key], here);
    }
  };
  visit(value, '');
  if (errors.length) throw badRequest(`The request body has ${errors.length} invalid field${errors.length === 1 ? '' : 's'}.`, errors);
}
