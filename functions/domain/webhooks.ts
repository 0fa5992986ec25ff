/**
 * Webhooks' pure rules (issue #21): which events exist, which subscriptions an event goes to, the
 * retry schedule, which subscriber URLs and addresses are refused, and Standard Webhooks signing.
 * No AWS, no clock, no network: the sender (functions/webhooks/sender.ts) and the subscription use
 * cases feed these what they read.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { BlockList, isIP } from 'node:net';
import { t } from '../i18n/messages.ts';

/** Every event a subscription may ask for. Adding one is a compatible change; removing one is not. */
export const WEBHOOK_EVENT_TYPES = [
  'request.approved',
  'request.rejected',
  'delivery.planned',
  'delivery.dispatched',
  'delivery.received',
  'shortfall.flagged',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** At most this many subscriptions per organisation (a home or a store). */
export const MAX_SUBSCRIPTIONS_PER_ORG = 10;

/** The event as written to the outbox, in the transaction of the change it reports. */
export interface WebhookEvent {
  /** Stable across every attempt and every subscriber: the `webhook-id` header (receivers dedupe on it). */
  readonly eventId: string;
  readonly type: WebhookEventType;
  /** When the change happened (ISO 8601). */
  readonly timestamp: string;
  /** The home the event concerns: decides who receives it. */
  readonly homeId: string;
  readonly data: Readonly<Record<string, unknown>>;
}

/** What an integrator receives: Standard Webhooks' `{ type, timestamp, data }`. */
export function eventPayload(event: WebhookEvent): string {
  return JSON.stringify({ type: event.type, timestamp: event.timestamp, data: event.data });
}

export type SubscriberOrg = { kind: 'home'; id: string } | { kind: 'store'; id: string };

export interface SubscriptionFacts {
  readonly subscriptionId: string;
  readonly org: SubscriberOrg;
  /** Empty: every event type. */
  readonly eventTypes: readonly string[];
}

/**
 * Which subscriptions an event goes to: the home's own, and those of the store serving the home
 * NOW (`servingStoreId`, read at fan-out: a home that moved is its new store's), each only if it
 * asked for the event's type. Nobody else's, whatever is passed in.
 */
export function recipientsOf<S extends SubscriptionFacts>(event: Pick<WebhookEvent, 'type' | 'homeId'>, servingStoreId: string | undefined, subscriptions: readonly S[]): S[] {
  return subscriptions.filter((s) => {
    const concerns = s.org.kind === 'home' ? s.org.id === event.homeId : servingStoreId !== undefined && s.org.id === servingStoreId;
    return concerns && (s.eventTypes.length === 0 || s.eventTypes.includes(event.type));
  });
}

/**
 * Standard Webhooks' suggested schedule: the first attempt at once, then 5 s, 5 min, 30 min, 2 h,
 * 5 h and 10 h after the attempt before (about 17.5 h in all); then the delivery is `failing`.
 * Delays in milliseconds, each from the failed attempt before it. Injectable everywhere it is used.
 */
export const DEFAULT_RETRY_SCHEDULE_MS: readonly number[] = [0, 5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000];

/** After `attemptsMade` attempts (≥ 1) all failed: the delay before the next, or null when the schedule is spent. */
export function nextRetryDelay(attemptsMade: number, schedule: readonly number[] = DEFAULT_RETRY_SCHEDULE_MS): number | null {
  if (!Number.isInteger(attemptsMade) || attemptsMade < 1) throw new RangeError('attemptsMade must be a whole number ≥ 1');
  return attemptsMade < schedule.length ? schedule[attemptsMade]! : null;
}

/** A response status a delivery counts as received: any 2xx (redirects are not followed). */
export const isDelivered = (status: number) => status >= 200 && status < 300;

// ---------------------------------------------------------------------------------------------
// Subscriber URLs

/** Where the rules are applied: deployed (HTTPS only, no loopback) or on one machine (HTTP to loopback allowed). */
export type UrlMode = 'deployed' | 'local';

export type UrlVerdict = { ok: true; url: URL; host: string; literal: boolean } | { ok: false; reason: string };

export const MAX_URL_LENGTH = 2048;

const refused = (reason: string): UrlVerdict => ({ ok: false, reason });

/**
 * The URL's own rules (no DNS): an absolute https URL (http only to loopback, locally), no
 * credentials, no fragment, and a host that is not an address `addressVerdict` refuses. A name is
 * checked again once resolved (`addressVerdict` on every address), at creation and at each send.
 */
export function urlVerdict(input: string, mode: UrlMode): UrlVerdict {
  if (input.length > MAX_URL_LENGTH) return refused(t('webhook.url.tooLong', { max: MAX_URL_LENGTH }));
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    return refused(t('webhook.url.notAbsolute'));
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return refused(t('webhook.url.https'));
  if (url.username !== '' || url.password !== '') return refused(t('webhook.url.credentials'));
  if (url.hash !== '') return refused(t('webhook.url.fragment'));
  // WHATWG URL parsing has already normalised 0x7f.1, 2130706433 and the like to dotted quads.
  const host = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
  const literal = isIP(host) !== 0;
  const loopbackName = host === 'localhost' || host.endsWith('.localhost');
  if (literal || loopbackName) {
    const verdict = addressVerdict(loopbackName ? '127.0.0.1' : host, mode);
    if (!verdict.ok) return verdict;
  }
  if (url.protocol === 'http:') {
    const loopback = loopbackName || (literal && isLoopback(host));
    if (mode === 'deployed' || !loopback) return refused(t('webhook.url.httpsLocal'));
  }
  if (!literal && !loopbackName && !host.includes('.')) return refused(t('webhook.url.fqdn'));
  return { ok: true, url, host, literal };
}

const blocked = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8], // "this network", 0.0.0.0 included
  ['10.0.0.0', 8], // private
  ['100.64.0.0', 10], // carrier-grade NAT
  ['169.254.0.0', 16], // link-local, 169.254.169.254 (instance metadata) included
  ['172.16.0.0', 12], // private
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.0.2.0', 24], // documentation
  ['192.168.0.0', 16], // private
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24], // documentation
  ['203.0.113.0', 24], // documentation
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, 255.255.255.255 included
] as const) blocked.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of [
  ['::', 128], // unspecified
  ['64:ff9b:1::', 48], // local-use NAT64
  ['100::', 64], // discard
  ['2001:db8::', 32], // documentation
  ['fc00::', 7], // unique local (private)
  ['fe80::', 10], // link-local
  ['fec0::', 10], // site-local (deprecated)
  ['ff00::', 8], // multicast
  ['fd00:ec2::254', 128], // EC2's IPv6 metadata address (inside fc00::/7 already; named for the reader)
] as const) blocked.addSubnet(network, prefix, 'ipv6');

const loopback4 = new BlockList();
loopback4.addSubnet('127.0.0.0', 8, 'ipv4');

/** An IPv4 address an IPv6 one embeds (::ffff:a.b.c.d mapped, ::a.b.c.d compatible, 64:ff9b::/96 NAT64), else undefined. */
function embeddedIpv4(address: string): string | undefined {
  const lower = address.toLowerCase();
  const dotted = /^(?:::ffff:|::|64:ff9b::)(\d+\.\d+\.\d+\.\d+)$/.exec(lower);
  if (dotted) return dotted[1];
  const hex = /^(?:::ffff:|64:ff9b::)([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(lower);
  if (hex) {
    const high = parseInt(hex[1]!, 16);
    const low = parseInt(hex[2]!, 16);
    return [high >> 8, high & 255, low >> 8, low & 255].join('.');
  }
  return undefined;
}

function isLoopback(address: string): boolean {
  if (isIP(address) === 4) return loopback4.check(address, 'ipv4');
  if (address === '::1') return true;
  const inner = embeddedIpv4(address);
  return inner !== undefined && loopback4.check(inner, 'ipv4');
}

/**
 * Whether a subscriber may be reached at this IP address: never a private, link-local (the
 * instance metadata address among them), unspecified, multicast, documentation or reserved one;
 * loopback only locally. IPv6 addresses that embed an IPv4 one are judged by it.
 */
export function addressVerdict(address: string, mode: UrlMode): { ok: true } | { ok: false; reason: string } {
  const family = isIP(address);
  if (family === 0) return { ok: false, reason: t('webhook.address.notIp', { address }) };
  if (isLoopback(address)) return mode === 'local' ? { ok: true } : { ok: false, reason: t('webhook.address.loopback') };
  if (family === 6) {
    const inner = embeddedIpv4(address);
    if (inner !== undefined) return addressVerdict(inner, mode);
  }
  if (blocked.check(address, family === 4 ? 'ipv4' : 'ipv6')) {
    return { ok: false, reason: t('webhook.address.private', { address }) };
  }
  return { ok: true };
}

// ---------------------------------------------------------------------------------------------
// Standard Webhooks signing (https://www.standardwebhooks.com/)

export const SECRET_PREFIX = 'whsec_';

/** The key a `whsec_…` secret stands for: the base64 after the prefix, decoded. */
export function secretKey(secret: string): Buffer {
  if (!secret.startsWith(SECRET_PREFIX)) throw new RangeError('A webhook secret starts with whsec_');
  return Buffer.from(secret.slice(SECRET_PREFIX.length), 'base64');
}

/** `v1,<base64 HMAC-SHA256 of "${id}.${timestamp}.${body}">`; timestamp in whole seconds since the epoch. */
export function signatureOf(secret: string, id: string, timestampSeconds: number, body: string): string {
  const mac = createHmac('sha256', secretKey(secret)).update(`${id}.${timestampSeconds}.${body}`).digest('base64');
  return `v1,${mac}`;
}

/** The three headers of one attempt. */
export function webhookHeaders(secret: string, id: string, timestampSeconds: number, body: string): Record<string, string> {
  return { 'webhook-id': id, 'webhook-timestamp': String(timestampSeconds), 'webhook-signature': signatureOf(secret, id, timestampSeconds, body) };
}

/** A receiver's check: one of the space-separated `v1,` signatures matches (constant time). */
export function signatureMatches(secret: string, id: string, timestampSeconds: number, body: string, header: string): boolean {
  const expected = Buffer.from(signatureOf(secret, id, timestampSeconds, body));
  return header.split(' ').some((candidate) => {
    const given = Buffer.from(candidate);
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
}
