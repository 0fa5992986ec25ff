/** GET /v1/items — the catalogue, by SKU, paginated. Any authenticated organisation may read it. */
import { authorize } from '../access/authorize.ts';
import { pageQuery } from '../data/pagination.ts';
import { httpHandler } from '../http/http-handler.ts';
import { readCatalogue } from '../registry/catalogue-items.ts';

export const handler = httpHandler({ query: pageQuery }, async ({ query, principal }) => {
  authorize(principal, 'read', { kind: 'catalogue' });
  return { body: await readCatalogue(query) };
});
