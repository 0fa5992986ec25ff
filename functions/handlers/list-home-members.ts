/** GET /v1/homes/{homeId}/members — the home's current members (its managers, its store's managers, administrators). */
import { httpHandler } from '../http/http-handler.ts';
import { listMembers } from '../members/manage-members.ts';
import { pageQuery } from '../data/pagination.ts';
import { homeMembersParams } from '../schemas/members.ts';

export const handler = httpHandler({ params: homeMembersParams, query: pageQuery }, async ({ params, query, principal }) => ({
  body: await listMembers(principal, { kind: 'home', id: params.homeId }, query),
}));
