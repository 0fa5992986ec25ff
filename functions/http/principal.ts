/**
 * The caller, from the JWT claims API Gateway's authorizer has already verified (locally, the local
 * runtime verifies them the same way): the `org` claim names the organisation (`admin`,
 * `store:<storeId>` or `home:<homeId>`), the optional `role` claim the person's role in it
 * (`manager` or `staff`). What a principal may do is the access policy's (functions/access/).
 */
import type { APIGatewayProxyEventV2WithJWTAuthorizer } from 'aws-lambda';
import { parseOrg, parseRole, type Principal } from '../access/principal.ts';
import { unauthenticated } from './problem.ts';
import { t } from '../i18n/messages.ts';

export const ORG_CLAIM = 'org';
export const ROLE_CLAIM = 'role';

export function principalFromEvent(event: APIGatewayProxyEventV2WithJWTAuthorizer): Principal {
  const jwt = event.requestContext?.authorizer?.jwt;
  if (!jwt?.claims) throw unauthenticated(t('auth.noToken'));
  const org = parseOrg(jwt.claims[ORG_CLAIM]);
  if (!org) throw unauthenticated(t('auth.noOrg', { claim: ORG_CLAIM }));
  const role = parseRole(jwt.claims[ROLE_CLAIM]);
  if (role === null) throw unauthenticated(t('auth.badRole', { claim: ROLE_CLAIM }));
  const scopeClaim = jwt.scopes ?? String(jwt.claims.scope ?? '').split(' ').filter(Boolean);
  return { subject: String(jwt.claims.sub ?? 'unknown'), org, ...(role ? { role } : {}), scopes: new Set(scopeClaim) };
}
