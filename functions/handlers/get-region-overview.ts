/** GET /v1/regions/{regionId}/overview?date= — a region and its stores on a date, from the daily rollup. */
import { httpHandler } from '../http/http-handler.ts';
import { authorize } from '../access/authorize.ts';
import { regionOverview } from '../overview/read-overview.ts';
import { overviewQuery } from '../schemas/overview.ts';
import { regionParams } from '../schemas/registry.ts';

export const handler = httpHandler({ params: regionParams, query: overviewQuery }, async ({ params, query, principal }) => {
  authorize(principal, 'read', { kind: 'region', regionId: params.regionId });
  return { body: await regionOverview(params.regionId, query.date, new Date()) };
});
