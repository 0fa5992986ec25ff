/** POST /v1/regions/{regionId}/members — invite a person into the region: 201 with the member, 200 when already invited. */
import { httpHandler } from '../http/http-handler.ts';
import { identityDirectory } from '../members/identity-directory.ts';
import { inviteMember } from '../members/manage-members.ts';
import { regionMembersParams, memberInvite } from '../schemas/members.ts';

export const handler = httpHandler({ params: regionMembersParams, body: memberInvite }, async ({ params, body, principal }) => {
  const { member, created } = await inviteMember(principal, { kind: 'region', id: params.regionId }, body, await identityDirectory(), new Date().toISOString());
  return { status: created ? 201 : 200, body: member };
});
