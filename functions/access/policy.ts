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
import { message, type MessageId, type MessageParams } from '../i18n/messages.ts';
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

/** A refusal names its reason as a message id (functions/i18n), so the answer can say it in the request's language; `reason` is the English. */
export type Decision = { allow: true } | { allow: false; reason: string; message: { id: MessageId; params: MessageParams } };

const ALLOW: Decision = { allow: true };
const deny = (id: MessageId, params: MessageParams = {}): Decision => ({ allow: false, reason: message('en', id, params), message: { id, params } });
const adminOnly = deny('access.adminOnly');

export function decide(principal: Principal, action: Action, resource: Resource): Decision {
  if (action === 'manage' && principal.role === 'staff') return deny('access.managerOnly');
  if (resource.kind === 'members') return action === 'manage' ? members(principal.org, resource) : deny('access.membersManaged');
  if (resource.kind === 'webhooks') return action === 'manage' ? webhooks(principal.org, resource) : deny('access.webhooksManaged');
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
        ? deny('access.storeRegion', { regionId: resource.regionId })
      : action === 'manage'
        ? adminOnly
        : resource.storeId === org.id
          ? ALLOW
          : outside(resource),

  home: (org, action, resource) => {
    if (resource.kind === 'catalogue' || resource.kind === 'nation') return catalogueOrNation(action, resource);
    if (resource.kind === 'region') return deny('access.homeRegion', { regionId: resource.regionId });
    if (action === 'manage') return adminOnly;
    if (action === 'decide' && resource.kind === 'request') return deny('access.homeDecides');
    if (action === 'decide' && resource.kind === 'delivery') return deny('access.homeDispatches');
    return action !== 'decide' && resource.kind !== 'store' && resource.homeId === org.id ? ALLOW : outside(resource);
  },

  region: (org, action, resource) => {
    if (action !== 'read') return deny('access.regionReads');
    if (resource.kind === 'catalogue' || resource.kind === 'nation') return catalogueOrNation(action, resource);
    if (resource.kind === 'region') return resource.regionId === org.id ? ALLOW : deny('access.otherRegion', { regionId: resource.regionId });
    return resource.regionId === org.id ? ALLOW : outside(resource);
  },

  anonymous: () => deny('access.signIn'),
};

/** The catalogue is everyone's to read and an administrator's to change; the nation is an administrator's. */
function catalogueOrNation(action: Action, resource: { kind: 'catalogue' | 'nation' }): Decision {
  return resource.kind === 'catalogue' && action === 'read' ? ALLOW : adminOnly;
}

function members(org: Org, resource: MembersResource): Decision {
  const refused =
    resource.of === 'admin'
      ? deny('access.members.admin')
      : resource.of === 'store'
        ? deny('access.members.store', { id: resource.storeId })
        : resource.of === 'home'
          ? deny('access.members.home', { id: resource.homeId })
          : deny('access.members.region', { id: resource.regionId });
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
      return deny('access.signIn');
  }
}

function webhooks(org: Org, resource: WebhooksResource): Decision {
  const owner = resource.owner;
  if (org.kind === 'admin') return ALLOW;
  if (org.kind === 'anonymous') return deny('access.signIn');
  if (owner !== undefined && (org.kind === 'home' || org.kind === 'store') && owner.kind === org.kind && owner.id === org.id) return ALLOW;
  return owner === undefined ? deny('access.webhookSubscription') : deny(owner.kind === 'home' ? 'access.webhooksOf.home' : 'access.webhooksOf.store', { id: owner.id });
}

type Owned = Exclude<Resource, { kind: 'catalogue' | 'nation' | 'region' } | MembersResource | WebhooksResource>;

function outside(resource: Owned): Decision {
  switch (resource.kind) {
    case 'store':
      return deny('access.outside.store', { id: resource.storeId });
    case 'home':
      return deny('access.outside.home', { id: resource.homeId });
    case 'request':
      return deny('access.outside.request', { id: resource.requestId });
    case 'delivery':
      return deny('access.outside.delivery', { id: resource.deliveryId });
  }
}
