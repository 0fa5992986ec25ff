/** GET /v1/stores — every store, paginated (administrators only). */
import { pageQuery } from '../data/pagination.ts';
import { httpHandler } from '../http/http-handler.ts';
import { authorize } from '../access/authorize.ts';
import { readStores } from '../registry/stores.ts';

export const handler = httpHandler({ query: pageQuery }, async ({ query, principal }) => {
  authorize(principal, 'read', { kind: 'nation' });
  return { body: await readStores(query) };
});
