/**
 * How many units a request makes inbound at its home, per SKU: what the store has committed to
 * send (or sent) and the home has not yet received. Approved, scheduled and dispatched requests
 * count their allocation once the store has allocated, their approval before that; the other
 * states count nothing (submitted: not promised; rejected, cancelled: never coming; delivered: the
 * receipt took the units off inbound as it added them on hand — applyReceipt in usage-estimate.ts —
 * so the `deliver` transition must not apply a delta of its own).
 *
 * Every write to a request changes the home's positions by `inboundDelta(before, after)`, in the
 * same transaction, so `inbound` always equals the sum over the home's requests.
 */
import { plannedLines } from './delivery-stock.ts';
import type { RequestStatus } from './request-lifecycle.ts';

export interface InboundSource {
  status: RequestStatus;
  approvedLines: readonly { sku: string; quantity: number }[] | null;
  allocatedLines: readonly { sku: string; allocated: number }[] | null;
}

const COUNTING: ReadonlySet<RequestStatus> = new Set(['approved', 'partially-approved', 'scheduled', 'dispatched']);

export function inboundUnits(request: InboundSource): Map<string, number> {
  if (!COUNTING.has(request.status)) return new Map();
  // The units a request puts on its delivery are the units its home counts as inbound.
  return new Map(plannedLines(request).map((line) => [line.sku, line.quantity]));
}

/** after − before, per SKU; SKUs whose units do not change are left out. */
export function inboundDelta(before: InboundSource, after: InboundSource): Map<string, number> {
  const delta = new Map<string, number>();
  const was = inboundUnits(before);
  const now = inboundUnits(after);
  for (const sku of new Set([...was.keys(), ...now.keys()])) {
    const change = (now.get(sku) ?? 0) - (was.get(sku) ?? 0);
    if (change !== 0) delta.set(sku, change);
  }
  return delta;
}

/** Adds several deltas (one home's requests changing together). */
export function sumDeltas(deltas: Iterable<Map<string, number>>): Map<string, number> {
  const total = new Map<string, number>();
  for (const delta of deltas) for (const [sku, n] of delta) total.set(sku, (total.get(sku) ?? 0) + n);
  for (const [sku, n] of total) if (n === 0) total.delete(sku);
  return total;
}
