/**
 * How a delivery moves stock, as pure rules: what a request puts on the van, whether the store
 * holds it, what dispatch does to the store's position, and what a receipt says went missing.
 *
 * Units are conserved by construction: dispatch takes exactly the delivery's lines off the store
 * (never below 0: a store that lacks units is refused first), and the receipt adds what the home
 * counted in and records every difference from what was dispatched as a discrepancy.
 */
import { canonicalInstant, instantMs } from './instants.ts';
import { projectedOnHand, type PositionState } from './stock-position.ts';

export interface DeliveryLine {
  sku: string;
  quantity: number;
}

export interface PlannableRequest {
  approvedLines: readonly { sku: string; quantity: number }[] | null;
  allocatedLines: readonly { sku: string; allocated: number }[] | null;
}

/**
 * What a request puts on a delivery: its allocation once the store has allocated, its approval
 * before that (the same units its home counts as inbound). Merged per SKU, sorted, zeros left out.
 */
export function plannedLines(request: PlannableRequest): DeliveryLine[] {
  const lines = request.allocatedLines
    ? request.allocatedLines.map((l) => ({ sku: l.sku, quantity: l.allocated }))
    : (request.approvedLines ?? []);
  return mergeLines(lines);
}

/** What a delivery of these requests carries: each one's plannedLines, merged per SKU, sorted. */
export function deliveryLines(requests: readonly PlannableRequest[]): DeliveryLine[] {
  return mergeLines(requests.flatMap(plannedLines));
}

export function mergeLines(lines: Iterable<DeliveryLine>): DeliveryLine[] {
  const totals = new Map<string, number>();
  for (const line of lines) if (line.quantity > 0) totals.set(line.sku, (totals.get(line.sku) ?? 0) + line.quantity);
  return [...totals].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([sku, quantity]) => ({ sku, quantity }));
}

export interface Shortfall {
  sku: string;
  required: number;
  available: number;
}

/** Lines the store cannot cover from its projected on hand at `asOf`; empty when it holds everything. */
export function dispatchShortfall(lines: readonly DeliveryLine[], store: ReadonlyMap<string, PositionState>, asOf: Date): Shortfall[] {
  const short: Shortfall[] = [];
  for (const { sku, quantity } of lines) {
    const position = store.get(sku);
    const available = position ? projectedOnHand(position, asOf) : 0;
    if (available < quantity) short.push({ sku, required: quantity, available });
  }
  return short;
}

/**
 * Takes dispatched units off a store's position: a receipt with the sign turned. `receivedSinceCount`
 * holds the net units moved in since the last count, so the next count's usage estimate sees only
 * what the store consumed or lost, not what it sent out. Refuses to go below 0 (check the shortfall first).
 */
export function applyDispatch(current: PositionState, quantity: number, dispatchedAt: string): PositionState {
  if (!Number.isInteger(quantity) || quantity < 1) throw new RangeError(`quantity must be a whole number >= 1, got ${quantity}`);
  const ms = instantMs(dispatchedAt);
  // A count taken after the van left already saw the units gone.
  if (current.countedAt !== null && ms < instantMs(current.countedAt)) return current;
  const receivedSinceCount = current.receivedSinceCount - quantity;
  if (current.onHandAt !== null && ms < instantMs(current.onHandAt)) {
    return { ...current, onHand: requireCovered(current.onHand, quantity, current.sku), receivedSinceCount };
  }
  const onHand = requireCovered(projectedOnHand(current, new Date(ms)), quantity, current.sku);
  return { ...current, onHand, onHandAt: canonicalInstant(ms), receivedSinceCount };
}

function requireCovered(onHand: number, quantity: number, sku: string): number {
  if (onHand < quantity) throw new RangeError(`the store holds ${onHand} of ${sku}, fewer than the ${quantity} dispatched`);
  return onHand - quantity;
}

export interface Discrepancy {
  sku: string;
  dispatched: number;
  received: number;
}

export type ReceiptCheck =
  | { ok: true; discrepancies: Discrepancy[] }
  | { ok: false; missing: string[]; unexpected: string[] };

/**
 * The received lines against the dispatched ones. Every dispatched SKU must be accounted for (0 when
 * none arrived), so a half-filled form cannot record a loss by omission; a SKU that was not on the
 * van cannot be received through this delivery.
 */
export function checkReceipt(dispatched: readonly DeliveryLine[], received: readonly DeliveryLine[]): ReceiptCheck {
  const sent = new Map(dispatched.map((l) => [l.sku, l.quantity]));
  const got = new Map(received.map((l) => [l.sku, l.quantity]));
  const missing = [...sent.keys()].filter((sku) => !got.has(sku));
  const unexpected = [...got.keys()].filter((sku) => !sent.has(sku));
  if (missing.length > 0 || unexpected.length > 0) return { ok: false, missing, unexpected };
  const discrepancies = [...sent]
    .filter(([sku, n]) => got.get(sku) !== n)
    .map(([sku, n]) => ({ sku, dispatched: n, received: got.get(sku)! }));
  return { ok: true, discrepancies };
}
