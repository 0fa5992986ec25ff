/** DELETE /v1/members/{memberId} — remove a member: their sign-in is disabled and their next token carries nothing. */
import { httpHandler } from '../http/http-handler.ts';
import { identityDirectory } from '../members/identity-directory.ts';
import { removeMemberOf } from '../members/manage-members.ts';
import { memberParams } from '../schemas/members.ts';

export const handler = httpHandler({ params: memberParams }, async ({ params, principal }) => ({
  body: await removeMemberOf(principal, params.memberId, await identityDirectory(), new Date().toISOString()),
}));
