/**
 * `npm run first-admin -- --email <email> --name "<name>" --table <TableName> --user-pool <UserPoolId> [--region eu-west-2]`
 * Invites the first administrator of a deployed Carestock (a manager of `admin`), with the
 * deployer's AWS credentials: the same use case as `POST /v1/admin/members`, acting as the
 * deployment itself. Cognito emails the person a temporary password; from then on administrators
 * invite everyone else through the API. Safe to run again (the same member comes back).
 */
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: { email: { type: 'string' }, name: { type: 'string' }, table: { type: 'string' }, 'user-pool': { type: 'string' }, region: { type: 'string' } },
});
if (!values.email || !values.name || !values.table || !values['user-pool']) {
  console.error('usage: npm run first-admin -- --email <email> --name "<name>" --table <TableName> --user-pool <UserPoolId> [--region eu-west-2]');
  process.exit(2);
}
process.env.TABLE_NAME = values.table;
process.env.AWS_REGION = values.region ?? process.env.AWS_REGION ?? 'eu-west-2';

const { memberInvite } = await import('../functions/schemas/members.ts');
const { inviteMember } = await import('../functions/members/manage-members.ts');
const { CognitoDirectory } = await import('../functions/members/cognito-directory.ts');
const { scopes } = await import('../functions/scopes.ts');

const invite = memberInvite.parse({ email: values.email, name: values.name, role: 'manager' });
const deployment = { subject: 'deployment', org: { kind: 'admin' as const }, role: 'manager' as const, scopes: new Set<string>([scopes.membersManage]) };
const { member, created } = await inviteMember(deployment, { kind: 'admin' }, invite, new CognitoDirectory(values['user-pool']), new Date().toISOString());
console.log(`${created ? 'invited' : 'already a member'}: ${member.email} (${member.org}, ${member.role}), member ${member.memberId}`);
