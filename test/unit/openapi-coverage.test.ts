/**
 * The document is complete and true to the code: every route has a documented operation and every
 * operation a route; the generator finds nothing it cannot say; and each handler validates with
 * the very schema objects its operation documents (not look-alikes that could drift).
 */
import { describe, expect, it } from 'vitest';
import type * as z from 'zod/mini';
import { buildOpenApi } from '../../functions/openapi/openapi-document.ts';
import { routeKey, routes, type RouteDefinition } from '../../functions/routes.ts';
import type { OperationSpec, RouteKey } from '../../functions/schemas/operation.ts';
import { operations } from '../../functions/schemas/operations.ts';

// Importing the handlers builds their SDK clients and loggers: keep the run quiet.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
process.env.POWERTOOLS_LOG_LEVEL = 'SILENT';

interface ExposedSpec {
  params?: z.ZodMiniType;
  query?: z.ZodMiniType;
  body?: z.ZodMiniType;
  csv?: { columns: readonly string[] };
}

describe('OpenAPI coverage', () => {
  it('documents every route, and documents no operation without a route', () => {
    const routeKeys = routes.map(routeKey);
    expect({
      routesWithoutOperation: routeKeys.filter((key) => !operations.has(key as RouteKey)),
      operationsWithoutRoute: [...operations.keys()].filter((key) => !routeKeys.includes(key)),
    }).toEqual({ routesWithoutOperation: [], operationsWithoutRoute: [] });
  });

  it('generates the document with nothing left unsaid (named bodies, matching path parameters, no unrepresentable types)', () => {
    expect(buildOpenApi().issues).toEqual([]);
  });

  it('documents each route once, under its path and method, with its scope', () => {
    const { document } = buildOpenApi();
    const paths = document.paths as Record<string, Record<string, { security: Record<string, string[]>[] }>>;
    for (const route of routes) {
      const operation = paths[route.path]?.[route.method.toLowerCase()];
      expect(operation, routeKey(route)).toBeDefined();
      expect(operation!.security, routeKey(route)).toEqual(route.scope ? [{ cognito: [route.scope] }, { bearer: [route.scope] }] : []);
    }
    const documented = Object.values(paths).reduce((n, methods) => n + Object.keys(methods).length, 0);
    expect(documented).toBe(routes.length);
  });

  it('reports a route without an operation, and an operation without a route', () => {
    const extraRoute: RouteDefinition = { ...routes[0]!, method: 'DELETE', path: '/v1/nowhere' };
    const extraOperation: OperationSpec = { responses: {} };
    const { issues } = buildOpenApi({
      routes: [...routes, extraRoute],
      operations: new Map([...operations, ['POST /v1/ghost', extraOperation]]),
    });
    expect(issues).toContain('DELETE /v1/nowhere: route without a documented operation (add it to an operations fragment)');
    expect(issues).toContain('POST /v1/ghost: documented operation without a route');
  });

  describe.each(routes.map((route) => [routeKey(route), route] as const))('%s', (key, route) => {
    it('its handler validates with the schemas the document describes', async () => {
      const module = (await import(`../../functions/handlers/${route.handler}.ts`)) as { handler: { spec?: ExposedSpec } };
      const spec = module.handler.spec;
      const operation = operations.get(key as RouteKey);
      expect(spec, 'the handler is built with httpHandler').toBeDefined();
      expect(operation, 'the route has an operation').toBeDefined();
      expect(spec!.params, 'params').toBe(operation!.params);
      expect(spec!.query, 'query').toBe(operation!.query);
      expect(spec!.body, 'body').toBe(operation!.body);
      expect(spec!.csv?.columns ?? [], 'CSV columns').toEqual(operation!.csv?.columns.map((c) => c.name) ?? []);
    });
  });
});
