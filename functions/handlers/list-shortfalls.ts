/** GET /v1/shortfalls?date= — every store's shortfall records for a date (default today): administrators. */
import { httpHandler } from '../http/http-handler.ts';
import { requireAdmin } from '../http/tenancy.ts';
import { shortfallQuery } from '../schemas/shortfalls.ts';
import { readShortfalls } from '../shortfalls/read-shortfalls.ts';

export const handler = httpHandler({ query: shortfallQuery }, async ({ query, principal }) => {
  requireAdmin(principal);
  return { body: await readShortfalls(undefined, query, new Date()) };
});
