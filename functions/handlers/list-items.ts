/** GET /v1/items — the catalogue, by SKU, paginated. Any authenticated organisation may read it. */
import * as z from 'zod/mini';
import { listItems } from '../data/registry-repository.ts';
import { pageQueryShape } from '../data/pagination.ts';
import { httpHandler } from '../http/http-handler.ts';

export const handler = httpHandler({ query: z.strictObject(pageQueryShape) }, async ({ query }) => ({
  body: await listItems(query),
}));
