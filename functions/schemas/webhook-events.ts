/**
 * What each webhook delivery carries (the OpenAPI document's `webhooks` section): Standard Webhooks'
 * `{ type, timestamp, data }`, one schema per event type, and the three headers. Only the document
 * generator and the tests import this; the sender builds the payloads (functions/webhooks/events.ts)
 * and the integration tests check every payload they receive against these schemas.
 */
import * as z from 'zod/mini';
import { REQUEST_STATUSES } from '../domain/request-lifecycle.ts';
import type { WebhookEventType } from '../domain/webhooks.ts';
import { homeId, isoDate, isoInstant, sku, storeId } from './common.ts';
import { deliveryLine, discrepancy } from './deliveries.ts';
import { shortfallItem, shortfallReason } from './shortfalls.ts';

const line = z.object({ sku, quantity: z.int() }).register(z.globalRegistry, { id: 'WebhookLine', description: 'Whole units of one SKU.' });
const requestData = {
  homeId,
  requestId: z.string(),
  /** The store serving the home when the request was decided. */
  storeId,
  status: z.enum(REQUEST_STATUSES),
  requestedLines: z.array(line),
};
const deliveryData = {
  homeId,
  deliveryId: z.string(),
  storeId,
  /** Calendar date of the delivery in the store's time zone. */
  date: isoDate,
  requestIds: z.array(z.string()),
  /** Planned: what the requests put on it; once dispatched: what left the store. */
  lines: z.array(deliveryLine),
};

const envelope = <T extends WebhookEventType, D extends z.ZodMiniType>(type: T, data: D, description: string, example: Record<string, unknown>, id: string) => {
  // Named too (`RequestApprovedData` …), so a generated client types it by name.
  z.globalRegistry.add(data as z.ZodMiniType, { id: `${id.replace(/Event$/, '')}Data`, description: `The facts of a \`${type}\` event.` });
  return z
    .object({ type: z.literal(type), timestamp: isoInstant, data })
    .register(z.globalRegistry, { id, description, examples: [{ type, timestamp: '2026-03-10T08:00:00.000Z', data: example }] });
};

export const webhookEventSchemas = {
  'request.approved': envelope(
    'request.approved',
    z.object({ ...requestData, approvedLines: z.array(line) }),
    'The store approved a request of the home, in full or in part (`status`): the lines asked for and the lines approved.',
    { homeId: 'ty-gwyn', requestId: 'req_01JD3Z8Q6W2X4Y5Z6A7B8C9D0E', storeId: 'cardiff-jes', status: 'partially-approved', requestedLines: [{ sku: 'MASK-IIR', quantity: 600 }], approvedLines: [{ sku: 'MASK-IIR', quantity: 400 }] },
    'RequestApprovedEvent',
  ),
  'request.rejected': envelope(
    'request.rejected',
    z.object({ ...requestData, reason: z.nullable(z.string()) }),
    'The store rejected a request of the home, with its reason.',
    { homeId: 'ty-gwyn', requestId: 'req_01JD3Z8Q6W2X4Y5Z6A7B8C9D0E', storeId: 'cardiff-jes', status: 'rejected', requestedLines: [{ sku: 'GOWN-FR', quantity: 50 }], reason: 'Duplicate of yesterday’s request' },
    'RequestRejectedEvent',
  ),
  'delivery.planned': envelope(
    'delivery.planned',
    z.object({ ...deliveryData, status: z.literal('planned'), emergency: z.boolean(), reason: z.nullable(z.string()) }),
    'A delivery to the home was planned (by the store or the daily planning job), or grew (a request joined it: the same `deliveryId`, its latest requests and lines). `emergency`: brought forward before the home’s rota day, `reason` says why.',
    { homeId: 'ty-gwyn', deliveryId: 'dlv-20260312-ty-gwyn', storeId: 'cardiff-jes', date: '2026-03-12', status: 'planned', requestIds: ['req_01JD3Z8Q6W2X4Y5Z6A7B8C9D0E'], lines: [{ sku: 'MASK-IIR', quantity: 400 }], emergency: false, reason: null },
    'DeliveryPlannedEvent',
  ),
  'delivery.dispatched': envelope(
    'delivery.dispatched',
    z.object({ ...deliveryData, status: z.literal('dispatched') }),
    'The delivery left the store: `lines` is what is on the van.',
    { homeId: 'ty-gwyn', deliveryId: 'dlv-20260312-ty-gwyn', storeId: 'cardiff-jes', date: '2026-03-12', status: 'dispatched', requestIds: ['req_01JD3Z8Q6W2X4Y5Z6A7B8C9D0E'], lines: [{ sku: 'MASK-IIR', quantity: 400 }] },
    'DeliveryDispatchedEvent',
  ),
  'delivery.received': envelope(
    'delivery.received',
    z.object({ ...deliveryData, status: z.literal('delivered'), receivedLines: z.array(line), discrepancies: z.array(discrepancy) }),
    'The home confirmed what arrived; `discrepancies` lists each SKU whose units received differ from those dispatched.',
    {
      homeId: 'ty-gwyn',
      deliveryId: 'dlv-20260312-ty-gwyn',
      storeId: 'cardiff-jes',
      date: '2026-03-12',
      status: 'delivered',
      requestIds: ['req_01JD3Z8Q6W2X4Y5Z6A7B8C9D0E'],
      lines: [{ sku: 'MASK-IIR', quantity: 400 }],
      receivedLines: [{ sku: 'MASK-IIR', quantity: 380 }],
      discrepancies: [{ sku: 'MASK-IIR', dispatched: 400, received: 380 }],
    },
    'DeliveryReceivedEvent',
  ),
  'shortfall.flagged': envelope(
    'shortfall.flagged',
    z.object({ homeId, storeId, homeName: z.string(), date: isoDate, reasons: z.array(shortfallReason), items: z.array(shortfallItem) }),
    'The daily shortfall job flagged the home for the first time on `date` (once per home and date, however often the job runs): each item that is not green, and why.',
    {
      homeId: 'ty-gwyn',
      storeId: 'cardiff-jes',
      homeName: 'Tŷ Gwyn Care Home',
      date: '2026-03-10',
      reasons: ['short'],
      items: [{ sku: 'MASK-IIR', reason: 'short', daysOfSupply: 4.5, runoutDate: '2026-03-14T20:00:00.000Z', status: 'amber', suggestedOrder: 600, usageBasis: 'estimate' }],
    },
    'ShortfallFlaggedEvent',
  ),
} as const satisfies Record<WebhookEventType, z.ZodMiniType>;

export const webhookHeaders = {
  'webhook-id': 'The event’s id (`msg_…`): the same on every retry and for every subscriber. Process each id once.',
  'webhook-timestamp': 'When this attempt was signed, in whole seconds since the Unix epoch. Refuse an attempt more than 5 minutes from your clock (replays).',
  'webhook-signature':
    '`v1,` and the base64 HMAC-SHA256 of `${webhook-id}.${webhook-timestamp}.${body}`, keyed with the base64-decoded part of your `whsec_` secret after the prefix. ' +
    'May hold several space-separated signatures; accept the delivery if any one matches (compare in constant time).',
} as const;
