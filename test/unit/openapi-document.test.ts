/**
 * What the generator makes of the features no route uses yet, on a made-up route: the
 * Idempotency-Key header and its 409/422, a CSV body, and a schema that reads differently as
 * input and as output (published twice, so neither direction lies).
 */
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { buildOpenApi } from '../../functions/openapi/openapi-document.ts';
import { idempotencyKey } from '../../functions/schemas/common.ts';
import type { OperationSpec, RouteKey } from '../../functions/schemas/operation.ts';
import { routes, type RouteDefinition } from '../../functions/routes.ts';

const route: RouteDefinition = {
  method: 'POST',
  path: '/v1/widgets/{widgetId}',
  handler: 'post-widget',
  scope: 'carestock/admin',
  table: 'readwrite',
  tag: 'requests',
  summary: 'Make a widget',
};
const widgetInput = z
  .object({ size: z._default(z.int(), 3) })
  .register(z.globalRegistry, { id: 'TestWidget', description: 'A widget', examples: [{ size: 4 }] });
const widgetOperation: OperationSpec = {
  params: z.strictObject({ widgetId: z.string() }),
  body: widgetInput,
  csv: { columns: [{ name: 'size', required: false, description: 'How big' }], example: 'size\n4\n' },
  idempotencyKey,
  responses: { 201: { schema: widgetInput, description: 'Made' } },
};

const { document, issues } = buildOpenApi({
  routes: [...routes.filter((r) => r.scope === null), route],
  operations: new Map<RouteKey, OperationSpec>([
    ['GET /v1/health', { responses: {} }],
    ['GET /v1/openapi.json', { responses: {} }],
    ['POST /v1/widgets/{widgetId}', widgetOperation],
  ]),
});
const paths = document.paths as Record<string, Record<string, any>>;
const components = document.components as Record<string, Record<string, any>>;
const operation = paths['/v1/widgets/{widgetId}']!.post;

describe('OpenAPI generator', () => {
  it('documents the Idempotency-Key header and what 409 and 422 mean with it', () => {
    expect(operation.parameters).toContainEqual({ $ref: '#/components/parameters/IdempotencyKey' });
    expect(components.parameters!.IdempotencyKey).toMatchObject({ name: 'Idempotency-Key', in: 'header', required: false });
    expect(operation.responses['409'].description).toMatch(/still being processed/);
    expect(operation.responses['422'].description).toMatch(/different body/);
  });

  it('offers text/csv beside JSON, with its columns and an example', () => {
    expect(Object.keys(operation.requestBody.content)).toEqual(['application/json', 'text/csv']);
    expect(operation.requestBody.description).toMatch(/\| `size` \| no \| How big \|/);
    expect(operation.requestBody.content['text/csv'].example).toBe('size\n4\n');
    expect(operation.requestBody.content['text/csv'].schema['x-csv-columns']).toEqual([{ name: 'size', required: false, description: 'How big' }]);
  });

  it('shows the body schema\'s example, and reports a body without one', () => {
    expect(operation.requestBody.content['application/json'].example).toEqual({ size: 4 });
    const bare = z.strictObject({ n: z.int() }).register(z.globalRegistry, { id: 'TestBare', description: 'No example' });
    const { issues: bareIssues } = buildOpenApi({
      routes: [route],
      operations: new Map<RouteKey, OperationSpec>([['POST /v1/widgets/{widgetId}', { ...widgetOperation, body: bare, csv: undefined }]]),
    });
    expect(bareIssues).toContain('POST /v1/widgets/{widgetId}: the body schema has no example; register one: .register(z.globalRegistry, { id, examples: [...] })');
  });

  it('publishes a schema that differs as input and output under two names', () => {
    expect(operation.requestBody.content['application/json'].schema).toEqual({ $ref: '#/components/schemas/TestWidgetInput' });
    expect(operation.responses['201'].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/TestWidget' });
    expect(components.schemas!.TestWidget.required).toEqual(['size']);
    expect(components.schemas!.TestWidgetInput.required).toBeUndefined();
    expect(issues.filter((issue) => issue.includes('widget'))).toEqual([]);
  });
});
