/** The document's prose: tags, security schemes and the general meaning of each problem status. */
import type { RouteDefinition } from '../routes.ts';
import type { ProblemStatus } from '../schemas/operation.ts';

type Json = Record<string, unknown>;

export const tagDescriptions: Record<RouteDefinition['tag'], string> = {
  system: 'Liveness and this document; no token needed.',
  catalogue: 'The PPE lines (SKUs) every store and home counts in.',
  regions: 'Regions (in Wales, Regional Partnership Boards): groups of stores, read by their commissioners (`org` = `region:<regionId>`).',
  stores: 'Joint Equipment Stores, their delivery settings and the homes they serve.',
  homes: 'Care homes: beds, the store that serves them and their delivery days.',
  stock: 'Stock counts in; usage, days of supply, run-out dates and red/amber/green status out.',
  requests: 'Homes ask for PPE; stores approve, reject and allocate.',
  deliveries: 'Delivery plans, dispatch from the store and receipt at the home.',
  shortfalls: 'Homes under seven days of supply, and homes that have stopped reporting.',
  overview: 'The daily picture for the nation and each region: homes by status, short and silent homes, stock held in days, and the trend week on week. Read from a daily rollup the shortfall job writes.',
  members: 'Who belongs to which organisation, in which role (manager or staff): the membership decides every token’s `org`, `role` and scopes.',
  webhooks: 'Events to integrators: a home or a store subscribes an HTTPS endpoint to the events that concern it; each delivery is signed per Standard Webhooks and retried with backoff, with a delivery log per subscription.',
};

export function securitySchemes(authBaseUrl: string, scopes: Record<string, string>): Json {
  const base = authBaseUrl.replace(/\/+$/, '');
  return {
    cognito: {
      type: 'oauth2',
      description:
        'Access tokens from the Carestock Cognito user pool. Store and home systems use the client-credentials flow with the ' +
        'client id and secret their administrator issues; people sign in with the authorization-code flow (with PKCE). The ' +
        'token carries an `org` claim — `admin`, `store:<storeId>`, `home:<homeId>` or `region:<regionId>` — and a `role` claim (`manager` or `staff`), ' +
        'both from the caller’s membership, and exactly that role’s scopes, whatever the client asked for. The org decides what ' +
        "the caller may read and write: a home only itself, a store itself and the homes it serves, a region reads its stores and their homes and writes nothing.",
      flows: {
        clientCredentials: { tokenUrl: `${base}/oauth2/token`, scopes },
        authorizationCode: { authorizationUrl: `${base}/oauth2/authorize`, tokenUrl: `${base}/oauth2/token`, scopes },
      },
    },
    bearer: {
      type: 'http',
      scheme: 'bearer',
      bearerFormat: 'JWT',
      description:
        'The same access token, however it was obtained, as `Authorization: Bearer <token>`. Against the local system, ' +
        '`npm run -s token -- --org store:<storeId>` prints one.',
    },
  };
}

export interface ProblemText {
  /** Its name under components/responses. */
  name: string;
  description: string;
  headers?: Record<string, Json>;
  /** What the status also means on a route that takes an Idempotency-Key. */
  idempotency?: string;
  /** API Gateway may answer with this status itself, as `application/json` `{ message }`. */
  gateway?: 'also' | 'only';
  /** A problem of this type as Carestock sends it. */
  example?: Json;
  /** API Gateway's own answer with this status. */
  gatewayExample?: Json;
}

const TYPE_BASE = 'https://carestock.example/problems/';
const INSTANCE = 'urn:request:5f0c6a52-8d4e-4f3b-9a57-1c2d3e4f5a6b';
const example = (slug: string, title: string, status: number, detail: string, extra: Json = {}): Json => ({
  type: TYPE_BASE + slug,
  title,
  status,
  detail,
  instance: INSTANCE,
  ...extra,
});

/** Problem statuses, and 429, which only API Gateway sends. */
export type DocumentedStatus = ProblemStatus | 429;

export const problemResponses: Record<DocumentedStatus, ProblemText> = {
  400: {
    name: 'BadRequest',
    description:
      'The request is not valid (or carries a body the operation does not take). `errors` lists every fault at once, ' +
      'each with `in` (body, query, path or header), `path` and `message`.',
    example: example('validation', 'Request is not valid', 400, 'The request body has 2 invalid fields.', {
      errors: [
        { in: 'body', path: '/lines/1/onHand', message: 'must be a whole number of units' },
        { in: 'body', path: '/lines/2/sku', message: 'SKU "MASK-IIR" repeats line 0; one line per SKU' },
      ],
    }),
  },
  401: {
    name: 'Unauthenticated',
    description:
      'No valid bearer token, or the token names no organisation (`org` claim). On AWS the JWT authorizer refuses a missing, ' +
      'expired or foreign token before Carestock sees it, with `{"message":"Unauthorized"}` as application/json.',
    gateway: 'also',
    headers: { 'WWW-Authenticate': { description: '`Bearer`', schema: { type: 'string' } } },
    example: example('unauthenticated', 'Authentication required', 401, 'No bearer token in the Authorization header.'),
    gatewayExample: { message: 'Unauthorized' },
  },
  403: {
    name: 'Forbidden',
    description:
      "The token lacks this operation's scope, or the resource belongs to another organisation (answered the same whether or not it exists). " +
      'A missing scope is refused on AWS by the JWT authorizer, with `{"message":"Forbidden"}` as application/json.',
    gateway: 'also',
    example: example('forbidden', 'Not allowed', 403, 'This home belongs to another organisation.'),
    gatewayExample: { message: 'Forbidden' },
  },
  404: {
    name: 'NotFound',
    description: 'Nothing exists at this address (or, locally, the path does not take this method).',
    headers: { Allow: { description: 'Only from the local server, for a method the path does not take: the methods it does take', schema: { type: 'string' } } },
    example: example('not-found', 'Not found', 404, 'No home "ty-gwyn".'),
  },
  409: {
    name: 'Conflict',
    description: 'The request conflicts with the current state of the resource; `detail` says how.',
    idempotency: 'A request with the same Idempotency-Key is still being processed: retry it shortly, with the same key.',
    example: example('conflict', 'Conflict with the current state', 409, 'The request is approved, not submitted.', { currentStatus: 'approved' }),
  },
  413: {
    name: 'PayloadTooLarge',
    description: 'The body is over the size limit (64 KiB unless configured otherwise).',
    example: example('payload-too-large', 'Request body too large', 413, 'The body is 70000 bytes; the limit is 65536 bytes.'),
  },
  415: {
    name: 'UnsupportedMediaType',
    description: 'The Content-Type is not one this operation accepts.',
    example: example('unsupported-media-type', 'Unsupported content type', 415, 'Content type "text/plain" is not accepted here; send application/json.'),
  },
  422: {
    name: 'Unprocessable',
    description: 'The request is well formed but cannot be carried out.',
    idempotency: 'The Idempotency-Key was already used, within the last 24 hours, with a different body: use a new key for a new request.',
    example: example('unprocessable', 'Request cannot be processed', 422, 'The Idempotency-Key was already used with a different body.'),
  },
  429: {
    name: 'TooManyRequests',
    description: 'API Gateway throttled the request (`{"message":"Too Many Requests"}`): back off and retry.',
    gateway: 'only',
    gatewayExample: { message: 'Too Many Requests' },
  },
  500: {
    name: 'InternalError',
    description:
      'Something failed on our side; it has been logged. Quote `instance` when reporting it. A function that fails to answer at all ' +
      'gets API Gateway\'s `{"message":"Internal Server Error"}` instead.',
    gateway: 'also',
    example: example('internal', 'Internal error', 500, 'Something failed on our side; it has been logged.'),
    gatewayExample: { message: 'Internal Server Error' },
  },
  503: {
    name: 'Unavailable',
    description:
      'The data store is busy (problem, with `Retry-After`), or the function timed out (API Gateway\'s ' +
      '`{"message":"Service Unavailable"}`). Retry after a pause; for a create, with the same Idempotency-Key.',
    gateway: 'also',
    headers: { 'Retry-After': { description: 'Seconds to wait before retrying', schema: { type: 'integer', minimum: 0 } } },
    example: example('unavailable', 'Service temporarily unavailable', 503, 'The data store is busy; retry after 1 second.'),
    gatewayExample: { message: 'Service Unavailable' },
  },
};
