/** GET /v1/stores/{storeId}/members — the store's current members (its managers, its store's managers, administrators). */
import { httpHandler } from '../http/http-handler.ts';
import { listMembers } from '../members/manage-members.ts';
import { pageQuery } from '../data/pagination.ts';
import { storeMembersParams } from '../schemas/members.ts';

export const handler = httpHandler({ params: storeMembersParams, query: pageQuery }, async ({ params, query, principal }) => ({
  body: await listMembers(principal, { kind: 'store', id: params.storeId }, query),
}));
