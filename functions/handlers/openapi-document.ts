/**
 * GET /v1/openapi.json — this API in OpenAPI 3.1, no token needed. Generated from the route table
 * and the schemas once per cold start (in the init phase), then served from memory. The only
 * handler that imports the generator: no other bundle carries it.
 */
import { httpHandler } from '../http/http-handler.ts';
import { openApiDocument } from '../openapi/openapi-document.ts';

// AUTH_BASE_URL: the Cognito domain whose /oauth2 endpoints the document names.
const document = JSON.stringify(openApiDocument({ authBaseUrl: process.env.AUTH_BASE_URL }));

export const handler = httpHandler({ public: true }, async () => ({
  raw: true,
  body: document,
  headers: { 'content-type': 'application/json', 'cache-control': 'public, max-age=300' },
}));
