/**
 * Where people sign in: Cognito when deployed, a local directory on one machine. The member use
 * cases only ever see this interface, so inviting and removing are the same code in both places.
 */
import { HttpProblem } from '../http/problem.ts';
import { t } from '../i18n/messages.ts';

export interface IdentityDirectory {
  /**
   * Creates the person's sign-in and sends the invitation, or, if they already have one (a retry,
   * or someone removed earlier), finds it and enables it. Returns their identity subject (`sub`).
   */
  invite(person: { email: string; name: string }): Promise<string>;
  /** Stops the person signing in. Idempotent. */
  disable(subject: string): Promise<void>;
}

/** The directory is throttling or down: the client should retry; nothing was half-written that a retry cannot finish. */
export const directoryUnavailable = () =>
  new HttpProblem('throttled', t('failure.directoryThrottled'), { headers: { 'retry-after': '1' } });

/**
 * The directory of this environment: Cognito where the stack set USER_POOL_ID, the local directory
 * where the local runtime set DATA_DIR, and a failure otherwise (never a silent fallback).
 */
export async function identityDirectory(env: NodeJS.ProcessEnv = process.env): Promise<IdentityDirectory> {
  if (env.USER_POOL_ID) return new (await import('./cognito-directory.ts')).CognitoDirectory(env.USER_POOL_ID);
  if (env.DATA_DIR) return new (await import('./local-directory.ts')).LocalDirectory(env.DATA_DIR);
  throw new Error('No identity directory is configured (USER_POOL_ID or DATA_DIR).');
}
