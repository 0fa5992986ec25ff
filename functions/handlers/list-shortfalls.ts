/** GET /v1/shortfalls?date= — every store's shortfall records for a date (default today): administrators. */
import { httpHandler } from '../http/http-handler.ts';
import { authorize } from '../access/authorize.ts';
import { shortfallQuery } from '../schemas/shortfalls.ts';
import { readShortfalls } from '../shortfalls/read-shortfalls.ts';

export const handler = httpHandler({ query: shortfallQuery }, async ({ query, principal }) => {
  authorize(principal, 'read', { kind: 'nation' });
  return { body: await readShortfalls(undefined, query, new Date()) };
});
