/** GET /v1/overview/trend — homes red, amber, unknown and silent per day or ISO week, for the nation or a region. */
import { httpHandler } from '../http/http-handler.ts';
import { authorize } from '../access/authorize.ts';
import { overviewTrend } from '../overview/read-overview.ts';
import { trendQuery } from '../schemas/overview.ts';

export const handler = httpHandler({ query: trendQuery }, async ({ query, principal }) => {
  authorize(principal, 'read', query.regionId ? { kind: 'region', regionId: query.regionId } : { kind: 'nation' });
  return { body: await overviewTrend(query, new Date()) };
});
