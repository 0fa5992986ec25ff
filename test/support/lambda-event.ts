/**
 * Calls a handler in-process, as API Gateway (HTTP API, payload 2.0) would after its JWT authorizer
 * passed: for fault tests that mock the SDK, where no server or table is involved.
 */
import { randomUUID } from 'node:crypto';
import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { roleScopes, type OrgKind } from '../../functions/scopes.ts';

export interface InvokeOptions {
  routeKey: string;
  path: string;
  pathParameters?: Record<string, string>;
  /** `admin`, `store:<id>` or `home:<id>`; a manager's scopes are granted. */
  org: string;
  body?: unknown;
  headers?: Record<string, string>;
}

type Handler = (event: APIGatewayProxyEventV2WithJWTAuthorizer, context: Context) => Promise<APIGatewayProxyStructuredResultV2>;

export async function invoke(handler: Handler, options: InvokeOptions) {
  const role = options.org.split(':')[0] as OrgKind;
  const requestId = randomUUID();
  const event = {
    version: '2.0',
    routeKey: options.routeKey,
    rawPath: options.path,
    rawQueryString: '',
    headers: { 'content-type': 'application/json', ...options.headers },
    pathParameters: options.pathParameters,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
    isBase64Encoded: false,
    requestContext: {
      accountId: 'test',
      apiId: 'test',
      domainName: 'test',
      domainPrefix: 'test',
      http: { method: options.routeKey.split(' ')[0]!, path: options.path, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'vitest' },
      requestId,
      routeKey: options.routeKey,
      stage: '$default',
      time: new Date().toISOString(),
      timeEpoch: Date.now(),
      authorizer: { principalId: '', integrationLatency: 0, jwt: { claims: { sub: 'fault-test', org: options.org }, scopes: [...roleScopes[role].manager] } },
    },
  } as unknown as APIGatewayProxyEventV2WithJWTAuthorizer;
  const context = {
    awsRequestId: requestId,
    functionName: 'fault-test',
    getRemainingTimeInMillis: () => 10_000,
  } as unknown as Context;
  const result = await handler(event, context);
  return { status: result.statusCode, headers: result.headers ?? {}, body: result.body ? JSON.parse(result.body) : undefined };
}
