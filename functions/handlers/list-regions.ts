/** GET /v1/regions — every region, paginated (administrators only). */
import { pageQuery } from '../data/pagination.ts';
import { httpHandler } from '../http/http-handler.ts';
import { authorize } from '../access/authorize.ts';
import { readRegions } from '../registry/regions.ts';

export const handler = httpHandler({ query: pageQuery }, async ({ query, principal }) => {
  authorize(principal, 'read', { kind: 'nation' });
  return { body: await readRegions(query) };
});
