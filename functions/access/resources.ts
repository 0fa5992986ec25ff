/**
 * The facts the policy decides on, read from the table, and the verdict in one call: every route
 * authorises through `authorize` (policy.ts) directly, or through one of these when the answer
 * depends on something stored (which store serves a home, whose a request or delivery is).
 *
 * Each reads no more than the answer needs: a caller the policy allows whoever serves the home (an
 * administrator, the home itself) costs no read; only a store acting for a home, its requests or
 * its deliveries pays one GetItem of the home's profile (which store serves it now). A region's
 * member is the one caller whose answer depends on a store's region: only for them is the store
 * read (one more GetItem) to learn it.
 */
import { getDelivery, type DeliveryRecord } from '../data/delivery-repository.ts';
import type { LocationRef } from '../data/keys.ts';
import { getHomeRecord, getStore, type HomeRecord } from '../data/registry-repository.ts';
import { getRequest, type RequestRecord } from '../data/request-repository.ts';
import { AccessDenied, authorize } from './authorize.ts';
import { decide, type Action, type Resource } from './policy.ts';
import { actorOf, type Actor, type Org, type Principal } from './principal.ts';
import { t } from '../i18n/messages.ts';

/** The region of the store, read only for a region's member (the one caller the answer depends on). */
async function regionFor(principal: Principal, storeId: string | undefined): Promise<string | undefined> {
  if (principal.org.kind !== 'region' || storeId === undefined) return undefined;
  return (await getStore(storeId))?.regionId;
}

/** Authorises an action on a store (its profile, worklist, stock, requests, deliveries, shortfalls). */
export async function authorizeStore(principal: Principal, action: Action, storeId: string): Promise<void> {
  authorize(principal, action, { kind: 'store', storeId, regionId: await regionFor(principal, storeId) });
}

/**
 * Authorises an action on a home. Returns the home's profile when it had to read it (so the use case
 * need not read it again); undefined when the caller is allowed whoever serves the home, unread.
 */
export async function authorizeHome(principal: Principal, action: Action, homeId: string): Promise<HomeRecord | undefined> {
  // Would the answer be yes even if no store served it? Knowing the store can only add a store to who may.
  if (decide(principal, action, { kind: 'home', homeId, storeId: undefined }).allow) return undefined;
  const home = await getHomeRecord(homeId);
  authorize(principal, action, { kind: 'home', homeId, storeId: home?.storeId, regionId: await regionFor(principal, home?.storeId) });
  return home;
}

/** Authorises an action on a home whose profile the caller has read already (`storeId`: the store serving it; undefined: no such home). */
export async function authorizeReadHome(principal: Principal, action: Action, homeId: string, storeId: string | undefined): Promise<void> {
  authorize(principal, action, { kind: 'home', homeId, storeId, regionId: await regionFor(principal, storeId) });
}

/**
 * Authorises managing the members of `org` (listing, inviting, changing, removing). For a home's,
 * reads which store serves it only when the answer depends on it (a store's manager).
 */
export async function authorizeMembers(principal: Principal, org: Org): Promise<void> {
  if (org.kind === 'anonymous') throw new AccessDenied(t('access.noOrgMembers'));
  if (org.kind === 'region') return authorize(principal, 'manage', { kind: 'members', of: 'region', regionId: org.id });
  if (org.kind !== 'home') return authorize(principal, 'manage', org.kind === 'admin' ? { kind: 'members', of: 'admin' } : { kind: 'members', of: 'store', storeId: org.id });
  if (decide(principal, 'manage', { kind: 'members', of: 'home', homeId: org.id, storeId: undefined }).allow) return;
  const home = await getHomeRecord(org.id);
  authorize(principal, 'manage', { kind: 'members', of: 'home', homeId: org.id, storeId: home?.storeId });
}

/**
 * Authorises managing an organisation's webhook subscriptions (`owner` undefined: no such
 * subscription; only an administrator goes on to learn 404). Reads nothing: a home's are its own,
 * a store's its own (a store manages no home's subscriptions; it receives its homes' events).
 */
export async function authorizeWebhooks(principal: Principal, owner: { kind: 'home' | 'store'; id: string } | undefined): Promise<void> {
  authorize(principal, 'manage', { kind: 'webhooks', owner });
}

/** The stock routes name a location: a store's own, or a home's (see authorizeHome). */
export async function authorizeLocation(principal: Principal, action: Action, location: LocationRef): Promise<void> {
  if (location.kind === 'store') await authorizeStore(principal, action, location.id);
  else await authorizeHome(principal, action, location.id);
}

/**
 * Reads a request and authorises the action on it; undefined (only ever for an administrator) when
 * there is none. Its store is the one serving its home NOW, not the one stored on the request: a
 * home that moved took its requests with it, closed ones included, and the store it left may no
 * longer read or change them. `onHome` hears the home's profile when authorising had to read it.
 */
export async function authorizedRequest(principal: Principal, action: Action, requestId: string, onHome?: (home: HomeRecord | undefined) => void): Promise<RequestRecord | undefined> {
  const request = await getRequest(requestId);
  const home = await authorizeHomeWork(principal, action, request?.homeId, (owner) => ({ kind: 'request', requestId, homeId: request?.homeId, ...owner }));
  onHome?.(home);
  return request;
}

/** Reads a delivery and authorises the action on it, by the store serving its home now (see authorizedRequest). */
export async function authorizedDelivery(principal: Principal, action: Action, deliveryId: string): Promise<DeliveryRecord | undefined> {
  const delivery = await getDelivery(deliveryId);
  await authorizeHomeWork(principal, action, delivery?.homeId, (owner) => ({ kind: 'delivery', deliveryId, homeId: delivery?.homeId, ...owner }));
  return delivery;
}

/**
 * A request or a delivery is its home's: the store that may act on it is the one serving the home
 * now, read from the home's profile (one GetItem), and only when the answer depends on it (a store
 * calling; an administrator or the home itself is answered unread). Returns the profile if read.
 */
async function authorizeHomeWork(
  principal: Principal,
  action: Action,
  homeId: string | undefined,
  resource: (owner: Owner) => Resource,
): Promise<HomeRecord | undefined> {
  const unread: Owner = { storeId: undefined, regionId: undefined };
  if (homeId === undefined || decide(principal, action, resource(unread)).allow) {
    authorize(principal, action, resource(unread));
    return undefined;
  }
  const home = await getHomeRecord(homeId);
  authorize(principal, action, resource({ storeId: home?.storeId, regionId: await regionFor(principal, home?.storeId) }));
  return home;
}

/** Who a home's request or delivery belongs to now: the store serving the home, and that store's region (read only for a region's member). */
interface Owner {
  storeId: string | undefined;
  regionId: string | undefined;
}

/**
 * A record a use case reads through the policy, again on every retry: each read re-authorises, so a
 * record that left the caller's tenancy between attempts (its home moved) is refused, not changed.
 * `actor` is who acts, for the record's history.
 */
export interface GuardedRecord<T> {
  readonly id: string;
  readonly actor: Actor;
  read(): Promise<T | undefined>;
  /** The record's home as the last read() found it, when authorising read it (a store calling); else undefined. */
  servingHome?(): HomeRecord | undefined;
}

export function guardedRequest(principal: Principal, action: Action, requestId: string): GuardedRecord<RequestRecord> {
  let home: HomeRecord | undefined;
  return {
    id: requestId,
    actor: actorOf(principal),
    read: () => authorizedRequest(principal, action, requestId, (read) => (home = read)),
    servingHome: () => home,
  };
}

export const guardedDelivery = (principal: Principal, action: Action, deliveryId: string): GuardedRecord<DeliveryRecord> => ({
  id: deliveryId,
  actor: actorOf(principal),
  read: () => authorizedDelivery(principal, action, deliveryId),
});
