/**
 * How a membership is laid out as items (pure: keys only, no client), shared by the repository and
 * by the stack, which writes the machine clients' memberships at deploy.
 */
import type { Member } from '../schemas/members.ts';
import { keys } from './keys.ts';

const sortName = (member: Pick<Member, 'kind' | 'email' | 'name'>) => (member.kind === 'person' ? member.email! : `~machine:${member.name}`);

/** The member, listed in its organisation (GSI1) while current; `subject` is its identity (never sent to clients). */
export const memberItem = (member: Member, subject: string): Record<string, unknown> => ({
  ...keys.member(member.memberId),
  ...keys.orgMembersIndex(member.org, sortName(member), member.memberId),
  entity: 'Member',
  ...member,
  subject,
});

export const memberEmailItem = (email: string, memberId: string): Record<string, unknown> => ({ ...keys.memberEmail(email), entity: 'MemberEmail', memberId });

export const memberSubjectItem = (subject: string, memberId: string): Record<string, unknown> => ({ ...keys.memberSubject(subject), entity: 'MemberSubject', memberId });

/** A machine client's membership: the member and its subject pointer (no email). */
export function machineMemberItems(member: Member, clientId: string): Record<string, unknown>[] {
  const subject = keys.machineSubject(clientId);
  return [memberItem(member, subject), memberSubjectItem(subject, member.memberId)];
}
