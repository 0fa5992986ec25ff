/**
 * Routes grouped into functions (lib/function-groups.ts): every route of the table is served by
 * exactly one function, in the template and in that function's generated entry; a group's table
 * grant is exactly the widest access its routes declare (read-only groups never get writes); and a
 * group's entry really dispatches on the route key to the route's own handler.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Context } from 'aws-lambda';
import { CarestockStack } from '../../lib/carestock-stack.ts';
import { functionGroups, groupEntrySource, groupOf, writeGroupEntry } from '../../lib/function-groups.ts';
import { routeKey, routes } from '../../functions/routes.ts';
import { TABLE_WRITE_ACTIONS } from '../../lib/table-grants.ts';

const cdkJson = JSON.parse(readFileSync('cdk.json', 'utf8')) as { context: Record<string, unknown> };
let template: ReturnType<Template['toJSON']>;
let stack: CarestockStack;

beforeAll(() => {
  const app = new App({ context: { ...cdkJson.context, 'aws:cdk:bundling-stacks': [] } });
  stack = new CarestockStack(app, 'Carestock', { env: { account: '123456789012', region: 'eu-west-2' } });
  template = Template.fromStack(stack).toJSON();
});

const resourcesOf = (type: string) => Object.entries(template.Resources as Record<string, { Type: string; Properties: Record<string, any> }>).filter(([, r]) => r.Type === type);

describe('routes grouped into functions', () => {
  it('puts every route in exactly one group', () => {
    const groups = functionGroups();
    for (const route of routes) {
      expect(groups.filter((g) => g.routes.includes(route)).map((g) => g.name), routeKey(route)).toEqual([groupOf(route)]);
    }
    expect(groups.flatMap((g) => g.routes)).toHaveLength(routes.length);
  });

  it('serves every route from exactly one function in the template, and that function’s entry maps the route to its handler', () => {
    const functionIds = new Map(
      [...stack.httpApi.functions.entries()].map(([name, fn]) => [stack.getLogicalId(fn.node.defaultChild as never), name]),
    );
    const integrations = new Map(resourcesOf('AWS::ApiGatewayV2::Integration').map(([id, r]) => [id, r.Properties.IntegrationUri['Fn::GetAtt'][0] as string]));
    const apiRoutes = resourcesOf('AWS::ApiGatewayV2::Route');
    for (const route of routes) {
      const matching = apiRoutes.filter(([, r]) => r.Properties.RouteKey === routeKey(route));
      expect(matching, routeKey(route)).toHaveLength(1);
      const integrationId = JSON.stringify(matching[0]![1].Properties.Target).match(/"Ref":"([^"]+)"/)![1]!;
      const groupName = functionIds.get(integrations.get(integrationId)!);
      expect(groupName, routeKey(route)).toBe(groupOf(route));
      const source = groupEntrySource(functionGroups().find((g) => g.name === groupName)!);
      const mapped = source.split('\n').filter((line) => line.startsWith(`  ${JSON.stringify(routeKey(route))}:`));
      expect(mapped, routeKey(route)).toHaveLength(1);
      const alias = mapped[0]!.split(': ')[1]!.replace(',', '');
      expect(source).toContain(`import { handler as ${alias} } from '../../functions/handlers/${route.handler}.ts';`);
    }
  });

  it('grants each group the widest table access of its routes, and read-only groups no writes', () => {
    const policies = resourcesOf('AWS::IAM::Policy');
    for (const group of functionGroups()) {
      const fn = stack.httpApi.functions.get(group.name)!;
      const roleId = stack.getLogicalId(fn.role!.node.defaultChild as never);
      const actions = policies
        .filter(([, p]) => p.Properties.Roles.some((r: { Ref: string }) => r.Ref === roleId))
        .flatMap(([, p]) => p.Properties.PolicyDocument.Statement.flatMap((s: { Action: string | string[] }) => [s.Action].flat()));
      const writes = actions.filter((a: string) => (TABLE_WRITE_ACTIONS as readonly string[]).includes(a));
      const reads = actions.filter((a: string) => a === 'dynamodb:Query');
      expect(writes.length > 0, group.name).toBe(group.routes.some((r) => r.table === 'readwrite'));
      expect(reads.length > 0, group.name).toBe(group.routes.some((r) => r.table !== 'none'));
      expect(actions.includes('events:PutEvents'), group.name).toBe(group.routes.some((r) => r.alerts));
    }
  });

  it('dispatches on the route key to the route’s own handler, and answers 404 for a route it does not serve', async () => {
    const publicGroup = functionGroups().find((g) => g.name === 'public')!;
    mkdirSync('.build', { recursive: true });
    const entry = writeGroupEntry(publicGroup, mkdtempSync(resolve('.build', 'test-entry-')));
    const { handler } = (await import(pathToFileURL(entry).href)) as { handler: (event: unknown, context: Context) => Promise<{ statusCode: number; headers?: Record<string, string>; body?: string }> };
    const context = { awsRequestId: 'test-request', getRemainingTimeInMillis: () => 10_000 } as unknown as Context;
    const event = (key: string) => ({ routeKey: key, rawPath: key.split(' ')[1], requestContext: { requestId: 'r', http: { method: 'GET', path: key.split(' ')[1] } }, headers: {}, isBase64Encoded: false });
    const health = await handler(event('GET /v1/health'), context);
    expect(health.statusCode).toBe(200);
    const other = await handler(event('GET /v1/items'), context);
    expect(other.statusCode).toBe(404);
    expect(other.headers?.['content-type']).toBe('application/problem+json');
  });
});
