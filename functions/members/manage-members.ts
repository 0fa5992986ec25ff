/**
 * The membership use cases: list, invite, change, remove. Each authorises against the member's
 * organisation first (the access policy's `members` rule), then acts. Inviting talks to the identity directory
 * before the table: if the table write then fails, the person has a sign-in with no membership,
 * which gets no organisation and no scopes, and a retry finishes the job.
 */
import { randomUUID } from 'node:crypto';
import {
  createMember,
  EmailTakenError,
  getMemberRecord,
  listOrgMembers,
  memberByEmail,
  memberBySubject,
  MemberChangedError,
  changeMember,
  removeMember,
  type Member,
  type MemberRecord,
} from '../data/member-repository.ts';
import type { Page, PageRequest } from '../data/pagination.ts';
import { getHome, getRegion, getStore } from '../data/registry-repository.ts';
import { forbidden, HttpProblem, invalidTransition, notFound, writeConflict } from '../http/problem.ts';
import { formatOrg, parseOrg, type Org, type Principal } from '../access/principal.ts';
import { authorizeMembers } from '../access/resources.ts';
import type { MemberChange, MemberInvite } from '../schemas/members.ts';
import type { IdentityDirectory } from './identity-directory.ts';
import { t } from '../i18n/messages.ts';

export async function listMembers(principal: Principal, org: Org, page: PageRequest): Promise<Page<Member>> {
  await authorizeMembers(principal, org);
  await requireOrgExists(org);
  return listOrgMembers(formatOrg(org), page);
}

export async function inviteMember(
  principal: Principal,
  org: Org,
  invite: MemberInvite,
  directory: IdentityDirectory,
  now: string,
): Promise<{ member: Member; created: boolean }> {
  await authorizeMembers(principal, org);
  await requireOrgExists(org);
  const orgName = formatOrg(org);
  const existing = await memberByEmail(invite.email);
  if (existing) return { member: sameOrgOrConflict(existing, orgName), created: false };
  const subject = await directory.invite({ email: invite.email, name: invite.name });
  const member: Member = { memberId: randomUUID(), kind: 'person', email: invite.email, name: invite.name, org: orgName, role: invite.role, status: 'active', createdAt: now, updatedAt: now };
  try {
    return { member: await createMember(member, subject), created: true };
  } catch (error) {
    // A concurrent invitation of the same email won the race: answer as if it had come first.
    if (error instanceof EmailTakenError) return { member: sameOrgOrConflict(error.existing, orgName), created: false };
    throw error;
  }
}

export async function changeMemberOf(principal: Principal, memberId: string, change: MemberChange, now: string): Promise<Member> {
  const { member } = await authorisedRecord(principal, memberId);
  if (member.kind === 'machine') throw machineConflict();
  if (member.status === 'removed') throw invalidTransition(t('member.removed', { memberId }), 'removed');
  try {
    return await changeMember(memberId, change, now);
  } catch (error) {
    if (error instanceof MemberChangedError) throw invalidTransition(t('member.removedMeanwhile', { memberId }), 'removed');
    throw error;
  }
}

export async function removeMemberOf(principal: Principal, memberId: string, directory: IdentityDirectory, now: string): Promise<Member> {
  const record = await authorisedRecord(principal, memberId);
  if (record.member.kind === 'machine') throw machineConflict();
  if (record.member.status === 'removed') {
    // A retry: finish disabling the sign-in, unless the person has since joined another organisation.
    if (record.subject && !(await memberBySubject(record.subject))) await directory.disable(record.subject);
    return record.member;
  }
  let removed: Member;
  try {
    removed = await removeMember(record, now);
  } catch (error) {
    if (!(error instanceof MemberChangedError)) throw error;
    const current = await getMemberRecord(memberId);
    if (current?.member.status !== 'removed') throw writeConflict(t('member.changedMeanwhile', { memberId }));
    removed = current.member;
  }
  // The table first: from here on the member's tokens carry nothing, whether or not the directory answers.
  if (record.subject) await directory.disable(record.subject);
  return removed;
}

/** The member, once the caller may manage its organisation: 404 only for those who could see it anyway. */
async function authorisedRecord(principal: Principal, memberId: string): Promise<MemberRecord> {
  const record = await getMemberRecord(memberId);
  if (!record) {
    if (principal.org.kind === 'admin') throw notFound(t('notFound.member', { memberId }));
    throw forbidden(t('member.notYours', { memberId }));
  }
  const org = parseOrg(record.member.org);
  if (!org) throw forbidden(t('member.notYours', { memberId }));
  await authorizeMembers(principal, org);
  return record;
}

function sameOrgOrConflict(existing: Member, org: string): Member {
  if (existing.org === org) return existing;
  throw new HttpProblem('already-member', t('member.elsewhere', { email: existing.email ?? '', org: existing.org }), {
    extensions: { existingOrg: existing.org },
  });
}

const machineConflict = () =>
  new HttpProblem('machine-member', t('member.machine'));

async function requireOrgExists(org: Org): Promise<void> {
  if (org.kind === 'store' && !(await getStore(org.id))) throw notFound(t('member.noStore', { id: org.id }));
  if (org.kind === 'home' && !(await getHome(org.id))) throw notFound(t('member.noHome', { id: org.id }));
  if (org.kind === 'region' && !(await getRegion(org.id))) throw notFound(t('member.noRegion', { id: org.id }));
}
