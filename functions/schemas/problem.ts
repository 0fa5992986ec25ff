/**
 * RFC 9457 problem details as the document describes them and the tests check them: the general
 * shape, and one schema per catalogued type (functions/http/problem-types.ts). The bodies
 * themselves are built in functions/http/problem.ts; only the OpenAPI generator imports this.
 */
import * as z from 'zod/mini';
import { PROBLEM_TYPES, problemTypeUri, type ProblemSlug, type ProblemTypeInfo } from '../http/problem-types.ts';
import { sku } from './common.ts';
import { capExcess } from './requests.ts';

export const fieldError = z
  .object({
    in: z.enum(['body', 'query', 'path', 'header']),
    path: z.string().check(
      z.describe('JSON Pointer to the field within that part (`/lines/3/onHand`), or the parameter or header name'),
    ),
    message: z.string(),
  })
  .register(z.globalRegistry, { id: 'FieldError', description: 'One fault in the request, and where it is.' });

export const problem = z
  .looseObject({
    type: z.url().check(z.describe('Identifies the kind of problem; stable, safe to switch on')),
    title: z.string().check(z.describe('Short summary of the kind of problem')),
    status: z.int().check(z.minimum(400), z.maximum(599)),
    detail: z.string().check(z.describe('What went wrong with this request, for a person to read')),
    instance: z.optional(z.string().check(z.describe('`urn:request:<id>`: quote it when reporting a fault'))),
    errors: z.optional(z.array(fieldError).check(z.describe('Every invalid field at once, not one per retry'))),
  })
  .register(z.globalRegistry, {
    id: 'Problem',
    description: 'An RFC 9457 problem. Some problems carry extra members (e.g. the current state of a request on a 409).',
  });

/** What API Gateway itself answers before any Carestock code runs (authorizer refusals, throttling, a function that failed to answer). */
export const gatewayError = z
  .object({ message: z.string() })
  .register(z.globalRegistry, {
    id: 'GatewayError',
    description: 'API Gateway\'s own answer, sent before (or instead of) Carestock\'s: `{"message": "Unauthorized"}` and the like.',
  });

/** One SKU a dispatch would take more of than the store holds. */
export const stockShortfall = z
  .object({ sku, required: z.int(), available: z.number() })
  .register(z.globalRegistry, { id: 'StockShortfall', description: 'One SKU the store holds too little of: units the delivery carries and units the store holds now.' });

const INSTANCE = 'urn:request:5f0c6a52-8d4e-4f3b-9a57-1c2d3e4f5a6b';
export const problemSchemaId = (slug: ProblemSlug) => slug.replace(/(^|-)(\w)/g, (_, __, c: string) => c.toUpperCase()) + 'Problem';

/** One catalogued type: the common members with `type` and `status` fixed, and the type's own. */
function problemType<S extends ProblemSlug>(slug: S, members: Record<string, z.ZodMiniType>, detail: string, extra: Record<string, unknown> = {}) {
  const info: ProblemTypeInfo = PROBLEM_TYPES[slug];
  const example = { type: problemTypeUri(slug), title: info.title, status: info.status, detail, instance: INSTANCE, ...extra };
  return z
    .looseObject({
      type: z.literal(problemTypeUri(slug)),
      title: z.string(),
      status: z.literal(info.status),
      detail: z.string().check(z.describe('What went wrong with this request, for a person to read')),
      instance: z.optional(z.string().check(z.describe('`urn:request:<id>`: quote it when reporting a fault'))),
      ...members,
    })
    .register(z.globalRegistry, { id: problemSchemaId(slug), description: `${info.meaning} ${info.action}`, examples: [example] });
}

const errors = z.array(fieldError).check(z.minLength(1), z.describe('Every invalid field at once, not one per retry'));

/** Every catalogued type's schema; the compiler demands one per entry of PROBLEM_TYPES. */
export const problemTypeSchemas: { [S in ProblemSlug]: z.ZodMiniType } = {
  validation: problemType('validation', { errors }, 'The request body has 2 invalid fields.', {
    errors: [
      { in: 'body', path: '/lines/1/onHand', message: 'must be a whole number of units' },
      { in: 'body', path: '/lines/2/countedAt', message: 'needs an offset such as Z or +01:00: 2026-12-02T08:00:00Z' },
    ],
  }),
  'malformed-body': problemType('malformed-body', { errors: z.optional(errors) }, 'The CSV body is not valid: unterminated quote.', {
    errors: [{ in: 'body', path: '/line/4', message: 'unterminated quote' }],
  }),
  'invalid-cursor': problemType('invalid-cursor', { errors }, 'The cursor is not valid for this list.', {
    errors: [{ in: 'query', path: 'cursor', message: 'Use the nextCursor of a previous page of this same list.' }],
  }),
  unauthenticated: problemType('unauthenticated', {}, 'No bearer token in the Authorization header.'),
  'scope-missing': problemType(
    'scope-missing',
    { requiredScope: z.string().check(z.describe('The scope the operation needs')) },
    'This operation needs the scope "carestock/requests.approve".',
    { requiredScope: 'carestock/requests.approve' },
  ),
  'tenant-forbidden': problemType('tenant-forbidden', {}, 'home:ty-gwyn may not act on home:plas-newydd.'),
  'not-found': problemType('not-found', {}, 'No home "ty-gwyn".'),
  'request-in-flight': problemType('request-in-flight', {}, 'A request with this Idempotency-Key is still being processed. Retry shortly with the same key.'),
  'invalid-transition': problemType(
    'invalid-transition',
    { currentStatus: z.string().check(z.describe('The state the request, delivery or member is in now')) },
    'Request is approved; approve cannot be applied now.',
    { currentStatus: 'approved' },
  ),
  'insufficient-stock': problemType(
    'insufficient-stock',
    { currentStatus: z.string().check(z.describe("The delivery's state")), shortfall: z.array(stockShortfall) },
    'The store does not hold the units for this delivery (MASK-IIR 500 needed, 120 held); nothing moved.',
    { currentStatus: 'planned', shortfall: [{ sku: 'MASK-IIR', required: 500, available: 120 }] },
  ),
  'write-conflict': problemType('write-conflict', {}, 'What this change was computed from changed while it was written; nothing was changed. Retry.'),
  'too-much-to-move': problemType(
    'too-much-to-move',
    {
      writes: z.int().check(z.describe('The writes the move needs')),
      limit: z.int().check(z.describe('The most one move may write')),
      requests: z.int().check(z.describe('Open requests')),
      plannedDeliveries: z.int().check(z.describe('Planned deliveries')),
      inboundPositions: z.int().check(z.describe('Positions whose inbound changes')),
    },
    'Home "ty-gwyn" has too much open work to move in one step: 102 writes, at most 100. Nothing was changed.',
    { writes: 102, limit: 100, requests: 99, plannedDeliveries: 0, inboundPositions: 1 },
  ),
  'precondition-failed': problemType('precondition-failed', {}, 'No store "cardiff-jes".'),
  'already-member': problemType(
    'already-member',
    { existingOrg: z.string().check(z.describe('The organisation the email belongs to')) },
    'ann@example.org is already a member of home:ty-gwyn; one email belongs to one organisation.',
    { existingOrg: 'home:ty-gwyn' },
  ),
  'machine-member': problemType('machine-member', {}, 'This member is a machine client; its membership is set by the deployment (cdk.json), not through the API.'),
  'webhook-limit-reached': problemType(
    'webhook-limit-reached',
    { limit: z.int().check(z.describe('The most subscriptions an organisation may hold')) },
    'home:ty-gwyn already has 10 webhook subscriptions; delete one first.',
    { limit: 10 },
  ),
  'payload-too-large': problemType('payload-too-large', {}, 'The body is 70000 bytes; the limit is 65536 bytes.'),
  'unsupported-media-type': problemType('unsupported-media-type', {}, 'Content type "text/plain" is not accepted here; send application/json.'),
  'cap-exceeded': problemType(
    'cap-exceeded',
    { capExceeded: z.array(capExcess) },
    "Above the store's weekly cap for this home (MASK-IIR 900 > cap 600); approve with an overrideReason, or approve less.",
    { capExceeded: [{ sku: 'MASK-IIR', requested: 900, cap: 600 }] },
  ),
  'nothing-approved': problemType('nothing-approved', {}, 'Every line is approved at 0; reject the request instead.'),
  'receipt-mismatch': problemType(
    'receipt-mismatch',
    {
      missing: z.array(z.string()).check(z.describe("The delivery's SKUs the receipt left out")),
      unexpected: z.array(z.string()).check(z.describe('SKUs the receipt lists that are not on the delivery')),
    },
    "The receipt's lines do not match the delivery: missing GLOVE-NITRILE-M (list them, 0 if none arrived). Nothing was added.",
    { missing: ['GLOVE-NITRILE-M'], unexpected: [] },
  ),
  'webhook-url-refused': problemType('webhook-url-refused', { errors }, 'The webhook URL is refused.', {
    errors: [{ in: 'body', path: '/url', message: 'The host resolves to 169.254.169.254, a private, link-local or reserved address; webhooks go to public addresses only.' }],
  }),
  'idempotency-key-reused': problemType('idempotency-key-reused', {}, 'This Idempotency-Key was used in the last 24 hours with a different body. Use a new key for a new request.'),
  internal: problemType('internal', {}, 'Something went wrong on our side. It has been logged.'),
  throttled: problemType('throttled', {}, 'The data store is busy; retry after the interval given.'),
};
