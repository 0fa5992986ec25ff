/**
 * OAuth scopes, one per capability, and the one table of what each role holds. The Cognito
 * resource server declares the scopes, the API's JWT authorizer requires them per route, handlers
 * check them again; the pre-token-generation trigger, the local token command, the local sign-in
 * and the page all read `scopesOf` below. Defined once, here.
 */
import type { MemberRole } from './access/principal.ts';

export const RESOURCE_SERVER = 'carestock';

export const scopes = {
  read: `${RESOURCE_SERVER}/read`,
  stockWrite: `${RESOURCE_SERVER}/stock.write`,
  requestsWrite: `${RESOURCE_SERVER}/requests.write`,
  requestsApprove: `${RESOURCE_SERVER}/requests.approve`,
  deliveriesSchedule: `${RESOURCE_SERVER}/deliveries.schedule`,
  membersManage: `${RESOURCE_SERVER}/members.manage`,
  webhooksManage: `${RESOURCE_SERVER}/webhooks.manage`,
  admin: `${RESOURCE_SERVER}/admin`,
} as const;

export type Scope = (typeof scopes)[keyof typeof scopes];

export const scopeDescriptions: Record<Scope, string> = {
  [scopes.read]: 'Read stock, requests, deliveries, shortfalls and overviews within your organisation',
  [scopes.stockWrite]: 'Post stock counts and confirm receipt of deliveries',
  [scopes.requestsWrite]: 'Submit and cancel PPE requests',
  [scopes.requestsApprove]: 'Approve, reject and allocate requests; set request caps',
  [scopes.deliveriesSchedule]: 'Plan and dispatch deliveries',
  [scopes.membersManage]: 'Invite, change and remove the members of your organisation (and, for a store, of the homes it serves)',
  [scopes.webhooksManage]: 'Subscribe your organisation’s HTTPS endpoints to its events (webhooks), list and remove them, read their delivery logs',
  [scopes.admin]: 'Manage the catalogue, stores and homes; run jobs; read everything',
};

/** The kinds of organisation a member belongs to (the `org` claim's prefix). */
export type OrgKind = 'admin' | 'store' | 'home' | 'region';

/** A member's role within their organisation (the `role` claim) is defined with the principal. */
export type { MemberRole };

/**
 * What an organisation's work needs, whoever does it. Staff hold exactly this; a manager holds it
 * plus member management and (a home's, a store's, an administrator's) its webhook subscriptions. So a store's staff count, approve and dispatch but manage nobody, and a
 * home's staff (like its managers) cannot approve: approving is a store's work, never a home's.
 */
const work: Record<OrgKind, readonly Scope[]> = {
  admin: [scopes.read, scopes.stockWrite, scopes.requestsWrite, scopes.requestsApprove, scopes.deliveriesSchedule, scopes.admin],
  store: [scopes.read, scopes.stockWrite, scopes.requestsWrite, scopes.requestsApprove, scopes.deliveriesSchedule],
  home: [scopes.read, scopes.stockWrite, scopes.requestsWrite],
  // A region's commissioners and liaison officers read their region and write nothing.
  region: [scopes.read],
};

/** The one role → scopes table: `roleScopes[orgKind][role]`. */
export const roleScopes: Record<OrgKind, Record<MemberRole, readonly Scope[]>> = {
  admin: { manager: [...work.admin, scopes.membersManage, scopes.webhooksManage], staff: work.admin },
  store: { manager: [...work.store, scopes.membersManage, scopes.webhooksManage], staff: work.store },
  home: { manager: [...work.home, scopes.membersManage, scopes.webhooksManage], staff: work.home },
  region: { manager: [...work.region, scopes.membersManage], staff: work.region },
};

export const scopesOf = (orgKind: OrgKind, role: MemberRole): readonly Scope[] => roleScopes[orgKind][role];

/** Every scope any role can hold: what the resource server declares. */
export const allScopes: readonly Scope[] = Object.values(scopes);

/**
 * Machine clients (client credentials) are staff of their organisation: a store system counts,
 * approves and dispatches like the store's staff, and never invites or removes a person.
 */
export const MACHINE_CLIENT_ROLE: MemberRole = 'staff';
