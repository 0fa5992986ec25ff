/**
 * Webhooks (issue #21): a home or a store subscribes an HTTPS endpoint to the events that concern
 * it; deliveries follow Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`).
 */
import * as z from 'zod/mini';
import { pageQuery } from '../data/pagination.ts';
import { MAX_SUBSCRIPTIONS_PER_ORG, MAX_URL_LENGTH, WEBHOOK_EVENT_TYPES } from '../domain/webhooks.ts';
import { distinct, homeId, isoInstant, pageOf, storeId, text } from './common.ts';
import type { OperationFragment } from './operation.ts';
import { t } from '../i18n/messages.ts';

export const webhookId = z.string().check(z.regex(/^wh_[0-9a-f]{32}$/, { error: () => t('field.webhookId') }));
export const webhookParams = z.strictObject({ webhookId });
export const homeWebhooksParams = z.strictObject({ homeId });
export const storeWebhooksParams = z.strictObject({ storeId });

export const webhookEventType = z.enum(WEBHOOK_EVENT_TYPES);

export const webhookInput = z
  .strictObject({
    url: z.string().check(z.minLength(1), z.maxLength(MAX_URL_LENGTH)),
    eventTypes: distinct(webhookEventType, 'eventTypes', WEBHOOK_EVENT_TYPES.length).check(z.minLength(1)),
    description: z.optional(text(200, 'description')),
  })
  .register(z.globalRegistry, {
    id: 'WebhookInput',
    description:
      'An endpoint to call and the events to send it (1 to all of them, each once). The URL must be https and its host a public address ' +
      '(locally, http to 127.0.0.1 or localhost is allowed too); credentials in the URL are refused.',
    examples: [{ url: 'https://care-system.example.org/carestock/events', eventTypes: ['request.approved', 'delivery.dispatched'], description: 'Care-management system' }],
  });

const webhookShape = {
  webhookId,
  /** `home:<homeId>` or `store:<storeId>`: whose events it receives. */
  org: z.string(),
  url: z.string(),
  eventTypes: z.array(webhookEventType),
  description: z.nullable(z.string()),
  /** `failing`: a delivery spent its retries; the next success makes it `active` again. */
  status: z.enum(['active', 'failing']),
  failingSince: z.nullable(isoInstant),
  createdAt: isoInstant,
  createdBy: z.string(),
};

const subscriptionExample = {
  webhookId: 'wh_3f9c2a7b1d4e4f6a8b0c2d4e6f8a0b1c',
  org: 'home:ty-gwyn',
  url: 'https://care-system.example.org/carestock/events',
  eventTypes: ['request.approved', 'delivery.dispatched'],
  description: 'Care-management system',
  status: 'active',
  failingSince: null,
  createdAt: '2026-03-10T08:00:00.000Z',
  createdBy: 'home:ty-gwyn',
};

export const webhook = z.object(webhookShape).register(z.globalRegistry, {
  id: 'Webhook',
  description: 'A webhook subscription. Its secret is shown once, when it is created, and never again.',
  examples: [subscriptionExample],
});

export const webhookCreated = z
  .object({
    ...webhookShape,
    secret: z.string().check(z.regex(/^whsec_[A-Za-z0-9+/=]{32,}$/), z.describe('`whsec_` and the base64 of 32 random bytes: keep it; it is never shown again')),
  })
  .register(z.globalRegistry, {
    id: 'WebhookCreated',
    description: 'The new subscription and its signing secret, shown this once. Verify each delivery’s `webhook-signature` with it (docs/integrating.md, Webhooks).',
    examples: [{ ...subscriptionExample, secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw3VuA5U+vSfo=' }],
  });

export const webhookPage = pageOf(webhook).register(z.globalRegistry, {
  id: 'WebhookPage',
  description: 'An organisation’s webhook subscriptions, oldest first; `nextCursor` is null on the last page.',
  examples: [{ items: [subscriptionExample], nextCursor: null }],
});

export const deliveryAttempt = z
  .object({
    at: isoInstant,
    status: z.nullable(z.int()),
    error: z.nullable(z.string()),
    durationMs: z.int(),
  })
  .register(z.globalRegistry, {
    id: 'WebhookDeliveryAttempt',
    description: 'One attempt: when, the endpoint’s HTTP status (null when there was none) and, when it failed without one, why (a timeout, a refused address).',
  });

export const webhookDelivery = z
  .object({
    /** The `webhook-id` of every attempt. */
    eventId: z.string(),
    type: webhookEventType,
    eventTimestamp: isoInstant,
    /** pending: attempts remain; delivered: a 2xx came back; failing: the retries were spent. */
    state: z.enum(['pending', 'delivered', 'failing']),
    attemptCount: z.int(),
    attempts: z.array(deliveryAttempt),
    nextAttemptAt: z.nullable(isoInstant),
    createdAt: isoInstant,
    updatedAt: isoInstant,
  })
  .register(z.globalRegistry, {
    id: 'WebhookDelivery',
    description: 'One event’s delivery to one subscription, with every attempt. Kept 30 days.',
    examples: [
      {
        eventId: 'msg_2c6f0b9e7a5d4c3b8a1f0e9d8c7b6a59',
        type: 'request.approved',
        eventTimestamp: '2026-03-10T08:00:00.000Z',
        state: 'pending',
        attemptCount: 1,
        attempts: [{ at: '2026-03-10T08:00:00.250Z', status: 503, error: null, durationMs: 84 }],
        nextAttemptAt: '2026-03-10T08:00:05.334Z',
        createdAt: '2026-03-10T08:00:00.200Z',
        updatedAt: '2026-03-10T08:00:00.334Z',
      },
    ],
  });

export const webhookDeliveryPage = pageOf(webhookDelivery).register(z.globalRegistry, {
  id: 'WebhookDeliveryPage',
  description: 'A subscription’s delivery log, newest event first; `nextCursor` is null on the last page.',
});

export type WebhookInput = z.infer<typeof webhookInput>;
export type Webhook = z.infer<typeof webhook>;
export type WebhookCreated = z.infer<typeof webhookCreated>;
export type WebhookDelivery = z.infer<typeof webhookDelivery>;

const who = (org: string) => `${org}’s managers and administrators (scope \`carestock/webhooks.manage\`); staff and machine clients do not manage webhooks.`;
const create = (org: string) =>
  `Subscribes an HTTPS endpoint to the events that concern ${org}. The answer carries the signing secret (\`whsec_…\`), shown this once. ` +
  'Each delivery is a POST of `{ type, timestamp, data }` with the headers `webhook-id` (the event’s id: the same on every retry), ' +
  '`webhook-timestamp` (seconds) and `webhook-signature` (`v1,<base64 HMAC-SHA256>`), retried with backoff (at once, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h) ' +
  `until a 2xx, then marked \`failing\`. A URL that is not https, carries credentials, or whose host is or resolves to a private, link-local, loopback or reserved address is refused (422). At most ${MAX_SUBSCRIPTIONS_PER_ORG} subscriptions per organisation (409).`;

export const operations = {
  'POST /v1/homes/{homeId}/webhooks': {
    description: `${create('the home (its requests, deliveries and shortfalls)')} ${who('The home')}`,
    params: homeWebhooksParams,
    body: webhookInput,
    responses: { 201: webhookCreated },
    problems: {
      404: 'No home has this id (administrators only; others get 403).',
      409: `The home already has ${MAX_SUBSCRIPTIONS_PER_ORG} subscriptions (\`webhook-limit-reached\`).`,
      422: 'The URL is refused (`webhook-url-refused`, at `/url`); nothing was created.',
    },
  },
  'GET /v1/homes/{homeId}/webhooks': {
    description: `The home’s webhook subscriptions, oldest first, without their secrets. ${who('The home')}`,
    params: homeWebhooksParams,
    query: pageQuery,
    responses: { 200: webhookPage },
  },
  'POST /v1/stores/{storeId}/webhooks': {
    description: `${create('the store: the events of every home it serves at the time of each event')} ${who('The store')}`,
    params: storeWebhooksParams,
    body: webhookInput,
    responses: { 201: webhookCreated },
    problems: {
      404: 'No store has this id (administrators only; others get 403).',
      409: `The store already has ${MAX_SUBSCRIPTIONS_PER_ORG} subscriptions (\`webhook-limit-reached\`).`,
      422: 'The URL is refused (`webhook-url-refused`, at `/url`); nothing was created.',
    },
  },
  'GET /v1/stores/{storeId}/webhooks': {
    description: `The store’s webhook subscriptions, oldest first, without their secrets. ${who('The store')}`,
    params: storeWebhooksParams,
    query: pageQuery,
    responses: { 200: webhookPage },
  },
  'DELETE /v1/webhooks/{webhookId}': {
    description: 'Deletes a subscription: no further deliveries or retries are attempted, and its delivery log goes with it. Its organisation’s managers and administrators.',
    params: webhookParams,
    responses: { 204: { schema: null, description: 'Deleted.' } },
    problems: {
      404: 'No subscription has this id (administrators only; others get 403).',
      409: 'The subscription kept changing while it was being deleted (retried, then refused); nothing was changed.',
    },
  },
  'GET /v1/webhooks/{webhookId}/deliveries': {
    description:
      'The subscription’s delivery log, newest event first: each event’s id and type, its state (pending, delivered, failing), every attempt with ' +
      'its status or error, and when the next is due. Kept 30 days. Its organisation’s managers and administrators.',
    params: webhookParams,
    query: pageQuery,
    responses: { 200: webhookDeliveryPage },
    problems: { 404: 'No subscription has this id (administrators only; others get 403).' },
  },
} as const satisfies OperationFragment;
