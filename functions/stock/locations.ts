/** The stock routes name a location: a home or a store. */
import type { LocationRef } from '../data/keys.ts';
import { t } from '../i18n/messages.ts';

export const homeLocation = (id: string): LocationRef => ({ kind: 'home', id });
export const storeLocation = (id: string): LocationRef => ({ kind: 'store', id });
export const describeLocation = (location: LocationRef) => `${location.kind} "${location.id}"`;
/** "No home "x"." in the request's language. */
export const noSuchLocation = (location: LocationRef) => t(location.kind === 'home' ? 'notFound.location.home' : 'notFound.location.store', { id: location.id });
