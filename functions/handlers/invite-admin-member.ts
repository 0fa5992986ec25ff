/** POST /v1/admin/members — invite an administrator (administrators only): 201 with the member, 200 when already invited. */
import { httpHandler } from '../http/http-handler.ts';
import { identityDirectory } from '../members/identity-directory.ts';
import { inviteMember } from '../members/manage-members.ts';
import { memberInvite } from '../schemas/members.ts';

export const handler = httpHandler({ body: memberInvite }, async ({ body, principal }) => {
  const { member, created } = await inviteMember(principal, { kind: 'admin' }, body, await identityDirectory(), new Date().toISOString());
  return { status: created ? 201 : 200, body: member };
});
