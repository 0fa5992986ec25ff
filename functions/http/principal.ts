/**
 * The caller, from the JWT claims API Gateway's authorizer has already verified (locally, the local
 * runtime verifies them the same way): the `org` claim names the organisation (`admin`,
 * `store:<storeId>` or `home:<homeId>`), the optional `role` claim the person's role in it
 * (`manager` or `staff`). What a principal may do is the access policy's (functions/access/).
 */
import type { APIGatewayProxyEventV2WithJWTAuthorizer } from 'aws-lambda';
import { parseOrg, parseRole, type Principal } from '../access/principal.ts';
import { unauthenticated } from './problem.ts';

export const ORG_CLAIM = 'org';
export const ROLE_CLAIM = 'role';

export function principalFromEvent(event: APIGatewayProxyEventV2WithJWTAuthorizer): Principal {
  const jwt = event.requestContext?.authorizer?.jwt;
  if (!jwt?.claims) throw unauthenticated('No verified token on the request.');
  const org = parseOrg(jwt.claims[ORG_CLAIM]);
  if (!org) throw unauthenticated(`The token has no valid "${ORG_CLAIM}" claim (admin, store:<id>, home:<id> or region:<id>).`);
  const role = parseRole(jwt.claims[ROLE_CLAIM]);
  if (role === null) throw unauthenticated(`The token's "${ROLE_CLAIM}" claim is not a role (manager or staff).`);
  const scopeClaim = jwt.scopes ?? String(jwt.claims.scope ?? '').split(' ').filter(Boolean);
  return { subject: String(jwt.claims.sub ?? 'unknown'), org, ...(role ? { role } : {}), scopes: new Set(scopeClaim) };
}
