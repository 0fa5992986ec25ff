/**
 * Calls a route's handler in this process with the API Gateway (payload 2.0) event it would get on
 * AWS, after the authorizer: no HTTP, no JWT verification (API Gateway does that, not the Lambda).
 * What it times is the function's own work: middy, validation, tenancy, domain code and its
 * DynamoDB calls. The same request objects drive autocannon, so both measure the same requests.
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { localLambdaContext, matchRoute } from '../bin/local/api-gateway-adapter.ts';
import { LOCAL_CLIENT_ID, LOCAL_ISSUER } from '../bin/local/local-auth.ts';
import { routeKey } from '../functions/routes.ts';

export interface Caller {
  /** As in the token's org claim: `admin`, `store:<id>`, `home:<id>`. */
  org: string;
  scopes: readonly string[];
  token: string;
}

export interface BenchRequest {
  method: string;
  /** Path and query string. */
  path: string;
  headers: Record<string, string>;
  body?: string;
  caller: Caller | null;
}

export interface BenchResponse {
  statusCode: number;
  body: string;
}

type Handler = (event: APIGatewayProxyEventV2WithJWTAuthorizer, context: Context) => Promise<APIGatewayProxyStructuredResultV2>;

const handlersDirectory = join(import.meta.dirname, '..', 'functions', 'handlers');
const loaded = new Map<string, Promise<Handler>>();

const loadHandler = (name: string) => {
  let handler = loaded.get(name);
  if (!handler) {
    handler = import(pathToFileURL(join(handlersDirectory, `${name}.ts`)).href).then((m) => m.handler as Handler);
    loaded.set(name, handler);
  }
  return handler;
};

export async function invokeDirect(request: BenchRequest): Promise<BenchResponse> {
  const url = new URL(request.path, 'http://localhost');
  const matched = matchRoute(request.method, url.pathname);
  if (matched === undefined || matched === 'method-not-allowed') throw new Error(`no route for ${request.method} ${url.pathname}`);
  const { route, params } = matched;
  const handler = await loadHandler(route.handler);
  const requestId = randomUUID();
  const headers = Object.fromEntries(Object.entries(request.headers).map(([k, v]) => [k.toLowerCase(), v]));
  const now = Math.floor(Date.now() / 1000);
  const event = {
    version: '2.0',
    routeKey: routeKey(route),
    rawPath: url.pathname,
    rawQueryString: url.search.slice(1),
    headers,
    queryStringParameters: url.search ? Object.fromEntries(url.searchParams) : undefined,
    pathParameters: Object.keys(params).length ? params : undefined,
    body: request.body,
    isBase64Encoded: false,
    requestContext: {
      accountId: 'bench',
      apiId: 'bench',
      domainName: 'localhost',
      domainPrefix: 'localhost',
      http: { method: route.method, path: url.pathname, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'carestock-bench' },
      requestId,
      routeKey: routeKey(route),
      stage: '$default',
      time: new Date().toISOString(),
      timeEpoch: Date.now(),
      authorizer: request.caller
        ? {
            principalId: '',
            integrationLatency: 0,
            jwt: {
              claims: {
                org: request.caller.org,
                scope: request.caller.scopes.join(' '),
                sub: `bench-${request.caller.org}`,
                client_id: LOCAL_CLIENT_ID,
                iss: LOCAL_ISSUER,
                token_use: 'access',
                iat: String(now),
                exp: String(now + 3600),
              },
              scopes: [...request.caller.scopes],
            },
          }
        : undefined,
    },
  } as APIGatewayProxyEventV2WithJWTAuthorizer;
  const result = await handler(event, localLambdaContext(route.handler, requestId));
  return { statusCode: result.statusCode ?? 200, body: result.body ?? '' };
}


/** Sends the request to the local HTTP server (the same path autocannon takes). */
export async function invokeHttp(baseUrl: string, request: BenchRequest): Promise<BenchResponse> {
  const response = await fetch(baseUrl + request.path, { method: request.method, headers: request.headers, body: request.body });
  return { statusCode: response.status, body: await response.text() };
}
