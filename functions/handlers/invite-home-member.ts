/** POST /v1/homes/{homeId}/members — invite a person into the home: 201 with the member, 200 when already invited. */
import { httpHandler } from '../http/http-handler.ts';
import { identityDirectory } from '../members/identity-directory.ts';
import { inviteMember } from '../members/manage-members.ts';
import { homeMembersParams, memberInvite } from '../schemas/members.ts';

export const handler = httpHandler({ params: homeMembersParams, body: memberInvite }, async ({ params, body, principal }) => {
  const { member, created } = await inviteMember(principal, { kind: 'home', id: params.homeId }, body, await identityDirectory(), new Date().toISOString());
  return { status: created ? 201 : 200, body: member };
});
