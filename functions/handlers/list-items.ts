/** GET /v1/items — the catalogue, by SKU, paginated. Any authenticated organisation may read it. */
import { listItems } from '../data/registry-repository.ts';
import { pageQuery } from '../data/pagination.ts';
import { httpHandler } from '../http/http-handler.ts';

export const handler = httpHandler({ query: pageQuery }, async ({ query }) => ({
  body: await listItems(query),
}));
