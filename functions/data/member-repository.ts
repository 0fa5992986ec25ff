/**
 * Memberships in the table: the only code that reads or writes them. Three kinds of item:
 * - the member (`keys.member`), which also carries the organisation's list index while current;
 * - the email's claim (`keys.memberEmail`): one email, one membership, enforced by a conditional Put;
 * - the identity subject's pointer (`keys.memberSubject`): what the token trigger reads, by `sub`
 *   (or a machine client's id), strongly consistent, then the member it names.
 * Every change that touches more than one of them is one transaction.
 */
import { GetCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Member } from '../schemas/members.ts';
import type { MemberRole } from '../scopes.ts';
import { WriteConflictError } from '../domain/failures.ts';
import { send, tableName } from './dynamodb-client.ts';
import { keys } from './keys.ts';
import { memberEmailItem, memberItem, memberSubjectItem } from './member-items.ts';
import type { Page, PageRequest } from './pagination.ts';
import { queryPartitionPage } from './query-page.ts';

export type { Member } from '../schemas/members.ts';

/** The email already belongs to a membership (this org's, or another's: the caller compares). */
export class EmailTakenError extends Error {
  constructor(readonly existing: Member) {
    super(`${existing.email} is already a member of ${existing.org}`);
  }
}
/** The member changed (removed, or moved on) between the read and the write. */
export class MemberChangedError extends Error {}

export async function getMember(memberId: string): Promise<Member | undefined> {
  return (await getMemberRecord(memberId))?.member;
}

/** A member and its identity subject (which the directory knows it by; never sent to clients). */
export interface MemberRecord {
  member: Member;
  subject: string | undefined;
}

export async function getMemberRecord(memberId: string): Promise<MemberRecord | undefined> {
  const { Item } = await send(new GetCommand({ TableName: tableName(), Key: keys.member(memberId), ConsistentRead: true }));
  return Item ? { member: toMember(Item), subject: Item.subject === undefined ? undefined : String(Item.subject) } : undefined;
}

/** The current membership of an email, if any (strongly consistent). */
export async function memberByEmail(email: string): Promise<Member | undefined> {
  const { Item } = await send(new GetCommand({ TableName: tableName(), Key: keys.memberEmail(email), ConsistentRead: true }));
  return Item ? getMember(String(Item.memberId)) : undefined;
}

/**
 * The current membership of an identity subject: two strongly consistent GetItems. A read failure
 * throws (the trigger then refuses the token); no membership, or a removed one, is `undefined`.
 */
export async function memberBySubject(subject: string): Promise<Member | undefined> {
  const { Item } = await send(new GetCommand({ TableName: tableName(), Key: keys.memberSubject(subject), ConsistentRead: true }));
  if (!Item) return undefined;
  const member = await getMember(String(Item.memberId));
  return member?.status === 'active' ? member : undefined;
}

export async function listOrgMembers(org: string, page: PageRequest): Promise<Page<Member>> {
  return queryPartitionPage({ index: 'GSI1', partition: keys.orgMembersPartition(org), page, map: toMember });
}

/**
 * Writes a new member, its email claim and its subject pointer in one transaction. The claim's
 * `attribute_not_exists` is what makes one email one membership under any race: the loser gets
 * EmailTakenError with the winner's membership.
 */
export async function createMember(member: Member, subject: string): Promise<Member> {
  const item = memberItem(member, subject);
  try {
    await send(
      new TransactWriteCommand({
        TransactItems: [
          { Put: { TableName: tableName(), Item: memberEmailItem(member.email!, member.memberId), ConditionExpression: 'attribute_not_exists(PK)' } },
          { Put: { TableName: tableName(), Item: item, ConditionExpression: 'attribute_not_exists(PK)' } },
          // Overwrites a pointer left by an earlier, removed membership of the same person.
          { Put: { TableName: tableName(), Item: memberSubjectItem(subject, member.memberId) } },
        ],
      }),
    );
  } catch (error) {
    if (error instanceof WriteConflictError && error.conditionFailed(0)) {
      const existing = await memberByEmail(member.email!);
      if (existing) throw new EmailTakenError(existing);
    }
    throw error;
  }
  return member;
}

/** A new role or name for a current person member, conditioned on it still being current. */
export async function changeMember(memberId: string, change: { role?: MemberRole | undefined; name?: string | undefined }, now: string): Promise<Member> {
  const names: Record<string, string> = { '#status': 'status', '#updatedAt': 'updatedAt' };
  const values: Record<string, unknown> = { ':active': 'active', ':person': 'person', ':now': now };
  const sets = ['#updatedAt = :now'];
  if (change.role !== undefined) Object.assign(names, { '#role': 'role' }), Object.assign(values, { ':role': change.role }), sets.push('#role = :role');
  if (change.name !== undefined) Object.assign(names, { '#name': 'name' }), Object.assign(values, { ':name': change.name }), sets.push('#name = :name');
  try {
    const { Attributes } = await send(
      new UpdateCommand({
        TableName: tableName(),
        Key: keys.member(memberId),
        UpdateExpression: `SET ${sets.join(', ')}`,
        ConditionExpression: 'attribute_exists(PK) AND #status = :active AND kind = :person',
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
        ReturnValues: 'ALL_NEW',
      }),
    );
    return toMember(Attributes!);
  } catch (error) {
    if (error instanceof WriteConflictError) throw new MemberChangedError(memberId, { cause: error });
    throw error;
  }
}

/**
 * Removes a current member in one transaction: the member is kept (status `removed`, out of its
 * organisation's list), the email claim goes (the person may be invited elsewhere later), and so
 * does the subject pointer, so the very next token has no organisation.
 */
export async function removeMember({ member, subject }: MemberRecord, now: string): Promise<Member> {
  try {
    await send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Update: {
              TableName: tableName(),
              Key: keys.member(member.memberId),
              UpdateExpression: 'SET #status = :removed, updatedAt = :now REMOVE GSI1PK, GSI1SK',
              ConditionExpression: '#status = :active',
              ExpressionAttributeNames: { '#status': 'status' },
              ExpressionAttributeValues: { ':removed': 'removed', ':active': 'active', ':now': now },
            },
          },
          { Delete: { TableName: tableName(), Key: keys.memberEmail(member.email!), ConditionExpression: 'memberId = :id', ExpressionAttributeValues: { ':id': member.memberId } } },
          ...(subject
            ? [{ Delete: { TableName: tableName(), Key: keys.memberSubject(subject), ConditionExpression: 'attribute_not_exists(PK) OR memberId = :id', ExpressionAttributeValues: { ':id': member.memberId } } }]
            : []),
        ],
      }),
    );
  } catch (error) {
    if (error instanceof WriteConflictError) throw new MemberChangedError(member.memberId, { cause: error });
    throw error;
  }
  return { ...member, status: 'removed', updatedAt: now };
}

const toMember = (raw: Record<string, unknown>): Member => ({
  memberId: raw.memberId as string,
  kind: raw.kind as Member['kind'],
  ...(raw.email === undefined ? {} : { email: raw.email as string }),
  name: raw.name as string,
  org: raw.org as string,
  role: raw.role as MemberRole,
  status: raw.status as Member['status'],
  createdAt: raw.createdAt as string,
  updatedAt: raw.updatedAt as string,
});
