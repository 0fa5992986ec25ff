/**
 * The document is something tools can drive: every request body has an example the server accepts
 * (its very zod schema) and the document's own schema accepts (Ajv, as an integrator's tool would
 * read it); every problem response has an example of each type it may answer; CSV bodies name their
 * columns; and links lead from an answer to the next step of each flow.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import formats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { buildOpenApi } from '../../functions/openapi/openapi-document.ts';
import { routeKey, routes } from '../../functions/routes.ts';
import type { RouteKey } from '../../functions/schemas/operation.ts';
import { operations } from '../../functions/schemas/operations.ts';

type Json = Record<string, any>;
const { document } = buildOpenApi();
const ajv = new Ajv2020({ strict: false, allErrors: true });
(formats as unknown as (a: Ajv2020) => void)(ajv);
ajv.addSchema(document, 'doc');
const paths = document.paths as Record<string, Record<string, Json>>;
const operationOf = (key: string) => {
  const [method, path] = key.split(' ');
  return paths[path!]![method!.toLowerCase()]!;
};
/** Validates against a schema of the document: a component `$ref`, or a `oneOf` of them. */
const compiled = new Map<string, ReturnType<typeof ajv.compile>>();
const valid = (schema: Json, value: unknown) => {
  const rebase = (ref: Json) => ({ $ref: `doc#/components/schemas/${String(ref.$ref).split('/').pop()}` });
  const key = JSON.stringify(schema);
  let validate = compiled.get(key);
  if (!validate) {
    validate = ajv.compile(schema.oneOf ? { oneOf: (schema.oneOf as Json[]).map(rebase) } : rebase(schema));
    compiled.set(key, validate);
  }
  return validate(value) ? [] : validate.errors;
};

describe('OpenAPI examples and links', () => {
  const withBody = routes.filter((route) => operations.get(routeKey(route) as RouteKey)?.body);

  it.each(withBody.map((route) => routeKey(route)))('%s: its body example is accepted by the server and by the document', (key) => {
    const media = operationOf(key).requestBody.content['application/json'];
    expect(media.example, 'an example').toBeDefined();
    expect(operations.get(key as RouteKey)!.body!.safeParse(media.example).success, 'the handler schema accepts it').toBe(true);
    expect(valid(media.schema, media.example)).toEqual([]);
  });

  it('gives every success response with a body an example, valid against its schema', () => {
    const faults: string[] = [];
    for (const [path, methods] of Object.entries(paths)) {
      for (const [method, operation] of Object.entries(methods)) {
        for (const [status, response] of Object.entries(operation.responses as Record<string, Json>)) {
          if (!status.startsWith('2')) continue;
          for (const [mediaType, media] of Object.entries((response.content ?? {}) as Record<string, Json>)) {
            const where = `${method.toUpperCase()} ${path} ${status} ${mediaType}`;
            if (media.example === undefined) faults.push(`${where}: no example`);
            else if (media.schema.$ref || media.schema.oneOf) {
              const errors = valid(media.schema, media.example);
              if (errors?.length) faults.push(`${where}: ${JSON.stringify(errors).slice(0, 400)}`);
            }
          }
        }
      }
    }
    expect(faults).toEqual([]);
  });

  it('gives every problem response an example of each type it may answer, valid against the response and the type', () => {
    const responses = [
      ...Object.entries((document.components as Json).responses as Record<string, Json>),
      ...Object.entries(document.paths as Record<string, Record<string, Json>>).flatMap(([path, methods]) =>
        Object.entries(methods).flatMap(([method, operation]) =>
          Object.entries(operation.responses as Record<string, Json>).map(([status, response]) => [`${method} ${path} ${status}`, response] as const),
        ),
      ),
    ];
    for (const [name, response] of responses) {
      const problem = response.content?.['application/problem+json'];
      if (!problem) continue;
      const examples = Object.entries(problem.examples as Record<string, Json>);
      expect(examples.length, name).toBeGreaterThan(0);
      for (const [slug, example] of examples) {
        expect(example.value, `${name} ${slug}`).toMatchObject({ type: `https://carestock.example/problems/${slug}`, status: expect.any(Number) });
        expect(valid(problem.schema, example.value), `${name} ${slug}`).toEqual([]);
      }
    }
  });

  it('accepts an empty JSON object where a write takes no body, and says the job bodies may be omitted', () => {
    expect(operationOf('POST /v1/deliveries/{deliveryId}/dispatch').requestBody).toMatchObject({ required: false, content: { 'application/json': { example: {} } } });
    expect(operationOf('POST /v1/jobs/delivery-plan').requestBody.required).toBe(false);
    expect(operationOf('POST /v1/jobs/shortfall-scan').requestBody.required).toBe(false);
    expect(operationOf('POST /v1/homes/{homeId}/requests').requestBody.required).toBe(true);
  });

  it('describes CSV bodies by their columns', () => {
    const csv = operationOf('POST /v1/homes/{homeId}/stock-counts').requestBody.content['text/csv'];
    expect(csv.schema['x-csv-columns'].map((c: Json) => c.name)).toEqual(['countedAt', 'sku', 'onHand', 'reorderLevel', 'targetLevel', 'dailyUsage']);
    expect(csv.schema.contentMediaType).toBe('text/csv');
  });

  it('links a new request to reading, approving and cancelling it', () => {
    const links = operationOf('POST /v1/homes/{homeId}/requests').responses['201'].links;
    for (const target of ['getRequest', 'approveRequest', 'cancelRequest', 'rejectRequest']) {
      expect(links[target], target).toEqual(expect.objectContaining({ operationId: target, parameters: { requestId: '$response.body#/requestId' } }));
    }
  });

  it('links a planned delivery to dispatch and receipt, and a page to the next one', () => {
    const plan = operationOf('POST /v1/stores/{storeId}/delivery-plans').responses['200'].links;
    expect(plan.dispatchDelivery.parameters).toEqual({ deliveryId: '$response.body#/deliveries/0/deliveryId' });
    expect(plan.receiveDelivery.parameters).toEqual({ deliveryId: '$response.body#/deliveries/0/deliveryId' });
    const page = operationOf('GET /v1/homes/{homeId}/requests').responses['200'].links;
    expect(page.nextPage.parameters).toEqual({ homeId: '$request.path.homeId', cursor: '$response.body#/nextCursor' });
  });

  it('says in the schema what the server enforces: trimmed text, distinct rota days, years 2000 to 2100', () => {
    const schemas = (document.components as Json).schemas as Record<string, Json>;
    expect(schemas.HomeInput!.properties.deliveryDays.uniqueItems).toBe(true);
    expect(schemas.HomeInput!.properties.name).toMatchObject({ 'x-trimmed': true, maxLength: 120, pattern: '\\S' });
    const closed = new RegExp(schemas.StoreInput!.properties.closedDates.items.pattern);
    expect(['2000-01-01', '2024-02-29', '2100-12-31'].filter((d) => !closed.test(d))).toEqual([]);
    expect(['1999-12-31', '2101-01-01', '0999-06-21', '2100-02-29', '2023-02-29', '10000-01-01'].filter((d) => closed.test(d))).toEqual([]);
  });
});
