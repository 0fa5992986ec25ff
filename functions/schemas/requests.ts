/**
 * PPE requests: what a home (or its store) submits, what a store approves, rejects and allocates,
 * the request as everyone reads it, and the store's request caps. Request schemas validate;
 * response schemas document (OpenAPI) and are checked by the tests.
 */
import * as z from 'zod/mini';
import { pageQuery, pageQueryShape } from '../data/pagination.ts';
import { REQUEST_ACTIONS, REQUEST_STATUSES } from '../domain/request-lifecycle.ts';
import { actor, dateInput, homeId, idempotencyKey, isoDate, isoInstant, pageOf, rate, skuLines, sku, storeId, text, units } from './common.ts';
import { homeParams, storeParams } from './registry.ts';
import type { OperationFragment } from './operation.ts';
import { t } from '../i18n/messages.ts';

export const MAX_REQUEST_LINES = 50;
export const MAX_LINE_UNITS = 1_000_000;
export const MAX_CAP_PER_BED_PER_WEEK = 10_000;

const reasonText = text(500, 'reason');
const lineList = <T extends z.ZodMiniType>(line: T) => skuLines(line, MAX_REQUEST_LINES);

export const requestLineInput = z
  .strictObject({ sku, quantity: units(1, MAX_LINE_UNITS) })
  .register(z.globalRegistry, { id: 'RequestLineInput', description: 'One SKU asked for, in whole units (at least 1).' });
export const requestSubmission = z
  .strictObject({
    lines: lineList(requestLineInput),
    neededBy: z.optional(dateInput),
    note: z.optional(reasonText),
  })
  .register(z.globalRegistry, {
    id: 'RequestSubmission',
    examples: [{ lines: [{ sku: 'MASK-IIR', quantity: 600 }], neededBy: '2026-03-13', note: 'Outbreak on the first floor' }], description: `A PPE request: 1 to ${MAX_REQUEST_LINES} lines, one per SKU.` });

export const approvalLine = z
  .strictObject({ sku, quantity: units(0, MAX_LINE_UNITS) })
  .register(z.globalRegistry, { id: 'ApprovalLine', description: 'Units approved for one requested SKU; a requested SKU left out is approved at 0.' });
export const requestApproval = z
  .strictObject({ lines: lineList(approvalLine), overrideReason: z.optional(reasonText) })
  .register(z.globalRegistry, {
    id: 'RequestApproval',
    examples: [{ lines: [{ sku: 'MASK-IIR', quantity: 500 }] }],
    description: 'Approved quantities (lower than asked: partially-approved). overrideReason is required when the approved lines exceed the store\'s request caps.',
  });
export const requestRejection = z
  .strictObject({ reason: reasonText })
  .register(z.globalRegistry, {
    id: 'RequestRejection',
    examples: [{ reason: 'Stock was delivered yesterday' }], description: 'Why the request is rejected; recorded in its history.' });

export const requestStatus = z.enum(REQUEST_STATUSES);
/** `move`: the request's home moved to another store, which took it over (functions/domain/home-move.ts). */
export const historyAction = z.enum(['submit', ...REQUEST_ACTIONS, 'allocate', 'move']);

export const historyEntry = z
  .object({
    action: historyAction,
    /** null for the submission itself. */
    from: z.nullable(requestStatus),
    to: requestStatus,
    at: isoInstant,
    actor,
    reason: z.nullable(z.string()),
  })
  .register(z.globalRegistry, { id: 'RequestHistoryEntry', description: 'One transition: what, from and to which state, when, by whom (token subject and organisation), and why.' });

export const submittedLine = z
  .object({ sku, quantity: z.int(), daysOfSupplyAtSubmission: z.nullable(z.number()) })
  .register(z.globalRegistry, { id: 'RequestedLine', description: "One line as the home asked for it, with the home's days of supply of that SKU when it asked (null when unknown)." });
export const approvedLine = z.object({ sku, quantity: z.int() }).register(z.globalRegistry, { id: 'ApprovedLine', description: "Units of one SKU the store approved." });
export const capExcess = z
  .object({ sku, requested: z.int(), cap: z.int() })
  .register(z.globalRegistry, { id: 'CapExcess', description: 'One SKU approved above the store\'s weekly cap for the home: the units approved and the cap, in units.' });
export const allocationLine = z
  .object({ sku, approved: z.int(), allocated: z.int(), reason: z.nullable(z.string()) })
  .register(z.globalRegistry, { id: 'AllocationLine', description: 'What one approved line got; `reason` says why it got less than approved (null when it got everything).' });

export const ppeRequest = z
  .object({
    requestId: z.string(),
    homeId,
    storeId,
    status: requestStatus,
    lines: z.array(submittedLine),
    neededBy: z.nullable(isoDate),
    note: z.nullable(z.string()),
    approvedLines: z.nullable(z.array(approvedLine)),
    override: z.nullable(z.object({ reason: z.string(), capExceeded: z.array(capExcess) }).register(z.globalRegistry, { id: 'CapOverride', description: "Why the store approved above its request caps, and the SKUs that went over." })),
    allocatedLines: z.nullable(z.array(allocationLine)),
    allocatedAt: z.nullable(isoInstant),
    createdAt: isoInstant,
    updatedAt: isoInstant,
    history: z.array(historyEntry),
  })
  .register(z.globalRegistry, { id: 'PpeRequest', description: 'A PPE request, its state and every transition it went through.' });
export const ppeRequestPage = pageOf(ppeRequest).register(z.globalRegistry, { id: 'PpeRequestPage', description: "A page of a home's requests, newest first." });

export const queuedRequest = z
  .object({ ...ppeRequest.shape, fewestDaysOfSupply: z.optional(z.nullable(z.number())) })
  .register(z.globalRegistry, {
    id: 'QueuedPpeRequest',
    description: "A request in a store's queue. With `sort=urgency`, `fewestDaysOfSupply` is the home's fewest days of supply now over the requested SKUs (null: unknown or unused).",
  });
export const requestQueuePage = pageOf(queuedRequest).register(z.globalRegistry, { id: 'PpeRequestQueuePage', description: "A page of a store's queue." });

export const allocationResult = z
  .object({
    asOf: isoInstant,
    allocations: z.array(z.object({ homeId, requestId: z.string(), lines: z.array(allocationLine) }).register(z.globalRegistry, { id: 'RequestAllocation', description: "What one request was allocated from the store's stock, line by line." })),
  })
  .register(z.globalRegistry, { id: 'AllocationResult', description: 'What each approved-but-unscheduled request was allocated from the store\'s stock, oldest request first.' });

const capsRecord = z.record(sku, rate(MAX_CAP_PER_BED_PER_WEEK));
export const requestCapsInput = z
  .strictObject({
    capsPerBedPerWeek: capsRecord.check(z.refine((caps) => Object.keys(caps).length <= 200, { error: () => t('field.atMostSkus', { max: 200 }) })),
  })
  .register(z.globalRegistry, {
    id: 'RequestCapsInput',
    examples: [{ capsPerBedPerWeek: { 'MASK-IIR': 20, APRON: 14.5 } }], description: 'Units per bed per week, per SKU (fractions allowed); SKUs left out are not capped. Replaces the caps whole.' });
export const requestCaps = z
  .object({ storeId, capsPerBedPerWeek: z.record(sku, z.number()), updatedAt: z.nullable(isoInstant) })
  .register(z.globalRegistry, { id: 'RequestCaps', description: "A store's request caps; updatedAt is null while none were ever set." });

export const homeRequestCaps = z
  .object({ homeId, storeId, beds: z.number(), weeklyCaps: z.record(sku, z.int()) })
  .register(z.globalRegistry, {
    id: 'HomeRequestCaps',
    description: "What the home may ask for in a week per capped SKU: floor(beds × its store's cap per bed). SKUs left out are not capped.",
  });

export const requestParams = z.strictObject({
  requestId: z.string().check(z.regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, { error: () => t('field.requestId') })),
});
export const homeRequestsQuery = pageQuery;
export const storeQueueQuery = z.strictObject({
  ...pageQueryShape,
  status: z.optional(requestStatus),
  sort: z.optional(z.enum(['oldest', 'urgency'])),
});

export type RequestSubmission = z.infer<typeof requestSubmission>;
export type RequestApproval = z.infer<typeof requestApproval>;
export type RequestView = z.infer<typeof ppeRequest>;
export type QueuedRequestView = z.infer<typeof queuedRequest>;
export type HistoryEntry = z.infer<typeof historyEntry>;
export type HistoryAction = z.infer<typeof historyAction>;
export type AllocationResult = z.infer<typeof allocationResult>;
export type RequestCaps = z.infer<typeof requestCaps>;
export type RequestCapsInput = z.infer<typeof requestCapsInput>;
export type HomeRequestCaps = z.infer<typeof homeRequestCaps>;

const outsideTenancy = 'A request outside your organisation is answered 403 whether or not it exists.';
const transitionProblems = (from: string) => ({
  404: 'No request has this id (administrators only; others get 403).',
  409: `The request is not ${from}: \`detail\` names its current state and \`currentStatus\` carries it. Nothing was changed.`,
});

export const operations = {
  'POST /v1/homes/{homeId}/requests': {
    description:
      'A home asks for PPE; its store may submit on its behalf. Each line records the home\'s days of supply at submission. ' +
      'Send an `Idempotency-Key` so a retry never doubles a request.',
    params: homeParams,
    body: requestSubmission,
    idempotencyKey,
    responses: {
      201: { schema: ppeRequest, description: 'The request, submitted.', headers: { Location: 'The new request: `/v1/requests/{requestId}`' } },
    },
    problems: { 404: 'No home has this id.' },
  },
  'GET /v1/homes/{homeId}/requests': {
    description: "A home's requests, newest first.",
    params: homeParams,
    query: homeRequestsQuery,
    responses: { 200: ppeRequestPage },
    problems: { 404: 'No home has this id.' },
  },
  'GET /v1/requests/{requestId}': {
    description: `A request, read by its home, its store or an administrator. ${outsideTenancy}`,
    params: requestParams,
    responses: { 200: ppeRequest },
    problems: { 404: 'No request has this id (administrators only; others get 403).' },
  },
  'GET /v1/stores/{storeId}/requests': {
    description:
      "The store's queue of one status (default `submitted`), oldest first; `sort=urgency` puts the homes with the fewest days of supply " +
      'first (projected to now; unknown last) and pages by position in that order.',
    params: storeParams,
    query: storeQueueQuery,
    responses: { 200: requestQueuePage },
  },
  'POST /v1/requests/{requestId}/approve': {
    description:
      'The store approves all or part of a submitted request (lower quantities: `partially-approved`); the approved units become ' +
      `inbound on the home's positions. ${outsideTenancy}`,
    params: requestParams,
    body: requestApproval,
    responses: { 200: ppeRequest },
    problems: {
      ...transitionProblems('submitted'),
      422: 'Nothing would be approved (reject instead), or the approved lines exceed the store\'s request caps without an `overrideReason` (`capExceeded` lists them).',
    },
  },
  'POST /v1/requests/{requestId}/reject': {
    description: `The store rejects a submitted request, with a reason. ${outsideTenancy}`,
    params: requestParams,
    body: requestRejection,
    responses: { 200: ppeRequest },
    problems: transitionProblems('submitted'),
  },
  'POST /v1/requests/{requestId}/cancel': {
    description:
      'The home (or its store) cancels a request before dispatch; units it had made inbound are taken off again. A scheduled request ' +
      "leaves its delivery in the same transaction: the delivery's lines shrink, and a delivery left with no requests is `cancelled` " +
      `and frees its date's slot. Once dispatched (even by a dispatch racing the cancel) it can no longer be cancelled. ${outsideTenancy}`,
    params: requestParams,
    responses: { 200: ppeRequest },
    problems: transitionProblems('submitted, approved, partially-approved or scheduled'),
  },
  'POST /v1/stores/{storeId}/allocations': {
    description:
      "Allocates the store's stock (projected to now, less what scheduled requests hold) to its approved-but-unscheduled requests. " +
      'When it cannot cover everything, the homes with the fewest days of supply come first and each short line says why. ' +
      'Each run recomputes the allocation from the current state and records it on every request (`allocatedLines`): running it ' +
      'again is safe, so it takes no Idempotency-Key.',
    params: storeParams,
    responses: { 200: allocationResult },
    problems: { 404: 'No store has this id.', 409: 'Requests kept changing while the allocation was recorded; run it again.' },
  },
  'GET /v1/homes/{homeId}/request-caps': {
    description: "The home's weekly caps in units (its beds × its store's cap per bed), for its request form; its store and administrators read them too.",
    params: homeParams,
    responses: { 200: homeRequestCaps },
    problems: { 404: 'No home has this id.' },
  },
  'GET /v1/stores/{storeId}/request-caps': {
    description: "The store's request caps.",
    params: storeParams,
    responses: { 200: requestCaps },
    problems: { 404: 'No store has this id.' },
  },
  'PUT /v1/stores/{storeId}/request-caps': {
    description:
      'Sets the store\'s caps per bed per week, per SKU, replacing them whole. Approving a request above a cap then needs an `overrideReason`, which is recorded.',
    params: storeParams,
    body: requestCapsInput,
    responses: { 200: requestCaps },
    problems: { 404: 'No store has this id.' },
  },
} as const satisfies OperationFragment;
