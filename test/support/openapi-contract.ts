/**
 * Responses checked against the OpenAPI document — in tests, never in production handlers. Every
 * `api().request(...)` of every integration test and every call of the typed client passes through
 * here, so a handler that answers with a status, media type or body the document does not describe
 * fails the test that saw it. The check reads the generated document itself (JSON Schema 2020-12,
 * with Ajv), not the zod schemas, so it proves what integrators are told.
 */
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import formats from 'ajv-formats';
import { matchRoute } from '../../bin/local/api-gateway-adapter.ts';
import { openApiDocument } from '../../functions/openapi/openapi-document.ts';
import { PROBLEM_SLUGS, PROBLEM_TYPES, problemSlugOf } from '../../functions/http/problem-types.ts';
import { problemSchemaId } from '../../functions/schemas/problem.ts';

type Json = Record<string, unknown>;
interface Media {
  schema?: Json;
}
interface ResponseObject {
  description: string;
  content?: Record<string, Media>;
  $ref?: string;
}

const DOCUMENT_ID = 'urn:carestock:openapi';
const addFormats = formats as unknown as (ajv: Ajv2020) => void;

let contract: { document: Json; ajv: Ajv2020; validators: Map<string, ValidateFunction> } | undefined;

function load() {
  if (!contract) {
    const document = openApiDocument();
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(ajv);
    ajv.addSchema(document, DOCUMENT_ID, undefined, false);
    contract = { document, ajv, validators: new Map() };
  }
  return contract;
}

export interface ObservedResponse {
  status: number;
  contentType: string | null;
  /** Parsed JSON when the response was JSON, else the text. */
  body: unknown;
}

/** Why the response contradicts the document, or undefined when it does not. */
export function contractViolation(method: string, url: string, response: ObservedResponse): string | undefined {
  const { document } = load();
  const path = new URL(url, 'http://localhost').pathname;
  const matched = matchRoute(method.toUpperCase(), path);
  const name = `${method.toUpperCase()} ${path} → ${response.status}`;
  const problem = problemViolation(name, response);
  if (problem) return problem;

  if (typeof matched !== 'object') {
    // No route, or not this method (404): answered by the gateway as a problem.
    return response.status >= 400 ? checkBody(name, 'problem', problemMedia(document), response) : undefined;
  }
  const paths = document.paths as Record<string, Record<string, { responses: Record<string, ResponseObject> } | undefined>>;
  const operation = paths[matched.route.path]?.[matched.route.method.toLowerCase()];
  // A route still without an operation is the coverage test's failure, not every caller's.
  if (!operation) return undefined;

  const documented = operation.responses[String(response.status)];
  if (!documented) {
    return `${name}: the document lists no ${response.status} for ${matched.route.method} ${matched.route.path} (it lists ${Object.keys(operation.responses).join(', ')})`;
  }
  const resolved = resolveResponse(document, documented);
  if (!resolved.content) {
    return response.body === '' || response.body === undefined ? undefined : `${name}: documented without a body, but one came`;
  }
  const mediaType = (response.contentType ?? '').split(';')[0]!.trim().toLowerCase();
  const media = resolved.content[mediaType];
  if (!media) return `${name}: answered "${mediaType}", the document says ${Object.keys(resolved.content).join(' or ')}`;
  return checkBody(name, `${matched.route.method} ${matched.route.path} ${response.status} ${mediaType}`, media, response);
}

/** Throws (failing the test) when the response contradicts the document. */
export function assertResponseMatchesDocument(method: string, url: string, response: ObservedResponse): void {
  const violation = contractViolation(method, url, response);
  if (violation) throw new Error(`Response does not match the OpenAPI document: ${violation}`);
}

function checkBody(name: string, key: string, media: Media, response: ObservedResponse): string | undefined {
  if (!media.schema) return undefined;
  const { ajv, validators } = load();
  let validate = validators.get(key);
  if (!validate) {
    validate = ajv.compile(rebase(media.schema) as Json);
    validators.set(key, validate);
  }
  if (validate(response.body)) return undefined;
  const errors = (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}${e.params ? ` ${JSON.stringify(e.params)}` : ''}`);
  return `${name}: body does not match its schema:\n  ${errors.join('\n  ')}\nbody: ${JSON.stringify(response.body).slice(0, 2000)}`;
}

function resolveResponse(document: Json, response: ResponseObject): ResponseObject {
  if (!response.$ref) return response;
  const name = response.$ref.replace('#/components/responses/', '');
  return ((document.components as Json).responses as Record<string, ResponseObject>)[name]!;
}

function problemMedia(document: Json): Media {
  const schemas = (document.components as Json).schemas as Json;
  const ids = PROBLEM_SLUGS.map(problemSchemaId);
  const absent = ids.filter((id) => !schemas[id]);
  if (absent.length) throw new Error(`the document has no ${absent.join(', ')} schema`);
  return { schema: { oneOf: ids.map((id) => ({ $ref: `#/components/schemas/${id}` })) } };
}

/**
 * Every problem must name a catalogued type (functions/http/problem-types.ts), with that type's
 * status, and validate against that type's own schema in the document: a new cause answered
 * without a catalogue entry fails whichever test provoked it.
 */
export function problemViolation(name: string, response: ObservedResponse): string | undefined {
  if (!/^application\/problem\+json/i.test(response.contentType ?? '')) return undefined;
  const body = response.body as Json;
  const slug = problemSlugOf(body?.type);
  if (!slug) return `${name}: problem type ${JSON.stringify(body?.type)} is not in the catalogue (functions/http/problem-types.ts)`;
  if (PROBLEM_TYPES[slug].status !== response.status) {
    return `${name}: problem type "${slug}" is catalogued with status ${PROBLEM_TYPES[slug].status}, answered with ${response.status}`;
  }
  if (body.status !== response.status) return `${name}: the problem's status member says ${String(body.status)}`;
  return checkBody(name, `problem ${slug}`, { schema: { $ref: `#/components/schemas/${problemSchemaId(slug)}` } }, response);
}

/** Local refs (`#/components/...`) point into the document registered with Ajv. */
function rebase(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(rebase);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k, k === '$ref' && typeof v === 'string' && v.startsWith('#') ? DOCUMENT_ID + v : rebase(v)]),
  );
}
