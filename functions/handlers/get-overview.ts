/** GET /v1/overview?date= — the nation on a date, from the daily rollup (administrators). */
import { httpHandler } from '../http/http-handler.ts';
import { authorize } from '../access/authorize.ts';
import { nationalOverview } from '../overview/read-overview.ts';
import { overviewQuery } from '../schemas/overview.ts';

export const handler = httpHandler({ query: overviewQuery }, async ({ query, principal }) => {
  authorize(principal, 'read', { kind: 'nation' });
  return { body: await nationalOverview(query.date, new Date()) };
});
