/**
 * Who is calling, as the access policy sees it: an organisation, optionally a role within it, and
 * the OAuth scopes the token carries. The HTTP edge builds it from verified JWT claims
 * (functions/http/principal.ts); nothing else decides what an organisation is.
 *
 * Organisations are written `admin`, `store:<storeId>`, `home:<homeId>` or `region:<regionId>` in the
 * `org` claim (a region's commissioners and liaison officers: they read their region, write nothing). A new
 * kind (a region, say) is one more variant here, one more case in `parseOrg`, and one more rule in
 * policy.ts, which the compiler then demands.
 */

/** `anonymous` is only ever the caller of a public route; no claim can produce it. */
export type Org =
  | { kind: 'admin' }
  | { kind: 'store'; id: string }
  | { kind: 'home'; id: string }
  | { kind: 'region'; id: string }
  | { kind: 'anonymous' };

/** A person's role within their organisation; machine clients have none. */
export const MEMBER_ROLES = ['manager', 'staff'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

export interface Principal {
  readonly subject: string;
  readonly org: Org;
  /** Absent for machine clients and tokens issued before roles existed: the organisation's rules alone apply. */
  readonly role?: MemberRole | undefined;
  readonly scopes: ReadonlySet<string>;
}

const SLUG = /^[a-z0-9][a-z0-9-]{0,62}$/;

export function parseOrg(value: unknown): Org | null {
  if (value === 'admin') return { kind: 'admin' };
  if (typeof value !== 'string') return null;
  const [kind, id, ...rest] = value.split(':');
  if (rest.length > 0 || id === undefined || !SLUG.test(id)) return null;
  if (kind === 'store' || kind === 'home' || kind === 'region') return { kind, id };
  return null;
}

export const formatOrg = (org: Org) => ('id' in org ? `${org.kind}:${org.id}` : org.kind);

/** `undefined` when no role was given; `null` when one was given that is not a role. */
export function parseRole(value: unknown): MemberRole | undefined | null {
  if (value === undefined || value === null || value === '') return undefined;
  return (MEMBER_ROLES as readonly unknown[]).includes(value) ? (value as MemberRole) : null;
}

export const anonymousPrincipal: Principal = { subject: 'anonymous', org: { kind: 'anonymous' }, scopes: new Set() };

/** Who did it, for a request's or a delivery's history. */
export const actorOf = (principal: Principal) => ({ subject: principal.subject, org: formatOrg(principal.org) });
export type Actor = ReturnType<typeof actorOf>;
