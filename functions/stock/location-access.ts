/**
 * Tenancy for the stock routes, which all name a location (a home or a store). A store acting for a
 * home needs the home's profile to know who serves it; that read happens before any stock is read.
 */
import { getHomeRecord } from '../data/registry-repository.ts';
import type { LocationRef } from '../data/keys.ts';
import type { Principal } from '../http/principal.ts';
import { precheckHomeAccess, requireHomeAccess, requireStoreAccess } from '../http/tenancy.ts';

/** Throws 403 outside the caller's tenancy. Answers whether the location was seen to exist (undefined: not read). */
export async function authoriseLocation(principal: Principal, location: LocationRef): Promise<boolean | undefined> {
  if (location.kind === 'store') {
    requireStoreAccess(principal, location.id);
    return undefined;
  }
  if (precheckHomeAccess(principal, location.id) === 'allowed') return undefined;
  const home = await getHomeRecord(location.id);
  requireHomeAccess(principal, location.id, home?.storeId);
  return home !== undefined;
}

export const homeLocation = (id: string): LocationRef => ({ kind: 'home', id });
export const storeLocation = (id: string): LocationRef => ({ kind: 'store', id });
export const describeLocation = (location: LocationRef) => `${location.kind} "${location.id}"`;
