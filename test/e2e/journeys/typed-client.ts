/**
 * The typed client every journey drives: openapi-fetch over the types openapi-typescript generated
 * from the document (../.generated), with a fetch that checks each response against the document.
 */
import createClient, { type Client } from 'openapi-fetch';
import { assertResponseMatchesDocument } from '../../support/openapi-contract.ts';
import type { components, paths } from '../.generated/carestock-api.ts';

export type CarestockClient = Client<paths>;
export type Schemas = components['schemas'];

export function typedClient(baseUrl: string, token?: string): CarestockClient {
  return createClient<paths>({
    baseUrl,
    fetch: checkedFetch,
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
}

async function checkedFetch(request: Request): Promise<Response> {
  const response = await fetch(request);
  const text = await response.clone().text();
  const contentType = response.headers.get('content-type');
  const body = /json/.test(contentType ?? '') && text ? (JSON.parse(text) as unknown) : text;
  assertResponseMatchesDocument(request.method, request.url, { status: response.status, contentType, body });
  return response;
}

/**
 * The problem in an error answer. Several statuses may also come from API Gateway itself as
 * `{ message }` (see GatewayError), so the generated error type is a union; this narrows it to
 * the problem types the response lists (a union discriminated by `type`).
 */
export function problemOf<E extends object>(error: E | undefined): Exclude<E, Schemas['GatewayError']> | undefined {
  return error && 'status' in error ? (error as Exclude<E, Schemas['GatewayError']>) : undefined;
}
