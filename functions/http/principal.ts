/**
 * Who is calling, from the JWT claims API Gateway's authorizer has already verified (locally, the
 * local runtime verifies them the same way). The `org` claim names the caller's organisation:
 * `admin`, `store:<storeId>` or `home:<homeId>`.
 */
import type { APIGatewayProxyEventV2WithJWTAuthorizer } from 'aws-lambda';
import { unauthenticated } from './problem.ts';

/** `anonymous` is only ever the caller of a public route; no claim can produce it. */
export type Org = { kind: 'admin' } | { kind: 'store'; id: string } | { kind: 'home'; id: string } | { kind: 'anonymous' };

export interface Principal {
  readonly subject: string;
  readonly org: Org;
  readonly scopes: ReadonlySet<string>;
}

export const ORG_CLAIM = 'org';

const SLUG = /^[a-z0-9][a-z0-9-]{0,62}$/;

export function parseOrg(value: unknown): Org | null {
  if (value === 'admin') return { kind: 'admin' };
  if (typeof value !== 'string') return null;
  const [kind, id, ...rest] = value.split(':');
  if (rest.length > 0 || id === undefined || !SLUG.test(id)) return null;
  if (kind === 'store' || kind === 'home') return { kind, id };
  return null;
}

export const formatOrg = (org: Org) => ('id' in org ? `${org.kind}:${org.id}` : org.kind);

export function principalFromEvent(event: APIGatewayProxyEventV2WithJWTAuthorizer): Principal {
  const jwt = event.requestContext?.authorizer?.jwt;
  if (!jwt?.claims) throw unauthenticated('No verified token on the request.');
  const org = parseOrg(jwt.claims[ORG_CLAIM]);
  if (!org) throw unauthenticated(`The token has no valid "${ORG_CLAIM}" claim (admin, store:<id> or home:<id>).`);
  const scopeClaim = jwt.scopes ?? String(jwt.claims.scope ?? '').split(' ').filter(Boolean);
  return { subject: String(jwt.claims.sub ?? 'unknown'), org, scopes: new Set(scopeClaim) };
}
