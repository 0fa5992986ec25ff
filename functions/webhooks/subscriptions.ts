/**
 * Webhook subscriptions: create (the URL checked by its rules and, for a name, every address it
 * resolves to), list, delete, and read the delivery log. Authorised through the one policy
 * (access/resources.ts `authorizeWebhooks`); a home subscribes only to its own events, a store to
 * those of the homes it serves at the time of each event.
 */
import { randomBytes } from 'node:crypto';
import { authorizeWebhooks } from '../access/resources.ts';
import { formatOrg, type Principal } from '../access/principal.ts';
import { getHomeRecord, getStore } from '../data/registry-repository.ts';
import {
  createSubscription,
  deleteSubscription,
  getSubscription,
  listDeliveries,
  listSubscriptions,
  SubscriptionLimitError,
  type WebhookDeliveryRecord,
  type WebhookSubscriptionRecord,
} from '../data/webhook-repository.ts';
import type { Page, PageRequest } from '../data/pagination.ts';
import { retryOnConflict } from '../data/retries.ts';
import { MAX_SUBSCRIPTIONS_PER_ORG, SECRET_PREFIX, urlVerdict, type SubscriberOrg } from '../domain/webhooks.ts';
import { HttpProblem, notFound } from '../http/problem.ts';
import type { Webhook, WebhookCreated, WebhookDelivery, WebhookInput } from '../schemas/webhooks.ts';
import { resolvedVerdict, webhookUrlMode } from './transport.ts';
import { t } from '../i18n/messages.ts';

export const newSubscriptionId = () => `wh_${randomBytes(16).toString('hex')}`;
/** `whsec_` + base64 of 32 random bytes (Standard Webhooks asks for 24 to 64). */
export const newSecret = () => `${SECRET_PREFIX}${randomBytes(32).toString('base64')}`;

const refusedUrl = (reason: string) =>
  new HttpProblem('webhook-url-refused', t('webhook.urlRefused', { reason }), { errors: [{ in: 'body', path: '/url', message: reason }] });

export function toWebhookView(record: WebhookSubscriptionRecord): Webhook {
  return {
    webhookId: record.subscriptionId,
    org: record.org,
    url: record.url,
    eventTypes: record.eventTypes,
    description: record.description,
    status: record.failingSince === null ? 'active' : 'failing',
    failingSince: record.failingSince,
    createdAt: record.createdAt,
    createdBy: record.createdBy,
  };
}

export function toDeliveryView(record: WebhookDeliveryRecord): WebhookDelivery {
  return {
    eventId: record.eventId,
    type: record.type,
    eventTimestamp: record.eventTimestamp,
    state: record.state,
    attemptCount: record.attemptCount,
    attempts: record.attempts,
    nextAttemptAt: record.nextAttemptAt,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
  };
}

/** The URL's rules, then (for a name) every address it resolves to; 422 naming /url when refused. */
export async function checkSubscriberUrl(url: string): Promise<void> {
  const mode = webhookUrlMode();
  const verdict = urlVerdict(url, mode);
  if (!verdict.ok) throw refusedUrl(verdict.reason);
  if (verdict.literal) return;
  const resolved = await resolvedVerdict(verdict.host, mode);
  if (!resolved.ok) throw refusedUrl(resolved.reason);
}

export async function createWebhook(principal: Principal, owner: SubscriberOrg, input: WebhookInput, now: Date): Promise<WebhookCreated> {
  await authorizeWebhooks(principal, owner);
  // Only an administrator gets this far for an org that may not exist (the policy answers others 403 first).
  const exists = owner.kind === 'home' ? await getHomeRecord(owner.id) : await getStore(owner.id);
  if (!exists) throw notFound(t(owner.kind === 'home' ? 'notFound.location.home' : 'notFound.location.store', { id: owner.id }));
  await checkSubscriberUrl(input.url);
  const record: WebhookSubscriptionRecord = {
    subscriptionId: newSubscriptionId(),
    org: formatOrg(owner),
    url: input.url,
    description: input.description ?? null,
    eventTypes: [...input.eventTypes],
    secret: newSecret(),
    createdAt: now.toISOString(),
    createdBy: formatOrg(principal.org),
    failingSince: null,
  };
  try {
    await createSubscription(record, MAX_SUBSCRIPTIONS_PER_ORG);
  } catch (error) {
    if (error instanceof SubscriptionLimitError) {
      throw new HttpProblem('webhook-limit-reached', t('webhook.limit', { org: record.org, max: MAX_SUBSCRIPTIONS_PER_ORG }), {
        extensions: { limit: MAX_SUBSCRIPTIONS_PER_ORG },
      });
    }
    throw error;
  }
  return { ...toWebhookView(record), secret: record.secret };
}

export async function listWebhooks(principal: Principal, owner: SubscriberOrg, page: PageRequest): Promise<Page<Webhook>> {
  await authorizeWebhooks(principal, owner);
  const result = await listSubscriptions(formatOrg(owner), page);
  return { items: result.items.map(toWebhookView), nextCursor: result.nextCursor };
}

/** The subscription, authorised for its owner; a deleted one only when `deleted` is allowed. */
async function authorizedSubscription(principal: Principal, webhookId: string, { deleted }: { deleted: boolean }): Promise<WebhookSubscriptionRecord> {
  const record = await getSubscription(webhookId);
  await authorizeWebhooks(principal, record ? ownerOf(record) : undefined);
  if (!record || (record.deletedAt && !deleted)) throw notFound(t('notFound.webhook', { webhookId }));
  return record;
}

const ownerOf = (record: WebhookSubscriptionRecord): SubscriberOrg => {
  const [kind, id] = record.org.split(':') as ['home' | 'store', string];
  return { kind, id };
};

/** Deletes it; deleting a deleted one again answers the same (no error). */
export async function deleteWebhook(principal: Principal, webhookId: string, now: Date): Promise<void> {
  await retryOnConflict(
    async () => {
      const record = await authorizedSubscription(principal, webhookId, { deleted: true });
      if (!record.deletedAt) await deleteSubscription(record, now.toISOString());
    },
    { exhausted: t('exhausted.webhook') },
  );
}

export async function readDeliveries(principal: Principal, webhookId: string, page: PageRequest): Promise<Page<WebhookDelivery>> {
  const record = await authorizedSubscription(principal, webhookId, { deleted: false });
  const result = await listDeliveries(record.subscriptionId, page);
  return { items: result.items.map(toDeliveryView), nextCursor: result.nextCursor };
}
