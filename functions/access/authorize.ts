/**
 * The policy's verdict as control flow: `authorize` throws AccessDenied, a domain error the HTTP
 * edge answers with 403 problem+json (its message is the problem's detail). Nothing here knows HTTP.
 */
import { decide, type Action, type Resource } from './policy.ts';
import type { Principal } from './principal.ts';
import { t } from '../i18n/messages.ts';

export class AccessDenied extends Error {
  override readonly name = 'AccessDenied';
}

export function authorize(principal: Principal, action: Action, resource: Resource): void {
  const decision = decide(principal, action, resource);
  // The reason in the language of the request being answered.
  if (!decision.allow) throw new AccessDenied(t(decision.message.id, decision.message.params));
}
