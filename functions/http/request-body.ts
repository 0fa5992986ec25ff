/**
 * Turns the raw HTTP body into a value to validate: size limit first (413), then the content type
 * (JSON, or CSV where the route accepts it; anything else 415), then syntax (400).
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { parseCsv, CsvError, type ParsedCsv } from './csv.ts';
import { explainBodyErrors } from './body-faults.ts';
import { HttpProblem, badRequest, type FieldError } from './problem.ts';
import { invalidFieldsDetail, parseOrThrow } from './validation.ts';
import type { z } from 'zod/mini';
import { t } from '../i18n/messages.ts';

export const DEFAULT_MAX_BODY_BYTES = 64 * 1024;

export type CsvToBody = (table: ParsedCsv) => unknown;

export function maxBodyBytes(): number {
  const configured = Number(process.env.MAX_BODY_BYTES);
  return Number.isInteger(configured) && configured > 0 ? configured : DEFAULT_MAX_BODY_BYTES;
}

/** The table each CSV body was read from, so its faults can be named by row and column. */
const csvTables = new WeakMap<object, ParsedCsv>();

/** Validates the body read by readBody; its faults say how to fix them (functions/http/body-faults.ts). */
export function parseBodyOrThrow<S extends z.ZodMiniType>(schema: S, body: unknown): z.infer<S> {
  try {
    return parseOrThrow(schema, body, 'body');
  } catch (error) {
    if (!(error instanceof HttpProblem) || !error.errors) throw error;
    throw badRequest(error.message, explainBodyErrors(error.errors, body, csvTableOf(body)));
  }
}

/** The CSV table a body was read from, if it was. */
export const csvTableOf = (body: unknown): ParsedCsv | undefined => (body !== null && typeof body === 'object' ? csvTables.get(body) : undefined);

/** `bodyLimit`: a route's own limit (imports take up to 1 MB), else MAX_BODY_BYTES. */
export function readBody(event: APIGatewayProxyEventV2, csv?: { columns: readonly string[]; toBody: CsvToBody }, bodyLimit?: number): unknown {
  const raw = event.body;
  if (raw === undefined || raw === null || raw === '') return undefined;
  const text = event.isBase64Encoded ? Buffer.from(raw, 'base64').toString('utf8') : raw;
  const limit = bodyLimit ?? maxBodyBytes();
  const size = Buffer.byteLength(text, 'utf8');
  if (size > limit) throw new HttpProblem('payload-too-large', t('body.tooLarge', { size, limit }));

  const contentType = (event.headers?.['content-type'] ?? 'application/json').split(';')[0]!.trim().toLowerCase();
  if (contentType === 'application/json' || contentType.endsWith('+json')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      throw new HttpProblem('malformed-body', t('body.invalidJson', { reason: (error as Error).message }));
    }
    refusePrototypeKeys(parsed);
    return parsed;
  }
  if (csv && contentType === 'text/csv') {
    try {
      const table = parseCsv(text, csv.columns);
      const body = csv.toBody(table);
      if (body !== null && typeof body === 'object') csvTables.set(body, table);
      return body;
    } catch (error) {
      if (error instanceof CsvError) {
        throw new HttpProblem('malformed-body', t('body.invalidCsv', { reason: error.message }), {
          errors: [{ in: 'body', path: `/line/${error.line}`, message: error.message }],
        });
      }
      throw error;
    }
  }
  const accepted = t(csv ? 'body.acceptsJsonOrCsv' : 'body.acceptsJson');
  throw new HttpProblem('unsupported-media-type', t('body.unsupportedType', { contentType, accepted }));
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
      if (key === '__proto__') errors.push({ in: 'body', path: here, message: t('validation.unknownField', { key: '__proto__' }) });
      else visit((node as Record<string, unknown>)[key], here);
    }
  };
  visit(value, '');
  if (errors.length) throw badRequest(invalidFieldsDetail('body', errors.length), errors);
}
