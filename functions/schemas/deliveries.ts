/**
 * Deliveries: the plan a store asks for, the deliveries it produces, the driver's manifest, a
 * home's deliveries, dispatch and receipt, and the on-demand run of the daily planning job.
 * Request schemas validate; response schemas document (OpenAPI) and are checked by the tests.
 */
import * as z from 'zod/mini';
import { DELIVERY_STATUSES } from '../data/delivery-items.ts';
import { pageQuery } from '../data/pagination.ts';
import { actor, dateInput, homeId, idempotencyKey, instantInput, isoDate, isoInstant, pageOf, positiveUnits, skuLines, sku, storeId, text, wholeUnits } from './common.ts';
import type { OperationFragment } from './operation.ts';
import { homeParams, storeParams } from './registry.ts';
import { t } from '../i18n/messages.ts';

/** The longest horizon one plan covers (the daily job's is configuration, within this). */
export const MAX_PLAN_DAYS = 28;
export const MAX_RECEIPT_LINES = 100;

export const deliveryParams = z.strictObject({
  deliveryId: z.string().check(
    z.regex(/^dlv-\d{8}-[a-z0-9][a-z0-9-]{0,62}$/, { error: () => t('field.deliveryId') }),
  ),
});

export const deliveryLine = z
  .object({ sku, quantity: z.int() })
  .register(z.globalRegistry, { id: 'DeliveryLine', description: 'Whole units of one SKU.' });
export const discrepancy = z
  .object({ sku, dispatched: z.int(), received: z.int() })
  .register(z.globalRegistry, { id: 'DeliveryDiscrepancy', description: 'A SKU whose units received differ from those dispatched.' });
export const deliveryStatus = z.enum(DELIVERY_STATUSES);

export const deliveryPlanRequest = z
  .strictObject({ from: dateInput, days: positiveUnits(MAX_PLAN_DAYS) })
  .register(z.globalRegistry, {
    id: 'DeliveryPlanRequest',
    examples: [{ from: '2026-03-10', days: 7 }],
    description: `The horizon: \`days\` calendar dates (1 to ${MAX_PLAN_DAYS}) from \`from\`, a date in the store's time zone, today or later.`,
  });

export const plannedDelivery = z
  .object({
    deliveryId: z.string(),
    homeId,
    date: isoDate,
    requestIds: z.array(z.string()),
    lines: z.array(deliveryLine),
    emergency: z.boolean(),
    reason: z.nullable(z.string()),
  })
  .register(z.globalRegistry, {
    id: 'PlannedDelivery',
    description: 'A delivery this plan created or added requests to; `emergency` (with its `reason`) when it is off the home\'s rota to beat a run-out.',
  });

export const deliveryPlan = z
  .object({
    storeId,
    from: isoDate,
    days: z.int(),
    deliveries: z.array(plannedDelivery),
    unplaced: z.array(z.object({ requestId: z.string(), reason: z.string() }).register(z.globalRegistry, { id: 'UnplacedRequest', description: "An approved request the plan could not place, and why." })),
  })
  .register(z.globalRegistry, { id: 'DeliveryPlan', description: 'What this plan placed (by date, then home) and what it could not place, with why.' });

export const delivery = z
  .object({
    deliveryId: z.string(),
    storeId,
    homeId,
    date: isoDate,
    status: deliveryStatus,
    requestIds: z.array(z.string()),
    lines: z.array(deliveryLine),
    emergency: z.boolean(),
    reason: z.nullable(z.string()),
    createdAt: isoInstant,
    updatedAt: isoInstant,
    dispatchedAt: z.nullable(isoInstant),
    dispatchedBy: z.nullable(actor),
    receivedAt: z.nullable(isoInstant),
    receivedBy: z.nullable(z.string()),
    confirmedBy: z.nullable(actor),
    receivedLines: z.nullable(z.array(deliveryLine)),
    discrepancies: z.array(discrepancy),
  })
  .register(z.globalRegistry, {
    id: 'Delivery',
    description:
      'One delivery to one home on one date. `lines` are what its requests put on it until dispatch, then what left the store; ' +
      '`receivedLines` and `discrepancies` are recorded by the receipt. Cancelling a request takes it off its planned delivery ' +
      '(`requestIds` and `lines` shrink); when the last one goes the delivery is `cancelled`, carries nothing, and frees its date\'s slot.',
  });
export const deliveryPage = pageOf(delivery).register(z.globalRegistry, { id: 'DeliveryPage', description: "A page of a home's deliveries, latest date first." });

export const deliveryManifest = z
  .object({
    storeId,
    date: isoDate,
    items: z.array(delivery),
    totals: z.array(deliveryLine),
    nextCursor: z.nullable(z.string()),
  })
  .register(z.globalRegistry, {
    id: 'DeliveryManifest',
    description:
      "The driver's manifest for one date: every delivery by homeId (cancelled ones left off), and the units per SKU over them all. " +
      'One page (`nextCursor` is always null).',
  });

export const receiptLine = z
  .strictObject({ sku, quantity: wholeUnits(1_000_000) })
  .register(z.globalRegistry, { id: 'ReceiptLine', description: 'Units of one SKU that arrived (0 when none did).' });
export const deliveryReceipt = z
  .strictObject({
    receivedBy: text(120, 'receivedBy'),
    lines: skuLines(receiptLine, MAX_RECEIPT_LINES),
  })
  .register(z.globalRegistry, {
    id: 'DeliveryReceipt',
    examples: [{ receivedBy: 'Nurse Jones', lines: [{ sku: 'MASK-IIR', quantity: 600 }] }],
    description: 'Who took the delivery in, and what arrived: one line for every SKU the delivery carried, 0 for none.',
  });

export const manifestQuery = z.strictObject({ date: z.optional(dateInput) });
export const homeDeliveriesQuery = pageQuery;

export const deliveryPlanJobRequest = z
  ._default(z.strictObject({ asOf: z.optional(instantInput) }), {})
  .register(z.globalRegistry, {
    id: 'DeliveryPlanJobRequest',
    examples: [{ asOf: '2026-03-10T07:30:00Z' }, {}],
    description: 'When to plan as of: `asOf` defaults to now (its date in each store\'s zone starts the horizon). The body may be omitted.',
  });
const count = z.int().check(z.minimum(0));
export const deliveryPlanJobSummary = z
  .object({
    asOf: isoInstant,
    stores: z.array(z.object({ storeId, from: isoDate, days: z.int(), planned: count, unplaced: count }).register(z.globalRegistry, { id: 'StorePlanSummary', description: "One store's run: the horizon planned (from, days), deliveries placed or extended, requests left unplaced." })),
    failed: z.array(z.object({ storeId, detail: z.string() }).register(z.globalRegistry, { id: 'StorePlanFailure', description: "A store whose planning failed, and why; the other stores were planned." })),
  })
  .register(z.globalRegistry, { id: 'DeliveryPlanJobSummary', description: 'Per store: the horizon planned, deliveries placed or extended, requests left unplaced; and stores that failed.' });

export type DeliveryPlanRequest = z.infer<typeof deliveryPlanRequest>;
export type DeliveryPlanBody = z.infer<typeof deliveryPlan>;
export type DeliveryReceipt = z.infer<typeof deliveryReceipt>;
export type DeliveryManifest = z.infer<typeof deliveryManifest>;
export type DeliveryPlanJobSummary = z.infer<typeof deliveryPlanJobSummary>;

const outsideTenancy = 'A delivery outside your organisation is answered 403 whether or not it exists.';
const notFound = 'No delivery has this id (administrators only; others get 403).';

export const operations = {
  'POST /v1/stores/{storeId}/delivery-plans': {
    description:
      "Places the store's approved, unscheduled requests on the earliest date of their home's rota with capacity, one delivery per home " +
      'per date (a home\'s requests merge). A home that would run out before that date is brought forward to the earliest open date ' +
      'with room (`emergency`, with the reason). Closed dates are skipped; capacity counts every delivery on a date, dispatched ones too, ' +
      'cancelled ones not. ' +
      'Each delivery carries its requests\' allocation (or, before allocation, their approval). Placed requests become `scheduled`. ' +
      'Re-planning is safe: a scheduled request is never placed again, and capacity is held in the table, so concurrent plans cannot overbook. ' +
      'Send an `Idempotency-Key` to get the first answer again on a retry (a plain re-plan answers only what is new).',
    params: storeParams,
    body: deliveryPlanRequest,
    idempotencyKey,
    responses: { 200: deliveryPlan },
    problems: {
      400: '`from` is not a date, is before today in the store\'s time zone, or `days` is outside 1 to ' + `${MAX_PLAN_DAYS}.`,
      404: 'No store has this id.',
      409: 'Requests, deliveries or capacity kept changing while the plan was written; what was written stands. Plan again.',
    },
  },
  'GET /v1/stores/{storeId}/deliveries': {
    description:
      "The driver's manifest for `date` (default: today in the store's time zone): deliveries by home, and totals per SKU. " +
      'Cancelled deliveries are left off.',
    params: storeParams,
    query: manifestQuery,
    responses: { 200: deliveryManifest },
    problems: { 400: '`date` is not a calendar date (YYYY-MM-DD), or the query has an unknown parameter.', 404: 'No store has this id.' },
  },
  'GET /v1/homes/{homeId}/deliveries': {
    description: "A home's deliveries, latest date first, cancelled ones included.",
    params: homeParams,
    query: homeDeliveriesQuery,
    responses: { 200: deliveryPage },
    problems: { 404: 'No home has this id.' },
  },
  'GET /v1/deliveries/{deliveryId}': {
    description: `A delivery, read by its home, its store or an administrator. ${outsideTenancy}`,
    params: deliveryParams,
    responses: { 200: delivery },
    problems: { 404: notFound },
  },
  'POST /v1/deliveries/{deliveryId}/dispatch': {
    description:
      "The serving store sends a planned delivery: in one transaction the units leave the store's stock and the delivery and its " +
      'requests become `dispatched`. Concurrent dispatches move stock once; a dispatch racing the cancel of one of its requests ' +
      'either carries the request (and the cancel is refused 409) or leaves it off. ' +
      outsideTenancy,
    params: deliveryParams,
    responses: { 200: delivery },
    problems: {
      404: notFound,
      409:
        'The delivery is not `planned` (`currentStatus` says what it is: `cancelled` when every request on it was cancelled); or the ' +
        'store does not hold the units — `shortfall` lists `{ sku, required, available }` per SKU short. Nothing moved.',
    },
  },
  'POST /v1/deliveries/{deliveryId}/receipt': {
    description:
      'The home (or its store for it) confirms what arrived: in one transaction the units are added to the home\'s positions (as ' +
      'receipts, which usage estimates and run-out dates take into account), what was dispatched leaves `inbound`, differences are ' +
      `recorded as \`discrepancies\`, and the delivery and its requests become \`delivered\`. ${outsideTenancy}`,
    params: deliveryParams,
    body: deliveryReceipt,
    responses: { 200: delivery },
    problems: {
      404: notFound,
      409: 'The delivery is not `dispatched`: not sent yet, or already received (`currentStatus`). Nothing was added.',
      422: 'The lines do not match the delivery: `missing` lists SKUs it carried that the receipt leaves out, `unexpected` SKUs it did not carry.',
    },
  },
  'POST /v1/jobs/delivery-plan': {
    description:
      'Runs the daily planning job now (it also runs at 07:30 Europe/London, after the shortfall job): every store is planned for the ' +
      'configured number of days from the day after `asOf` in its time zone, exactly as its own plan endpoint would. ' +
      'Nothing is booked in the past: an `asOf` in the past (a late or repeated run) plans from today in the store\'s zone, ' +
      'as the store\'s plan endpoint refuses a `from` before today; each store\'s `from` in the answer says where its horizon began. ' +
      'Run-outs are projected to now. The body may be omitted, or sent as `{}`. Administrators only.',
    body: deliveryPlanJobRequest,
    responses: { 200: deliveryPlanJobSummary },
    problems: { 400: '`asOf` is not an ISO 8601 instant with an offset, or the body has unknown fields.' },
  },
} as const satisfies OperationFragment;
