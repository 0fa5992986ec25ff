/**
 * approve, reject and cancel: read the request (tenancy), check the state machine, then ONE
 * conditional write — `#status IN (allowedFrom(action)) AND #version = :read` — that sets the new
 * status, moves the request to that status's store queue, appends the history entry and, in the
 * same transaction, moves the units that become (or stop being) inbound at the home and, when a
 * scheduled request is cancelled, takes it off its delivery (functions/deliveries/withdraw-request.ts).
 *
 * Round trips: approve 3 (request; home ∥ caps ∥ positions; TransactWriteItems), reject 2
 * (request; UpdateItem), cancel 2 or 3 (positions only when units were inbound), 4 when scheduled
 * (request; positions ∥ delivery then its other requests; TransactWriteItems). A store calling adds
 * one round trip after the request: its home, to learn which store serves it now (access/resources.ts);
 * approve then uses that read rather than reading the home again.
 * A state the action cannot start from → 409 naming it, whether seen on the read or handed back
 * by the failed condition (a concurrent transition). A race on versions → re-read and retry.
 */
import { getHomeRecord } from '../data/registry-repository.ts';
import {
  commitRequestChanges,
  getRequestCaps,
  RequestStateConflict,
  toRequestView,
  type RequestRecord,
} from '../data/request-repository.ts';
import { retryOnConflict } from '../data/retries.ts';
import { getPositionsBatch, type TransactItem } from '../data/stock-repository.ts';
import { withdrawFromDelivery } from '../deliveries/withdraw-request.ts';
import { inboundDelta } from '../domain/request-inbound.ts';
import { allowedFrom, approvalOutcome, capExceeded, nextStatus, type RequestAction, type RequestStatus } from '../domain/request-lifecycle.ts';
import type { GuardedRecord } from '../access/resources.ts';
import { badRequest, HttpProblem, invalidTransition, notFound, writeConflict } from '../http/problem.ts';
import type { RequestApproval, RequestView } from '../schemas/requests.ts';
import { homePositionRefs, inboundPositionPuts } from './inbound-positions.ts';
import { eventWrite } from '../webhooks/events.ts';
import { t } from '../i18n/messages.ts';

interface Planned {
  after: RequestRecord;
  /** What goes in the same transaction: the home's positions, and a cancelled request's delivery. */
  items: TransactItem[];
}

interface TransitionInput {
  /** The request, read through the access policy (the handler named the action). */
  target: GuardedRecord<RequestRecord>;
  now: Date;
}

export function approveRequest(input: TransitionInput & { approval: RequestApproval }): Promise<RequestView> {
  return transition(input, 'approve', async (request, entry) => {
    const outcome = checkApproval(request, input.approval);
    const approvedBySku = new Map(input.approval.lines.map((l) => [l.sku, l.quantity]));
    const approvedLines = request.lines.map((l) => ({ sku: l.sku, quantity: approvedBySku.get(l.sku) ?? 0 }));
    const [home, storeCaps, positions] = await Promise.all([
      input.target.servingHome?.() ?? getHomeRecord(request.homeId),
      getRequestCaps(request.storeId),
      getPositionsBatch(homePositionRefs(request.homeId, approvedLines.filter((l) => l.quantity > 0).map((l) => l.sku))),
    ]);
    // The caps and the queue are those of the store serving the home now. They differ from the
    // request's only for a request submitted while its home was being moved: it joins its store here.
    const storeId = home?.storeId ?? request.storeId;
    const caps = storeId === request.storeId ? storeCaps : await getRequestCaps(storeId);
    const excess = capExceeded({ lines: approvedLines, beds: home?.beds ?? 0, capsPerBedPerWeek: caps?.capsPerBedPerWeek ?? {} });
    const reason = input.approval.overrideReason ?? null;
    if (excess.length > 0 && reason === null) {
      const list = excess.map((e) => t('request.capExceeded.line', { sku: e.sku, requested: e.requested, cap: e.cap })).join(', ');
      throw new HttpProblem('cap-exceeded', t('request.capExceeded', { list }), {
        extensions: { capExceeded: excess },
      });
    }
    const after = entry(outcome, reason, {
      storeId,
      approvedLines,
      override: excess.length > 0 && reason !== null ? { reason, capExceeded: excess } : null,
    });
    return { after, items: [...inboundPositionPuts(request.homeId, inboundDelta(request, after), positions).puts, requestEvent('request.approved', after)] };
  });
}

export function rejectRequest(input: TransitionInput & { reason: string }): Promise<RequestView> {
  return transition(input, 'reject', async (_request, entry) => {
    const after = entry('rejected', input.reason);
    return { after, items: [requestEvent('request.rejected', after)] };
  });
}

export function cancelRequest(input: TransitionInput): Promise<RequestView> {
  return transition(input, 'cancel', async (request, entry) => {
    const after = entry('cancelled', null, { deliveryId: null });
    const delta = inboundDelta(request, after);
    const [positions, deliveryWrites] = await Promise.all([
      delta.size === 0 ? [] : getPositionsBatch(homePositionRefs(request.homeId, delta.keys())),
      withdrawFromDelivery(request, after.updatedAt),
    ]);
    return { after, items: [...inboundPositionPuts(request.homeId, delta, positions).puts, ...deliveryWrites] };
  });
}

/**
 * The webhook event of an approval or a rejection, in the transition's own transaction (outbox): the
 * request's ids, status, the lines asked for and, for an approval, the lines approved.
 */
function requestEvent(type: 'request.approved' | 'request.rejected', after: RequestRecord): TransactItem {
  const reason = after.history.at(-1)?.reason ?? null;
  return eventWrite(type, after.homeId, after.updatedAt, {
    requestId: after.requestId,
    storeId: after.storeId,
    status: after.status,
    requestedLines: after.lines.map((l) => ({ sku: l.sku, quantity: l.quantity })),
    ...(type === 'request.approved' ? { approvedLines: after.approvedLines ?? [] } : { reason }),
  });
}

type Entry = (to: RequestStatus, reason: string | null, changes?: Partial<RequestRecord>) => RequestRecord;

async function transition(
  { target, now }: TransitionInput,
  action: RequestAction,
  plan: (request: RequestRecord, entry: Entry) => Promise<Planned>,
): Promise<RequestView> {
  return retryOnConflict(
    async () => {
      const request = await target.read();
      if (!request) throw notFound(t('notFound.request', { requestId: target.id }));
      if (!allowedFrom(action).includes(request.status)) throw stateConflict(request.status, action);
      const at = now.toISOString();
      const entry: Entry = (to, reason, changes = {}) => ({
        ...request,
        ...changes,
        status: to,
        updatedAt: at,
        version: request.version + 1,
        history: [...request.history, { action, from: request.status, to, at, actor: target.actor, reason }],
      });
      try {
        // Inside the try: a plan may find what it read has moved on (WriteConflictError) and re-read.
        const { after, items } = await plan(request, entry);
        await commitRequestChanges([{ before: request, after, allowedFrom: allowedFrom(action) }], items);
        return toRequestView(after);
      } catch (error) {
        if (error instanceof RequestStateConflict) throw stateConflict(error.current, action);
        throw error;
      }
    },
    { exhausted: t('exhausted.request') },
  );
}

/** 409 whose detail names the state the request is in. */
export function stateConflict(current: RequestStatus | undefined, action: RequestAction): HttpProblem {
  if (current === undefined) return writeConflict(t('request.changedWhileRead', { action }));
  const check = nextStatus(current, action);
  const detail = check.ok ? t('request.cannotApplyNow', { current, action }) : check.message;
  return invalidTransition(detail, current);
}

/** The approved lines against the requested ones: 400 naming each bad line, 422 when nothing is approved. */
function checkApproval(request: RequestRecord, approval: RequestApproval): 'approved' | 'partially-approved' {
  const outcome = approvalOutcome(request.lines, approval.lines);
  if (outcome.ok) return outcome.outcome;
  if (outcome.problems.length === 0) throw new HttpProblem('nothing-approved', outcome.message);
  const requested = new Set(request.lines.map((l) => l.sku));
  throw badRequest(
    t('request.approvalFaults', { count: outcome.problems.length }),
    outcome.problems.map((p) => ({ in: 'body' as const, path: `/lines/${p.index}/${requested.has(p.sku) ? 'quantity' : 'sku'}`, message: p.message })),
  );
}
