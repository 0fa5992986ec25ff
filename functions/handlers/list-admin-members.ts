/** GET /v1/admin/members — the administrators (administrators only). */
import { httpHandler } from '../http/http-handler.ts';
import { listMembers } from '../members/manage-members.ts';
import { pageQuery } from '../data/pagination.ts';

export const handler = httpHandler({ query: pageQuery }, async ({ query, principal }) => ({
  body: await listMembers(principal, { kind: 'admin' }, query),
}));
