/** PATCH /v1/members/{memberId} — a member's new role or name, by those who manage the member's organisation. */
import { httpHandler } from '../http/http-handler.ts';
import { changeMemberOf } from '../members/manage-members.ts';
import { memberChange, memberParams } from '../schemas/members.ts';

export const handler = httpHandler({ params: memberParams, body: memberChange }, async ({ params, body, principal }) => ({
  body: await changeMemberOf(principal, params.memberId, body, new Date().toISOString()),
}));
