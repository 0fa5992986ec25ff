/**
 * The OpenAPI 3.1 document, generated from the route table (paths, scopes, tags, summaries) and
 * the operation fragments (the zod schemas the handlers validate with). Nothing here is a
 * hand-written copy of a schema. Only the openapi-document handler, `npm run openapi` and the
 * tests import this: it would add every resource's schemas to every bundle.
 */
import packageJson from '../../package.json' with { type: 'json' };
import { pageQueryShape } from '../data/pagination.ts';
import { routeKey, routes, type RouteDefinition } from '../routes.ts';
import type * as z from 'zod/mini';
import { scopeDescriptions } from '../scopes.ts';
import type { CsvBody, OperationSpec, ProblemStatus, ResponseSpec, RouteKey } from '../schemas/operation.ts';
import { operations as allOperations } from '../schemas/operations.ts';
import { gatewayError, problemSchemaId, problemTypeSchemas } from '../schemas/problem.ts';
import { webhookEventSchemas, webhookHeaders } from '../schemas/webhook-events.ts';
import { PROBLEM_SLUGS, PROBLEM_TYPES } from '../http/problem-types.ts';
import { addResponseExamples } from './response-examples.ts';
import { SchemaComponents, schemaDescription, schemaExamples, type Json } from './schema-components.ts';
import { problemResponses, securitySchemes, tagDescriptions, type DocumentedStatus, type ProblemText } from './document-text.ts';

export interface OpenApiOptions {
  /** Where the API is; `/` (the host that serves the document) by default. */
  serverUrl?: string;
  /** The Cognito domain, e.g. `https://carestock-123.auth.eu-west-2.amazoncognito.com`. */
  authBaseUrl?: string;
  /** For tests: another route table or operation set. */
  routes?: readonly RouteDefinition[];
  operations?: ReadonlyMap<RouteKey, OperationSpec>;
}

export interface GeneratedDocument {
  document: Json;
  /** What keeps the document from being complete and true; the coverage test requires none. */
  issues: string[];
}

const PROBLEM_JSON = 'application/problem+json';
const RETRY_AFTER: Json = { description: 'Seconds to wait before retrying', schema: { type: 'integer', minimum: 0 } };
/** Issue #19: every operation takes Accept-Language; every answer in a language says which. */
const LANGUAGE_HEADERS: Json = {
  'Content-Language': { $ref: '#/components/headers/ContentLanguage' },
  Vary: { $ref: '#/components/headers/VaryAcceptLanguage' },
};
const headerComponents: Json = {
  ContentLanguage: {
    description: 'The language the text of this answer is in (`title`, `detail` and field errors of a problem; an import’s message; an export’s headers and words): `cy` or `en`.',
    schema: { type: 'string', enum: ['cy', 'en'] },
    example: 'cy',
  },
  VaryAcceptLanguage: {
    description: '`Accept-Language`: the answer depends on it, so a cache keeps one per language.',
    schema: { type: 'string' },
    example: 'Accept-Language',
  },
};
const acceptLanguage: Json = {
  name: 'Accept-Language',
  in: 'header',
  required: false,
  description:
    'The language of the answer’s text (RFC 9110 §12.5.4): `cy` for Welsh, `en` for English, with weights (`cy-GB, en;q=0.5`). ' +
    'A region subtag counts as its language (`cy-GB` is Welsh); `q=0` refuses one; the highest weight wins, the first listed on a tie. ' +
    'Absent, or naming only languages we do not have: English. `Content-Language` says which answered. ' +
    'Field names, ids, codes and status values stay as they are in either language.',
  schema: { type: 'string', maxLength: 256 },
  examples: { welsh: { value: 'cy' }, weighted: { value: 'en;q=0.5, cy' } },
};

export function buildOpenApi(options: OpenApiOptions = {}): GeneratedDocument {
  const routeTable = options.routes ?? routes;
  const operations = options.operations ?? allOperations;
  const schemas = new SchemaComponents();
  const issues: string[] = [];
  const used = { responses: new Set<DocumentedStatus>(), parameters: new Set<string>() };
  // One schema per catalogued problem type; a status's problem+json is one of the types it has.
  const problemRefs = new Map(PROBLEM_SLUGS.map((slug) => [slug, schemas.ref(problemTypeSchemas[slug], 'output', `problem ${slug}`)]));
  const slugsWithStatus = (status: number) => PROBLEM_SLUGS.filter((slug) => PROBLEM_TYPES[slug].status === status);
  const gatewayRef = schemas.ref(gatewayError, 'output', 'GatewayError');

  const paths: Record<string, Record<string, Json>> = {};
  const operationIds = new Set<string>();
  for (const route of routeTable) {
    const key = routeKey(route) as RouteKey;
    const spec = operations.get(key);
    if (!spec) {
      // Left out rather than guessed at: the document only says what the schemas say.
      issues.push(`${key}: route without a documented operation (add it to an operations fragment)`);
      continue;
    }
    const operationId = spec.operationId ?? route.handler.replace(/-(\w)/g, (_, c: string) => c.toUpperCase());
    if (operationIds.has(operationId)) issues.push(`${key}: operationId "${operationId}" is used twice; set operationId`);
    operationIds.add(operationId);

    const parameters = [
      ...pathParameters(route, spec, key),
      ...queryParameters(spec, key),
      ...(spec.idempotencyKey ? [{ $ref: '#/components/parameters/IdempotencyKey' }] : []),
      { $ref: '#/components/parameters/AcceptLanguage' },
    ];
    paths[route.path] ??= {};
    paths[route.path]![route.method.toLowerCase()] = {
      operationId,
      summary: route.summary,
      description: [spec.description, route.scope ? `Needs the scope \`${route.scope}\`.` : 'Public: no token needed.']
        .filter(Boolean)
        .join('\n\n'),
      tags: [route.tag],
      security: route.scope ? [{ cognito: [route.scope] }, { bearer: [route.scope] }] : [],
      ...(parameters.length ? { parameters } : {}),
      ...(spec.body ? { requestBody: requestBody(spec, key) } : takesEmptyBody(route) ? { requestBody: emptyRequestBody() } : {}),
      responses: { ...successResponses(spec, key), ...problemsFor(route, spec) },
    };
  }
  for (const key of operations.keys()) {
    if (!routeTable.some((route) => routeKey(route) === key)) issues.push(`${key}: documented operation without a route`);
  }

  const idempotencyKey = [...operations.values()].find((o) => o.idempotencyKey)?.idempotencyKey;
  const parameterComponents: Record<string, Json> = {
    AcceptLanguage: acceptLanguage,
    ...(used.parameters.has('PageLimit') && {
      PageLimit: {
        name: 'limit',
        in: 'query',
        description: 'How many items a page holds at most (default 25).',
        schema: schemas.parameter(pageQueryShape.limit, 'PageLimit'),
      },
    }),
    ...(used.parameters.has('PageCursor') && {
      PageCursor: {
        name: 'cursor',
        in: 'query',
        description: "The previous page's `nextCursor`, as it was: opaque, valid only for the same list and caller.",
        schema: schemas.parameter(pageQueryShape.cursor, 'PageCursor'),
      },
    }),
    ...(idempotencyKey && {
      IdempotencyKey: {
        name: 'Idempotency-Key',
        in: 'header',
        required: false,
        description:
          'Makes a retry safe. The same key with the same body within 24 hours replays the first response and creates nothing; ' +
          'the same key with a different body is refused with 422; a retry while the first is still being processed gets 409.',
        schema: schemas.parameter(idempotencyKey, 'IdempotencyKey'),
      },
    }),
  };

  const document: Json = {
    openapi: '3.1.0',
    info: {
      title: 'Carestock API',
      version: packageJson.version,
      summary: 'PPE stock, requests and deliveries for care homes and the Joint Equipment Stores that serve them.',
      description:
        'JSON over HTTPS; errors are RFC 9457 problem documents (`application/problem+json`) naming every invalid field; ' +
        'lists page with `limit` and an opaque `cursor`. Every route but this document and the health check needs an OAuth 2 ' +
        "access token from the Carestock Cognito user pool, carrying the caller's organisation in its `org` claim. " +
        'Answers in Welsh or English: send `Accept-Language: cy` for Welsh problem titles, details and field errors (and Welsh CSV exports, or `?lang=cy`); ' +
        '`Content-Language` says which language answered. Items, stores, homes and regions may carry a Welsh name, `nameCy`.',
    },
    servers: [{ url: options.serverUrl ?? '/', description: 'The host that serves this document' }],
    tags: [...new Set(routeTable.filter((r) => operations.has(routeKey(r) as RouteKey)).map((r) => r.tag))].map((name) => ({ name, description: tagDescriptions[name] })),
    paths,
    webhooks: webhookOperations(),
    components: {
      securitySchemes: securitySchemes(options.authBaseUrl ?? 'https://carestock.auth.eu-west-2.amazoncognito.com', scopeDescriptions),
      parameters: parameterComponents,
      headers: headerComponents,
      responses: Object.fromEntries(
        [...used.responses].sort().map((status) => [problemResponses[status].name, problemResponse(problemResponses[status], status)]),
      ),
      schemas: {},
    },
  };
  (document.components as Json).schemas = schemas.finish(document);
  addLinks(document);
  addResponseExamples(document);
  return { document, issues: [...issues, ...schemas.issues] };

  /**
   * OpenAPI 3.1's `webhooks`: what Carestock POSTs to a subscriber, one operation per event type,
   * with the Standard Webhooks headers. Subscribing is `POST /v1/homes/{homeId}/webhooks` (or a store's).
   */
  function webhookOperations(): Record<string, Json> {
    const headers = Object.entries(webhookHeaders).map(([name, description]) => ({ name, in: 'header', required: true, description, schema: { type: 'string' } }));
    return Object.fromEntries(
      Object.entries(webhookEventSchemas).map(([type, schema]) => {
        const example = schemaExamples(schema)?.[0];
        return [
          type,
          {
            post: {
              operationId: `webhook${type.replace(/(^|\.)(\w)/g, (_, __, c: string) => c.toUpperCase())}`,
              summary: `\`${type}\` to a subscribed endpoint`,
              description:
                `${schemaDescription(schema) ?? ''} Sent to every subscription of the home, and of the store serving it at the time, that asked for \`${type}\`. ` +
                'Signed per Standard Webhooks; sent at once, then retried 5 s, 5 min, 30 min, 2 h, 5 h and 10 h after each failure (deployed, each retry within a minute of that), then the delivery and the subscription are `failing`.',
              tags: ['webhooks'],
              // Not an OAuth call: the receiver authenticates Carestock by the signature (webhook-signature).
              security: [],
              parameters: headers,
              requestBody: { required: true, content: { 'application/json': { schema: schemas.ref(schema, 'output', `webhook ${type}`), ...(example ? { example } : {}) } } },
              responses: {
                '200': { description: 'Received. Any 2xx acknowledges the delivery; anything else, a redirect or no answer within 10 seconds is retried.' },
                '400': { description: 'Refused (a bad signature, an old timestamp): retried until the schedule is spent, then `failing`.' },
              },
            },
          },
        ];
      }),
    );
  }

  function pathParameters(route: RouteDefinition, spec: OperationSpec, key: string): Json[] {
    const names = [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
    const shape = objectShape(spec.params);
    const declared = Object.keys(shape ?? {});
    if (spec.params && !shape) issues.push(`${key}: params must be a z.strictObject`);
    if ([...declared].sort().join() !== [...names].sort().join()) {
      issues.push(`${key}: params declare [${declared}] but the path has [${names}]`);
    }
    return names.map((name) => {
      const schema = shape?.[name];
      const json = schema ? schemas.parameter(schema, `${key} path ${name}`) : { type: 'string' };
      return parameter(name, 'path', true, json);
    });
  }

  function queryParameters(spec: OperationSpec, key: string): Json[] {
    if (!spec.query) return [];
    const shape = objectShape(spec.query);
    if (!shape) {
      issues.push(`${key}: query must be a z.strictObject`);
      return [];
    }
    const required = new Set((schemas.convert(spec.query, 'input', `${key} query`).required ?? []) as string[]);
    return Object.entries(shape).map(([name, schema]) => {
      if (schema === pageQueryShape.limit || schema === pageQueryShape.cursor) {
        const component = schema === pageQueryShape.limit ? 'PageLimit' : 'PageCursor';
        used.parameters.add(component);
        return { $ref: `#/components/parameters/${component}` };
      }
      return parameter(name, 'query', required.has(name), schemas.parameter(schema, `${key} query ${name}`));
    });
  }

  function requestBody(spec: OperationSpec, key: string): Json {
    const example = schemaExamples(spec.body!)?.[0];
    if (example === undefined) issues.push(`${key}: the body schema has no example; register one: .register(z.globalRegistry, { id, examples: [...] })`);
    const content: Json = {
      'application/json': { schema: schemas.ref(spec.body!, 'input', `${key} body`), ...(example !== undefined && { example }) },
    };
    let description = schemaDescription(spec.body!) ?? 'The request body.';
    if (spec.csv) {
      const columns = spec.csv.columns
        .map((c) => `| \`${c.name}\` | ${c.required ? 'yes' : 'no'} | ${c.description} |`)
        .join('\n');
      description +=
        '\n\nAlso accepted as `text/csv` (RFC 4180): a header row naming the columns (any order, any case), then one row a line.' +
        (spec.csv.description ? ` ${spec.csv.description}` : '') +
        `\n\n| column | required | meaning |\n|---|---|---|\n${columns}`;
      content['text/csv'] = { schema: csvSchema(spec.csv), example: spec.csv.example };
    }
    // A body the schema lets a client leave out (a default of `{}`) is documented as optional.
    return { required: !spec.body!.safeParse(undefined).success, description, content };
  }

  function emptyRequestBody(): Json {
    return {
      required: false,
      description: 'No body is needed; an empty JSON object (`{}`, which many HTTP clients send by default) is accepted too.',
      content: { 'application/json': { schema: { type: 'object', maxProperties: 0 }, example: {} } },
    };
  }

  function successResponses(spec: OperationSpec, key: string): Record<string, Json> {
    const out: Record<string, Json> = {};
    for (const [status, value] of Object.entries(spec.responses)) {
      const response: ResponseSpec =
        value && '_zod' in value ? { schema: value, description: schemaDescription(value) ?? 'Success' } : (value as ResponseSpec);
      const headers = {
        ...Object.fromEntries(Object.entries(response.headers ?? {}).map(([name, description]) => [name, { description, schema: { type: 'string' } }])),
        ...(spec.localized && LANGUAGE_HEADERS),
        ...(spec.idempotencyKey && {
          'Idempotent-Replayed': {
            description: '`true` when this is the first answer to the same Idempotency-Key and body, replayed; absent otherwise.',
            schema: { type: 'string', enum: ['true'] },
          },
        }),
      };
      out[status] = {
        description: response.description,
        ...(Object.keys(headers).length > 0 && { headers }),
        ...(response.schema && {
          content: { [response.mediaType ?? 'application/json']: { schema: schemas.ref(response.schema, 'output', `${key} ${status}`) } },
        }),
      };
    }
    if (Object.keys(out).length === 0) issues.push(`${key}: no success response documented`);
    return out;
  }

  function problemsFor(route: RouteDefinition, spec: OperationSpec): Record<string, Json> {
    // 400 everywhere: an operation without input still refuses a body it does not take. 429, 500
    // and 503 everywhere: API Gateway throttles, and answers for a function that failed or timed out.
    const statuses = new Set<DocumentedStatus>([400, 429, 500, 503]);
    if (route.scope) [401, 403].forEach((s) => statuses.add(s as ProblemStatus));
    if (spec.body || takesEmptyBody(route)) [413, 415].forEach((s) => statuses.add(s as ProblemStatus));
    if (spec.idempotencyKey) [409, 422].forEach((s) => statuses.add(s as ProblemStatus));
    for (const status of Object.keys(spec.problems ?? {})) statuses.add(Number(status) as ProblemStatus);

    const out: Record<string, Json> = {};
    for (const status of [...statuses].sort()) {
      const general = problemResponses[status];
      const own = status === 429 ? undefined : spec.problems?.[status];
      const idempotent = spec.idempotencyKey && (status === 409 || status === 422) ? general.idempotency : undefined;
      if (own || idempotent) {
        // request-in-flight, the 409 of a route with an Idempotency-Key, says when to come back.
        const headers = idempotent && status === 409 ? { ...general.headers, 'Retry-After': RETRY_AFTER } : general.headers;
        out[status] = problemResponse({ ...general, ...(headers && { headers }), description: [own, idempotent].filter(Boolean).join(' ') }, status);
      } else {
        used.responses.add(status);
        out[status] = { $ref: `#/components/responses/${general.name}` };
      }
    }
    return out;
  }

  function problemResponse(text: ProblemText, status: DocumentedStatus): Json {
    const slugs = slugsWithStatus(status);
    const types = slugs.map((slug) => problemRefs.get(slug)!);
    const examples = Object.fromEntries(
      slugs.map((slug) => [slug, { summary: PROBLEM_TYPES[slug].title, value: schemaExamples(problemTypeSchemas[slug])![0] }]),
    );
    return {
      description: slugs.length ? `${text.description}\n\nProblem types: ${slugs.map((slug) => `\`${slug}\``).join(', ')}.` : text.description,
      // API Gateway's own answers carry no language; ours do.
      ...((text.headers || text.gateway !== 'only') && { headers: { ...text.headers, ...(text.gateway !== 'only' && LANGUAGE_HEADERS) } }),
      content: {
        ...(text.gateway !== 'only' && {
          [PROBLEM_JSON]: { schema: types.length === 1 ? types[0] : { oneOf: types }, examples },
        }),
        ...(text.gateway && { 'application/json': { schema: gatewayRef, ...(text.gatewayExample && { example: text.gatewayExample }) } }),
      },
    };
  }
}

/** Writes without a JSON body still accept `{}`: many HTTP clients send it whenever they POST. */
function takesEmptyBody(route: RouteDefinition): boolean {
  return route.method !== 'GET';
}

/** The `text/csv` form of a body: a string whose columns are listed, machine-readable, in `x-csv-columns`. */
function csvSchema(csv: CsvBody): Json {
  return {
    type: 'string',
    contentMediaType: 'text/csv',
    description:
      'RFC 4180 CSV, UTF-8: a header row naming the columns (any order, any case), then one row per line. Columns: ' +
      csv.columns.map((c) => `\`${c.name}\`${c.required ? ' (required)' : ''}`).join(', ') + '.',
    'x-csv-columns': csv.columns.map((c) => ({ name: c.name, required: c.required, description: c.description })),
  };
}

function parameter(name: string, where: 'path' | 'query', required: boolean, schema: Json): Json {
  const { description, ...rest } = schema;
  return { name, in: where, required, ...(description ? { description } : {}), schema: rest };
}

function objectShape(schema: unknown): Record<string, z.ZodMiniType> | undefined {
  const shape = (schema as { shape?: unknown } | undefined)?.shape;
  return shape && typeof shape === 'object' ? (shape as Record<string, z.ZodMiniType>) : undefined;
}

export const openApiDocument = (options: Pick<OpenApiOptions, 'serverUrl' | 'authBaseUrl'> = {}): Json => buildOpenApi(options).document;

interface LinkTarget {
  operationId: string;
  path: string;
  method: string;
  pathNames: string[];
  pages: boolean;
  /** The path parameter naming the thing the operation reads or acts on. */
  actsOn: string | undefined;
}

/**
 * OpenAPI links, derived from the finished document so a new operation gets them without a word.
 * The id of the thing an answer is about (its first property, when that is an `…Id`: a request's
 * `requestId`, a delivery's `deliveryId`; at the top, or in the first element of a list such as
 * `items` or `deliveries`) leads to the operations on that thing: those whose path ends in it (read,
 * replace) and the POSTs one segment below it (approve, cancel, dispatch, receipt…). A page's
 * `nextCursor` leads to the next page of the same list.
 */
function addLinks(document: Json): void {
  const paths = document.paths as Record<string, Record<string, Json>>;
  const components = (document.components as Json).schemas as Record<string, Json>;
  const resolve = (schema: Json | undefined): Json | undefined => {
    const ref = schema?.$ref;
    return typeof ref === 'string' ? resolve(components[ref.split('/').pop()!]) : schema;
  };
  const targets: LinkTarget[] = [];
  for (const [path, methods] of Object.entries(paths)) {
    for (const [method, operation] of Object.entries(methods)) {
      const pathNames = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
      const actsOn = /\{(\w+)\}$/.exec(path)?.[1] ?? (method === 'post' ? /\{(\w+)\}\/[\w.-]+$/.exec(path)?.[1] : undefined);
      const pages = ((operation.parameters ?? []) as Json[]).some((p) => p.$ref === '#/components/parameters/PageCursor');
      targets.push({ operationId: operation.operationId as string, path, method, pathNames, pages, actsOn });
    }
  }
  for (const source of targets) {
    const operation = paths[source.path]![source.method]!;
    for (const [status, response] of Object.entries(operation.responses as Record<string, Json>)) {
      if (!status.startsWith('2')) continue;
      const body = resolve((response.content as Record<string, Json> | undefined)?.['application/json']?.schema as Json | undefined);
      if (!body || body.type !== 'object') continue;
      const revealed = idsIn(body, resolve);
      const links: Record<string, Json> = {};
      for (const target of targets) {
        const fromBody = target.pathNames.filter((name) => revealed.has(name) && !source.pathNames.includes(name));
        if (fromBody.length === 0 || !target.actsOn || !fromBody.includes(target.actsOn)) continue;
        if (!target.pathNames.every((name) => revealed.has(name) || source.pathNames.includes(name))) continue;
        links[target.operationId] = {
          operationId: target.operationId,
          parameters: Object.fromEntries(
            target.pathNames.map((name) => [name, fromBody.includes(name) ? `$response.body#${revealed.get(name)}` : `$request.path.${name}`]),
          ),
          description: `Use the ${fromBody.join(' and ')} this answer carries.`,
        };
      }
      if (source.pages && (body.properties as Json | undefined)?.nextCursor) {
        links.nextPage = {
          operationId: source.operationId,
          parameters: {
            ...Object.fromEntries(source.pathNames.map((name) => [name, `$request.path.${name}`])),
            cursor: '$response.body#/nextCursor',
          },
          description: 'The next page of the same list (only while `nextCursor` is not null); other query parameters as sent.',
        };
      }
      if (Object.keys(links).length) response.links = links;
    }
  }
}

/** The own id of an answer (its first property, if an `…Id`) and of its lists' elements, with JSON Pointers to them. */
function idsIn(body: Json, resolve: (schema: Json | undefined) => Json | undefined): Map<string, string> {
  const found = new Map<string, string>();
  const ownId = (schema: Json | undefined) => {
    const first = Object.keys((schema?.properties ?? {}) as Json)[0];
    return first && /Id$/.test(first) ? first : undefined;
  };
  const own = ownId(body);
  if (own) found.set(own, `/${own}`);
  for (const [name, schema] of Object.entries((body.properties ?? {}) as Record<string, Json>)) {
    const inner = ownId(resolve(schema.type === 'array' ? (schema.items as Json) : undefined));
    if (inner && !found.has(inner)) found.set(inner, `/${name}/0/${inner}`);
  }
  return found;
}
