/** GET /v1/items — the catalogue, by SKU, paginated. Any authenticated organisation may read it. */
import { pageQuery } from '../data/pagination.ts';
import { httpHandler } from '../http/http-handler.ts';
import { readCatalogue } from '../registry/catalogue-items.ts';

export const handler = httpHandler({ query: pageQuery }, async ({ query }) => ({
  body: await readCatalogue(query),
}));
