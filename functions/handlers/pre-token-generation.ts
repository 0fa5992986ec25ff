/**
 * Cognito pre-token-generation trigger (v3, which also runs for client credentials): the caller's
 * membership, read from the table by their identity subject (a person's `sub`, or a machine
 * client's id), decides the access token's `org` and `role` claims and exactly its scopes. Nothing
 * in the user's attributes is read. No membership (or a removed one): no org and no Carestock
 * scope, which every route refuses. A table read failure throws, and Cognito refuses the token:
 * it never falls back to a guess.
 */
import { keys } from '../data/keys.ts';
import { accessTokenOverrides, claimsForSubject, type AccessTokenGeneration } from '../members/token-claims.ts';
import { logger } from '../observability/logger.ts';

/** The parts of Cognito's v3 event this reads and writes (user sign-in, refresh, and client credentials alike). */
export interface PreTokenGenerationV3Event {
  version: string;
  triggerSource: string;
  userName?: string;
  callerContext: { clientId: string };
  request: { userAttributes?: Record<string, string>; scopes?: string[] };
  response: { claimsAndScopeOverrideDetails?: { accessTokenGeneration?: AccessTokenGeneration } | null };
}

export function subjectOf(event: PreTokenGenerationV3Event): string | undefined {
  if (event.triggerSource === 'TokenGeneration_ClientCredentials') return keys.machineSubject(event.callerContext.clientId);
  return event.request.userAttributes?.sub ?? event.userName;
}

export async function handler(event: PreTokenGenerationV3Event): Promise<PreTokenGenerationV3Event> {
  const subject = subjectOf(event);
  const claims = subject ? await claimsForSubject(subject) : null;
  if (!claims) logger.warn('token without membership: no org, no scopes', { triggerSource: event.triggerSource, clientId: event.callerContext.clientId });
  event.response = { claimsAndScopeOverrideDetails: { accessTokenGeneration: accessTokenOverrides(claims, event.request.scopes ?? []) } };
  return event;
}
