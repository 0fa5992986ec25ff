/**
 * RFC 9457 problem details as the document describes them and the tests check them. The bodies
 * themselves are built in functions/http/problem.ts; only the OpenAPI generator imports this.
 */
import * as z from 'zod/mini';

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
