/**
 * Turns a real HTTP request into the API Gateway HTTP API (payload format 2.0) event the deployed
 * handler receives, after the same JWT and scope checks the authorizer makes, and invokes the very
 * handler file the CDK stack bundles, found through the shared route table.
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { routeKey, routes, type RouteDefinition } from '../../functions/routes.ts';
import { HttpProblem, problemResponse, scopeMissing } from '../../functions/http/problem.ts';
import { negotiateLocale, withLocale } from '../../functions/i18n/locale.ts';
import { t } from '../../functions/i18n/messages.ts';
import { verifyLocalToken, type LocalSigningKey } from './local-auth.ts';

export interface LocalRequest {
  method: string;
  /** Path and query string, as on the request line. */
  url: string;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  sourceIp?: string;
}

export interface LocalResponse {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
}

type Handler = (event: APIGatewayProxyEventV2WithJWTAuthorizer, context: Context) => Promise<APIGatewayProxyStructuredResultV2>;

const handlersDirectory = join(import.meta.dirname, '..', '..', 'functions', 'handlers');
const loaded = new Map<string, Promise<Handler>>();

function loadHandler(name: string): Promise<Handler> {
  let handler = loaded.get(name);
  if (!handler) {
    handler = import(pathToFileURL(join(handlersDirectory, `${name}.ts`)).href).then((module) => module.handler as Handler);
    loaded.set(name, handler);
  }
  return handler;
}

interface CompiledRoute {
  route: RouteDefinition;
  pattern: RegExp;
  names: string[];
}

const compiled: CompiledRoute[] = routes.map((route) => {
  const names: string[] = [];
  const source = route.path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{(\w+)\\?\}/g, (_, name: string) => {
    names.push(name);
    return '([^/]+)';
  });
  return { route, pattern: new RegExp(`^${source}$`), names };
});

export function matchRoute(method: string, path: string): { route: RouteDefinition; params: Record<string, string> } | 'method-not-allowed' | undefined {
  let pathMatched = false;
  for (const { route, pattern, names } of compiled) {
    const match = pattern.exec(path);
    if (!match) continue;
    pathMatched = true;
    if (route.method !== method) continue;
    const params: Record<string, string> = {};
    names.forEach((name, i) => (params[name] = decodeURIComponent(match[i + 1]!)));
    return { route, params };
  }
  return pathMatched ? 'method-not-allowed' : undefined;
}

/** The methods some route answers at `path`, for the `Allow` header of a 404 to a method the path does not take. */
export function allowedMethods(path: string): string[] {
  return [...new Set(compiled.filter(({ pattern }) => pattern.test(path)).map(({ route }) => route.method))].sort();
}

function decodes(path: string): boolean {
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}

export function createApiGatewayAdapter(signingKey: LocalSigningKey) {
  // As the deployed functions do (functions/http/http-handler.ts): the request's language from its Accept-Language.
  return (request: LocalRequest): Promise<LocalResponse> => withLocale(negotiateLocale(lowerCaseHeaders(request.headers)['accept-language']), () => invoke(request));

  async function invoke(request: LocalRequest): Promise<LocalResponse> {
    const requestId = randomUUID();
    const url = new URL(request.url, 'http://localhost');
    if (!decodes(url.pathname)) {
      return problem(new HttpProblem('validation', t('path.malformedEscape', { path: url.pathname }), { errors: [{ in: 'path', path: url.pathname, message: t('path.malformedEscape.field') }] }), requestId);
    }
    const matched = matchRoute(request.method.toUpperCase(), url.pathname);
    if (matched === undefined) return problem(new HttpProblem('not-found', t('notFound.noRoute', { method: request.method, path: url.pathname })), requestId);
    if (matched === 'method-not-allowed') {
      const allow = allowedMethods(url.pathname).join(', ');
      // 404 as API Gateway answers an unmatched method, with the methods the path takes as a hint.
      return problem(new HttpProblem('not-found', t('notFound.methodNotServed', { method: request.method, path: url.pathname, allow }), { headers: { allow } }), requestId);
    }
    const { route, params } = matched;

    const headers = lowerCaseHeaders(request.headers);
    let authorizer: APIGatewayProxyEventV2WithJWTAuthorizer['requestContext']['authorizer'] | undefined;
    if (route.scope !== null) {
      const verified = await verifyLocalToken(signingKey, headers.authorization);
      if (!verified.ok) return problem(new HttpProblem('unauthenticated', verified.reason, { headers: { 'www-authenticate': 'Bearer' } }), requestId);
      if (!verified.scopes.includes(route.scope)) {
        return problem(scopeMissing(route.scope), requestId);
      }
      authorizer = { principalId: '', integrationLatency: 0, jwt: { claims: stringifyClaims(verified.claims), scopes: verified.scopes } };
    }

    const event = {
      version: '2.0',
      routeKey: routeKey(route),
      rawPath: url.pathname,
      rawQueryString: url.search.slice(1),
      cookies: headers.cookie?.split(';').map((c) => c.trim()),
      headers,
      queryStringParameters: queryParameters(url.searchParams),
      pathParameters: Object.keys(params).length ? params : undefined,
      body: request.body.length ? request.body.toString('utf8') : undefined,
      isBase64Encoded: false,
      requestContext: {
        accountId: 'local',
        apiId: 'local',
        domainName: headers.host ?? 'localhost',
        domainPrefix: 'localhost',
        http: { method: route.method, path: url.pathname, protocol: 'HTTP/1.1', sourceIp: request.sourceIp ?? '127.0.0.1', userAgent: headers['user-agent'] ?? '' },
        requestId,
        routeKey: routeKey(route),
        stage: '$default',
        time: new Date().toISOString(),
        timeEpoch: Date.now(),
        authorizer,
      },
    } as APIGatewayProxyEventV2WithJWTAuthorizer;

    const handler = await loadHandler(route.handler);
    const result = await handler(event, localLambdaContext(route.handler, requestId));
    return {
      statusCode: result.statusCode ?? 200,
      headers: { ...Object.fromEntries(Object.entries(result.headers ?? {}).map(([k, v]) => [k, String(v)])), 'x-request-id': requestId },
      body: result.isBase64Encoded ? Buffer.from(result.body ?? '', 'base64').toString('utf8') : (result.body ?? ''),
    };
  }
}

function problem(error: HttpProblem, requestId: string): LocalResponse {
  const response = problemResponse(error, requestId);
  return { statusCode: response.statusCode, headers: { ...response.headers, 'x-request-id': requestId }, body: response.body };
}

/** API Gateway joins repeated headers and query parameters with commas, and lower-cases header names. */
function lowerCaseHeaders(headers: LocalRequest['headers']): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) out[name.toLowerCase()] = Array.isArray(value) ? value.join(',') : value;
  }
  return out;
}

function queryParameters(search: URLSearchParams): Record<string, string> | undefined {
  const out: Record<string, string> = {};
  for (const [name, value] of search) out[name] = name in out ? `${out[name]},${value}` : value;
  return Object.keys(out).length ? out : undefined;
}

/** The authorizer hands claims to the function as strings (arrays as "[a b]"), so the local one does too. */
function stringifyClaims(claims: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(claims).map(([k, v]) => [k, Array.isArray(v) ? `[${v.join(' ')}]` : String(v)]),
  );
}

/** A Lambda context as the runtime would pass it; `timeoutMs` is the function's configured timeout. */
export function localLambdaContext(functionName: string, awsRequestId: string, timeoutMs = 29_000): Context {
  const deadline = Date.now() + timeoutMs;
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:local:000000000000:function:${functionName}`,
    memoryLimitInMB: '512',
    awsRequestId,
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}
