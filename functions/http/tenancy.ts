/**
 * Tenancy rules, one place: an admin sees everything; a store sees itself and the homes it serves;
 * a home sees only itself. Outside its tenancy a caller gets 403 whether or not the thing exists,
 * so tokens cannot probe for other organisations' IDs.
 */
import { forbidden } from './problem.ts';
import type { Principal } from './principal.ts';

export function requireAdmin(principal: Principal): void {
  if (principal.org.kind !== 'admin') throw forbidden('Only an administrator may do this.');
}

export function requireStoreAccess(principal: Principal, storeId: string): void {
  const { org } = principal;
  if (org.kind === 'admin' || (org.kind === 'store' && org.id === storeId)) return;
  throw forbidden(`Your organisation may not access store "${storeId}".`);
}

/** Fails fast without a read when the answer does not depend on the home's store. */
export function precheckHomeAccess(principal: Principal, homeId: string): 'allowed' | 'needs-store' {
  const { org } = principal;
  if (org.kind === 'admin' || (org.kind === 'home' && org.id === homeId)) return 'allowed';
  if (org.kind === 'store') return 'needs-store';
  throw forbidden(`Your organisation may not access home "${homeId}".`);
}

/** `servingStoreId` is the home's store as stored, or undefined when the home does not exist. */
export function requireHomeAccess(principal: Principal, homeId: string, servingStoreId: string | undefined): void {
  const { org } = principal;
  if (org.kind === 'admin' || (org.kind === 'home' && org.id === homeId)) return;
  if (org.kind === 'store' && servingStoreId !== undefined && org.id === servingStoreId) return;
  throw forbidden(`Your organisation may not access home "${homeId}".`);
}
