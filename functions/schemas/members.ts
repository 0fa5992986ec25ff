/** Memberships: who belongs to which organisation, in which role. Managers invite, change and remove. */
import * as z from 'zod/mini';
import { homeId, isoInstant, name, pageOf, regionId, storeId } from './common.ts';
import { pageQuery } from '../data/pagination.ts';
import { MEMBER_ROLES } from '../access/principal.ts';
import type { OperationFragment } from './operation.ts';
import { t } from '../i18n/messages.ts';

/** Trimmed and lower-cased before the check, so one person is one email however it was typed. */
export const email = z
  .string()
  .check(z.trim(), z.toLowerCase(), z.maxLength(254), z.regex(z.regexes.email, { error: () => t('field.email') }));

export const memberRole = z.enum(MEMBER_ROLES);
export const memberId = z.string().check(z.regex(/^[a-z0-9][a-z0-9-]{0,79}$/, { error: () => t('field.memberId') }));

export const memberInvite = z
  .strictObject({ email, name, role: memberRole })
  .register(z.globalRegistry, {
    id: 'MemberInvite',
    description: 'A person to invite into the organisation of the path, in a role. The organisation comes from the path, never from the body.',
    examples: [{ email: 'ann.jones@example.org', name: 'Ann Jones', role: 'staff' }],
  });

export const memberChange = z
  .strictObject({ role: z.optional(memberRole), name: z.optional(name) })
  .check(z.refine((change) => change.role !== undefined || change.name !== undefined, { error: () => t('field.roleOrName') }))
  .register(z.globalRegistry, {
    id: 'MemberChange',
    description: 'A new role or display name (or both) for a member; the organisation never changes.',
    examples: [{ role: 'manager' }],
  });

export const member = z
  .object({
    memberId,
    /** `person` (a Cognito user) or `machine` (a store system's client-credentials app client). */
    kind: z.enum(['person', 'machine']),
    email: z.optional(z.string()),
    name: z.string(),
    /** `admin`, `store:<storeId>`, `home:<homeId>` or `region:<regionId>`. */
    org: z.string(),
    role: memberRole,
    status: z.enum(['active', 'removed']),
    createdAt: isoInstant,
    updatedAt: isoInstant,
  })
  .register(z.globalRegistry, {
    id: 'Member',
    description: 'A member of an organisation: the org and role decide what their tokens may do. Machine members (store systems) have no email.',
    examples: [
      {
        memberId: '0b7f6c52-9a4e-4c59-8d3e-0f1c2b3a4d5e',
        kind: 'person',
        email: 'ann.jones@example.org',
        name: 'Ann Jones',
        org: 'home:ty-gwyn',
        role: 'staff',
        status: 'active',
        createdAt: '2026-03-10T08:00:00.000Z',
        updatedAt: '2026-03-10T08:00:00.000Z',
      },
    ],
  });
export const memberPage = pageOf(member).register(z.globalRegistry, {
  id: 'MemberPage',
  description: 'A page of an organisation’s current members, by email; `nextCursor` is null on the last page.',
});

export const memberParams = z.strictObject({ memberId });
export const storeMembersParams = z.strictObject({ storeId });
export const homeMembersParams = z.strictObject({ homeId });
export const regionMembersParams = z.strictObject({ regionId });

export type MemberInvite = z.infer<typeof memberInvite>;
export type MemberChange = z.infer<typeof memberChange>;
export type Member = z.infer<typeof member>;

const who =
  'Administrators manage anyone; a store’s managers manage the store’s members and those of the homes it serves; ' +
  'a home’s managers manage their home’s; a region’s managers manage their region’s. Staff manage nobody (403).';
const invite = (org: string) =>
  `Invites a person into ${org}: creates their sign-in (Cognito sends its own invitation email) and their membership. ` +
  'Inviting the same email to the same organisation again answers 200 with the same member. ' +
  `One email belongs to one organisation: an email that is already a member elsewhere is refused with 409 naming that organisation. ${who}`;
const list = (org: string) => `The current members of ${org}, by email. ${who}`;

export const operations = {
  'GET /v1/stores/{storeId}/members': { description: list('the store'), params: storeMembersParams, query: pageQuery, responses: { 200: memberPage } },
  'POST /v1/stores/{storeId}/members': {
    description: invite('the store'),
    params: storeMembersParams,
    body: memberInvite,
    responses: { 201: member, 200: member },
    problems: { 409: 'This email is already a member of another organisation (`detail` names it).' },
  },
  'GET /v1/homes/{homeId}/members': { description: list('the home'), params: homeMembersParams, query: pageQuery, responses: { 200: memberPage } },
  'POST /v1/homes/{homeId}/members': {
    description: invite('the home'),
    params: homeMembersParams,
    body: memberInvite,
    responses: { 201: member, 200: member },
    problems: { 404: 'No home has this id.', 409: 'This email is already a member of another organisation (`detail` names it).' },
  },
  'GET /v1/regions/{regionId}/members': { description: list('the region'), params: regionMembersParams, query: pageQuery, responses: { 200: memberPage } },
  'POST /v1/regions/{regionId}/members': {
    description: `${invite('the region')} A region’s members read everything in the region and write nothing.`,
    params: regionMembersParams,
    body: memberInvite,
    responses: { 201: member, 200: member },
    problems: { 404: 'No region has this id.', 409: 'This email is already a member of another organisation (`detail` names it).' },
  },
  'GET /v1/admin/members': { description: list('the administrators'), query: pageQuery, responses: { 200: memberPage } },
  'POST /v1/admin/members': {
    description: invite('the administrators'),
    body: memberInvite,
    responses: { 201: member, 200: member },
    problems: { 409: 'This email is already a member of another organisation (`detail` names it).' },
  },
  'PATCH /v1/members/{memberId}': {
    description: `Changes a member’s role or display name; their next token (at the latest, the next refresh) carries the new role’s scopes. ${who}`,
    params: memberParams,
    body: memberChange,
    responses: { 200: member },
    problems: { 404: 'No member has this id (administrators only; others get 403).', 409: 'The member was removed, or is a machine client (set by the deployment).' },
  },
  'DELETE /v1/members/{memberId}': {
    description: `Removes a member: their sign-in is disabled and their next token (at the latest, the next refresh) carries no organisation and no scopes. Removing again answers 200 with the removed member. ${who}`,
    params: memberParams,
    responses: { 200: member },
    problems: { 404: 'No member has this id (administrators only; others get 403).', 409: 'The member is a machine client (set by the deployment).' },
  },
} as const satisfies OperationFragment;
