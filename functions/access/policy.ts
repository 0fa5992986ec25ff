/**
 * The one access policy: given who is calling, what they want to do and what they want to do it to,
 * allow or deny with the reason. Pure: the facts it needs (which store serves a home, whose a
 * request is) come in the resource, read by resources.ts; this file reads nothing.
 *
 * Rules, one per organisation kind (the record below makes the compiler ask for a rule when a kind
 * is added):
 * - an administrator may do anything;
 * - a store reads, writes and decides for itself and for the homes it serves now (their stock,
 *   requests and deliveries);
 * - a home reads and writes its own things, never decides (approving, rejecting, allocating,
 *   dispatching are its store's);
 * - anyone signed in reads the catalogue; only an administrator manages (the catalogue, stores,
 *   homes) or touches every store at once (the nation: all stores, all shortfalls, the jobs);
 * - a region (its commissioners and liaison officers) reads everything of the stores in it and of the
 *   homes they serve, and its own overview; it writes, decides and manages nothing (a store names
 *   its region: the resource carries it, read by resources.ts only when the answer depends on it);
 * - staff manage nothing, whatever their organisation;
 * - members: an administrator manages anyone's; a store's managers the store's and those of the
 *   homes it serves now; a home's managers their home's; a region's managers their region's
 *   (listing them is managing: staff see none);
 * - webhooks: a home's managers manage its own subscriptions, a store's managers the store's (a store
 *   manages no home's: it subscribes for itself and receives its homes' events); an administrator
 *   any; a region none (it has no events of its own). Managing includes reading the delivery log.
 * Outside its tenancy a caller is denied whether or not the thing exists (a resource that was not
 * found carries no owner), so ids cannot be probed; only an administrator goes on to learn 404.
 */
import type { Org, Principal } from './principal.ts';

/**
 * read: see it. write: record what happened there (counts, requests, cancellations, receipts).
 * decide: a store's calls on its homes' work (approve, reject, allocate, caps, plan, dispatch).
 * manage: change the registry (catalogue, stores, homes); run the jobs for everyone.
 */
export type Action = 'read' | 'write' | 'decide' | 'manage';

/** What is acted on, with the facts that decide who may. A missing owner (undefined) means "not found". */
export type Resource =
  | { kind: 'catalogue' }
  | { kind: 'nation' }
  /** A region's overview, its rollups and its export. */
  | { kind: 'region'; regionId: string }
  /** regionId (on this and the kinds below): the region of the store, when it was read; only a region's rule looks at it. */
  | { kind: 'store'; storeId: string; regionId?: string | undefined }
  /** storeId: the store serving the home now; undefined when there is no such home. */
  | { kind: 'home'; homeId: string; storeId: string | undefined; regionId?: string | undefined }
  /** storeId: the store serving the request's home now (not the one stored on the request: homes move). */
  | { kind: 'request'; requestId: string; homeId: string | undefined; storeId: string | undefined; regionId?: string | undefined }
  /** storeId: the store serving the delivery's home now (not necessarily the store whose van it was). */
  | { kind: 'delivery'; deliveryId: string; homeId: string | undefined; storeId: string | undefined; regionId?: string | undefined }
  | MembersResource
  | WebhooksResource;

/** An organisation's webhook subscriptions; `owner` undefined: no such subscription (only an administrator learns 404). */
export type WebhooksResource = { kind: 'webhooks'; owner: { kind: 'home' | 'store'; id: string } | undefined };

/** The members of an organisation; for a home, storeId is the store serving it now (undefined: no such home). */
export type MembersResource =
  | { kind: 'members'; of: 'admin' }
  | { kind: 'members'; of: 'store'; storeId: string }
  | { kind: 'members'; of: 'home'; homeId: string; storeId: string | undefined }
  | { kind: 'members'; of: 'region'; regionId: string };

export type Decision = { allow: true } | { allow: false; reason: string };

const ALLOW: Decision = { allow: true };
const deny = (reason: string): Decision => ({ allow: false, reason });
const adminOnly = deny('Only an administrator may do this.');

export function decide(principal: Principal, action: Action, resource: Resource): Decision {
  if (action === 'manage' && principal.role === 'staff') return deny('Only a manager may do this; staff may not.');
  if (resource.kind === 'members') return action === 'manage' ? members(principal.org, resource) : deny('Members are managed, not read or written: use action "manage".');
  if (resource.kind === 'webhooks') return action === 'manage' ? webhooks(principal.org, resource) : deny('Webhooks are managed, not read or written: use action "manage".');
  const rule = rules[principal.org.kind] as Rule<Org>;
  return rule(principal.org, action, resource);
}

type Rule<O extends Org> = (org: O, action: Action, resource: Exclude<Resource, MembersResource | WebhooksResource>) => Decision;
type Rules = { [K in Org['kind']]: Rule<Extract<Org, { kind: K }>> };

const rules: Rules = {
  admin: () => ALLOW,

  store: (org, action, resource) =>
    resource.kind === 'catalogue' || resource.kind === 'nation'
      ? catalogueOrNation(action, resource)
      : resource.kind === 'region'
        ? deny(`A store may not read region "${resource.regionId}"; its administrators and the region's own members may.`)
      : action === 'manage'
        ? adminOnly
        : resource.storeId === org.id
          ? ALLOW
          : outside(resource),

  home: (org, action, resource) => {
    if (resource.kind === 'catalogue' || resource.kind === 'nation') return catalogueOrNation(action, resource);
    if (resource.kind === 'region') return deny(`A home may not read region "${resource.regionId}".`);
    if (action === 'manage') return adminOnly;
    if (action === 'decide' && resource.kind === 'request') return deny('A home may not approve or reject requests; its store decides.');
    if (action === 'decide' && resource.kind === 'delivery') return deny('A home may not dispatch deliveries; its store does.');
    return action !== 'decide' && resource.kind !== 'store' && resource.homeId === org.id ? ALLOW : outside(resource);
  },

  region: (org, action, resource) => {
    if (action !== 'read') return deny('A region reads; it writes, decides and manages nothing.');
    if (resource.kind === 'catalogue' || resource.kind === 'nation') return catalogueOrNation(action, resource);
    if (resource.kind === 'region') return resource.regionId === org.id ? ALLOW : deny(`Your organisation may not read region "${resource.regionId}".`);
    return resource.regionId === org.id ? ALLOW : outside(resource);
  },

  anonymous: () => deny('Sign in first.'),
};

/** The catalogue is everyone's to read and an administrator's to change; the nation is an administrator's. */
function catalogueOrNation(action: Action, resource: { kind: 'catalogue' | 'nation' }): Decision {
  return resource.kind === 'catalogue' && action === 'read' ? ALLOW : adminOnly;
}

function members(org: Org, resource: MembersResource): Decision {
  const whose =
    resource.of === 'admin'
      ? 'the administrators'
      : resource.of === 'store'
        ? `store "${resource.storeId}"`
        : resource.of === 'home'
          ? `home "${resource.homeId}"`
          : `region "${resource.regionId}"`;
  const refused = deny(`You may not manage the members of ${whose}.`);
  switch (org.kind) {
    case 'admin':
      return ALLOW;
    case 'store':
      return (resource.of === 'store' || resource.of === 'home') && resource.storeId === org.id ? ALLOW : refused;
    case 'home':
      return resource.of === 'home' && resource.homeId === org.id ? ALLOW : refused;
    case 'region':
      return resource.of === 'region' && resource.regionId === org.id ? ALLOW : refused;
    case 'anonymous':
      return deny('Sign in first.');
  }
}

function webhooks(org: Org, resource: WebhooksResource): Decision {
  const owner = resource.owner;
  if (org.kind === 'admin') return ALLOW;
  if (org.kind === 'anonymous') return deny('Sign in first.');
  if (owner !== undefined && (org.kind === 'home' || org.kind === 'store') && owner.kind === org.kind && owner.id === org.id) return ALLOW;
  return deny(owner === undefined ? 'Your organisation may not manage this webhook subscription.' : `Your organisation may not manage the webhooks of ${owner.kind} "${owner.id}".`);
}

type Owned = Exclude<Resource, { kind: 'catalogue' | 'nation' | 'region' } | MembersResource | WebhooksResource>;

function outside(resource: Owned): Decision {
  switch (resource.kind) {
    case 'store':
      return deny(`Your organisation may not access store "${resource.storeId}".`);
    case 'home':
      return deny(`Your organisation may not access home "${resource.homeId}".`);
    case 'request':
      return deny(`Your organisation may not access request "${resource.requestId}".`);
    case 'delivery':
      return deny(`Your organisation may not access delivery "${resource.deliveryId}".`);
  }
}
