/** GET /v1/regions/{regionId}/members — the region's current members (its managers, administrators). */
import { httpHandler } from '../http/http-handler.ts';
import { listMembers } from '../members/manage-members.ts';
import { pageQuery } from '../data/pagination.ts';
import { regionMembersParams } from '../schemas/members.ts';

export const handler = httpHandler({ params: regionMembersParams, query: pageQuery }, async ({ params, query, principal }) => ({
  body: await listMembers(principal, { kind: 'region', id: params.regionId }, query),
}));
