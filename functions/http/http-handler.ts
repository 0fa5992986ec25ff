/**
 * The adapter every HTTP handler goes through: parse → authorise → use case → respond.
 * A handler file declares its schemas and a use-case function; this wraps it in middy with the
 * logger, the problem+json error mapping, the route's scope check and request validation.
 */
import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import type { z } from 'zod/mini';
import { findRouteByKey } from '../routes.ts';
import { logger } from '../observability/logger.ts';
import { problemErrors } from './middleware/problem-errors.ts';
import { anonymousPrincipal, type Principal } from '../access/principal.ts';
import { principalFromEvent } from './principal.ts';
import { badRequest, HttpProblem, notFound, scopeMissing } from './problem.ts';
import { explainBodyErrors } from './body-faults.ts';
import { csvTableOf, parseBodyOrThrow, readBody, type CsvToBody } from './request-body.ts';
import { parseOrThrow } from './validation.ts';
import { currentLocale, negotiateLocale, withLocale } from '../i18n/locale.ts';
import { t } from '../i18n/messages.ts';

export type HttpEvent = APIGatewayProxyEventV2WithJWTAuthorizer;
export type HttpResponse = APIGatewayProxyStructuredResultV2;

type Schema = z.ZodMiniType;
type Out<S> = S extends Schema ? z.infer<S> : undefined;

export interface HandlerSpec<B, Q, P> {
  body?: B;
  query?: Q;
  params?: P;
  /** Accept text/csv too: the columns it knows and how a parsed table becomes the JSON body shape. */
  csv?: { columns: readonly string[]; toBody: CsvToBody; namesLines?: boolean };
  /** The route's own body limit in bytes (imports); MAX_BODY_BYTES otherwise. */
  maxBodyBytes?: number;
  /** Public routes (health, OpenAPI) skip the principal. */
  public?: boolean;
}

export interface HttpRequest<B, Q, P> {
  body: Out<B>;
  query: Out<Q>;
  params: Out<P>;
  principal: Principal;
  headers: Record<string, string | undefined>;
  requestId: string;
  /** The Lambda context: its remaining time bounds how long an idempotency key stays in progress. */
  context: Context;
}

export interface HttpResult {
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Send the body as is (e.g. CSV) instead of JSON. */
  raw?: boolean;
  /**
   * The body holds text in the request's language (an import's message): the answer names it in
   * `Content-Language` and varies on `Accept-Language`. A CSV export that takes `?lang=` sets its own.
   */
  localized?: boolean;
}

export function httpHandler<B extends Schema | undefined = undefined, Q extends Schema | undefined = undefined, P extends Schema | undefined = undefined>(
  spec: HandlerSpec<B, Q, P>,
  useCase: (request: HttpRequest<B, Q, P>) => Promise<HttpResult>,
) {
  const run = async (event: HttpEvent, context: Context): Promise<HttpResponse> => {
    const principal = spec.public ? anonymousPrincipal : authorise(event);
    const request = {
      principal,
      headers: event.headers ?? {},
      requestId: context.awsRequestId,
      context,
      params: (spec.params ? parseOrThrow(spec.params, event.pathParameters ?? {}, 'path') : undefined) as Out<P>,
      query: (spec.query ? parseOrThrow(spec.query, event.queryStringParameters ?? {}, 'query') : undefined) as Out<Q>,
      body: undefined as Out<B>,
    };
    const rawBody = readBody(event, spec.csv, spec.maxBodyBytes);
    if (spec.body) request.body = parseBodyOrThrow(spec.body, rawBody) as Out<B>;
    // `{}` is what many HTTP clients send when there is nothing to send: as good as no body.
    else if (rawBody !== undefined && !isEmptyObject(rawBody)) throw badRequest(t('validation.noBodyExpected'), [{ in: 'body', path: '', message: t('validation.noBodyExpected.field') }]);
    const table = spec.csv?.namesLines ? csvTableOf(rawBody) : undefined;
    try {
      return respond(await useCase(request));
    } catch (error) {
      // A use case's own 400 about a row of a CSV upload (an import naming a store that does not exist) names it as the schema's faults do.
      if (!table || !(error instanceof HttpProblem) || error.status !== 400 || !error.errors) throw error;
      throw badRequest(error.message, explainBodyErrors(error.errors, rawBody, table));
    }
  };
  const middyHandler = middy<HttpEvent, HttpResponse>()
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .use(problemErrors())
    .handler(run);
  // The request's language, negotiated once from Accept-Language, holds for everything the handler
  // does, its problems included (functions/i18n/locale.ts).
  const handler = (event: HttpEvent, context: Context): Promise<HttpResponse> =>
    withLocale(negotiateLocale(event.headers?.['accept-language']), () => middyHandler(event, context));
  // Read by test/unit/openapi-coverage.test.ts: the document must describe these very schemas.
  return Object.assign(handler, { spec: spec as HandlerSpec<Schema | undefined, Schema | undefined, Schema | undefined> });
}

function isEmptyObject(value: unknown): boolean {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0;
}

/** Defence in depth: the authorizer checks the route's scope too, but a handler never trusts that alone. */
function authorise(event: HttpEvent): Principal {
  const principal = principalFromEvent(event);
  const route = findRouteByKey(event.routeKey);
  if (!route) throw notFound(t('notFound.route', { route: event.routeKey }));
  if (route.scope && !principal.scopes.has(route.scope)) {
    throw scopeMissing(route.scope);
  }
  return principal;
}

function respond(result: HttpResult): HttpResponse {
  const status = result.status ?? 200;
  const language: Record<string, string> = result.localized ? { 'content-language': currentLocale(), vary: 'Accept-Language' } : {};
  if (result.raw) return { statusCode: status, headers: { ...language, ...result.headers }, body: String(result.body ?? '') };
  if (result.body === undefined) return { statusCode: status, headers: { ...language, ...result.headers } };
  return {
    statusCode: status,
    headers: { 'content-type': 'application/json', ...language, ...result.headers },
    body: JSON.stringify(result.body),
  };
}
