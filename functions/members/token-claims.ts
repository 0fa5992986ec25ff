/**
 * What a token says about its holder, decided from the membership in the table and nothing the
 * holder can edit: the organisation, the role, and exactly that role's scopes. The Cognito trigger
 * and the local sign-in both call `claimsForSubject`; `accessTokenOverrides` is the trigger's
 * answer to Cognito (v3 event), pure.
 */
import { memberBySubject } from '../data/member-repository.ts';
import { parseOrg } from '../access/principal.ts';
import { scopesOf, type MemberRole, type Scope } from '../scopes.ts';

export interface MemberClaims {
  org: string;
  role: MemberRole;
  scopes: readonly Scope[];
}

export const ROLE_CLAIM = 'role';

/** The holder's claims, or null when they have no current membership. A table read failure throws: never a guess. */
export async function claimsForSubject(subject: string): Promise<MemberClaims | null> {
  const member = await memberBySubject(subject);
  if (!member) return null;
  const org = parseOrg(member.org);
  if (!org || org.kind === 'anonymous') return null;
  return { org: member.org, role: member.role, scopes: scopesOf(org.kind, member.role) };
}

/** Scopes that are not Carestock's to decide: OpenID Connect's, which only reach the userInfo endpoint. */
const OIDC_SCOPES = new Set(['openid', 'email', 'profile', 'phone']);

export interface AccessTokenGeneration {
  claimsToAddOrOverride?: Record<string, string>;
  scopesToAdd: string[];
  scopesToSuppress: string[];
}

/**
 * The access token gets exactly the role's scopes, whatever the client asked for: every requested
 * scope outside the role is suppressed (`carestock/admin`, `aws.cognito.signin.user.admin`, which
 * would let the holder edit their own attributes), and the role's scopes it did not ask for are
 * added. No membership: no org, no role, no Carestock scope.
 */
export function accessTokenOverrides(claims: MemberClaims | null, requested: readonly string[]): AccessTokenGeneration {
  const granted = new Set<string>(claims?.scopes ?? []);
  const asked = new Set(requested);
  const scopesToSuppress = [...asked].filter((scope) => !granted.has(scope) && !OIDC_SCOPES.has(scope));
  const scopesToAdd = [...granted].filter((scope) => !asked.has(scope));
  // Nothing to suppress besides scopes: only this trigger ever adds `org` and `role`.
  if (!claims) return { scopesToAdd, scopesToSuppress };
  return { claimsToAddOrOverride: { org: claims.org, [ROLE_CLAIM]: claims.role }, scopesToAdd, scopesToSuppress };
}
