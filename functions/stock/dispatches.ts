/**
 * Dispatches out of a store's position, for deliveries: the position Put and the `dispatch` history
 * event, as TransactWriteItems entries for the caller's own transaction (beside the delivery and
 * request updates). Like every position write, the Put is conditioned on the version read.
 */
import type { LocationRef } from '../data/keys.ts';
import { movementTransactItems, type PositionRecord, type TransactItem } from '../data/stock-repository.ts';
import { applyDispatch } from '../domain/delivery-stock.ts';
import { canonicalInstant, instantMs } from '../domain/instants.ts';

export interface DispatchInput {
  location: LocationRef;
  /** The position as read; the caller has checked it holds the units (dispatchShortfall). */
  current: PositionRecord;
  quantity: number;
  dispatchedAt: string;
  /** The delivery; it also makes the event id unique per delivery. */
  reference: string;
  recordedBy: string;
  recordedAt: string;
}

/** Two transaction entries: the position (version + 1) and its `dispatch` history event. */
export function dispatchTransactItems(input: DispatchInput): TransactItem[] {
  const at = canonicalInstant(instantMs(input.dispatchedAt));
  const position = applyDispatch(input.current.state, input.quantity, at);
  const { quantity, reference, recordedAt, recordedBy } = input;
  return movementTransactItems(input.location, position, input.current, { kind: 'dispatch', sku: position.sku, at, quantity, reference, recordedAt, recordedBy });
}
