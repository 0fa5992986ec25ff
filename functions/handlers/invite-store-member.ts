/** POST /v1/stores/{storeId}/members — invite a person into the store: 201 with the member, 200 when already invited. */
import { httpHandler } from '../http/http-handler.ts';
import { identityDirectory } from '../members/identity-directory.ts';
import { inviteMember } from '../members/manage-members.ts';
import { storeMembersParams, memberInvite } from '../schemas/members.ts';

export const handler = httpHandler({ params: storeMembersParams, body: memberInvite }, async ({ params, body, principal }) => {
  const { member, created } = await inviteMember(principal, { kind: 'store', id: params.storeId }, body, await identityDirectory(), new Date().toISOString());
  return { status: created ? 201 : 200, body: member };
});
