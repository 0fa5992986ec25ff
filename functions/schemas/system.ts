/** The two public routes: liveness and this document. */
import * as z from 'zod/mini';
import { isoInstant } from './common.ts';
import type { OperationFragment } from './operation.ts';

export const health = z
  .object({ status: z.literal('ok'), service: z.literal('carestock'), time: isoInstant })
  .register(z.globalRegistry, { id: 'Health', description: 'The API is up.' });

export const openApiDocument = z
  .looseObject({ openapi: z.string(), info: z.looseObject({ title: z.string(), version: z.string() }).register(z.globalRegistry, { id: 'OpenApiInfo', description: "The document's title and version." }), paths: z.record(z.string(), z.unknown()) })
  .register(z.globalRegistry, { id: 'OpenApiDocument', description: 'An OpenAPI 3.1 document: this one.' });

export const operations = {
  'GET /v1/health': {
    description: 'Answers without a token and without touching the table: use it for uptime checks.',
    responses: { 200: health },
  },
  'GET /v1/openapi.json': {
    description:
      'This document, generated from the schemas the handlers validate with. No token needed. Generate a client from it, ' +
      'e.g. `npx openapi-typescript https://<api>/v1/openapi.json -o carestock.d.ts`.',
    responses: { 200: { schema: openApiDocument, description: 'This document.', headers: { 'Cache-Control': '`public, max-age=300`' } } },
  },
} as const satisfies OperationFragment;
