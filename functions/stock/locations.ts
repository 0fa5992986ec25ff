/** The stock routes name a location: a home or a store. */
import type { LocationRef } from '../data/keys.ts';

export const homeLocation = (id: string): LocationRef => ({ kind: 'home', id });
export const storeLocation = (id: string): LocationRef => ({ kind: 'store', id });
export const describeLocation = (location: LocationRef) => `${location.kind} "${location.id}"`;
