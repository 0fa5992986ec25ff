/**
 * Receipts into a position, for the features that move stock (deliveries' receipt): the position
 * Put and the history event, as TransactWriteItems entries to put in the caller's own transaction
 * beside its delivery and request updates. The Put is conditioned on the version read, like every
 * position write (functions/data/stock-repository.ts), so a receipt racing a count loses cleanly
 * and is re-read, never lost; it carries forward the home's attribution it read (a whole-item Put
 * without it would erase it).
 */
import type { LocationRef } from '../data/keys.ts';
import { movementTransactItems, type PositionRecord, type TransactItem } from '../data/stock-repository.ts';
import { canonicalInstant, instantMs } from '../domain/instants.ts';
import type { PositionState } from '../domain/stock-position.ts';
import { applyReceipt } from '../domain/usage-estimate.ts';

export interface ReceiptInput {
  location: LocationRef;
  /** The position as read (undefined: the location has no position for this SKU yet). */
  current: PositionRecord | undefined;
  sku: string;
  /** Whole units, >= 1. */
  quantity: number;
  receivedAt: string;
  /** What the units belong to, e.g. a deliveryId; it also makes the event id unique per delivery. */
  reference: string;
  recordedBy: string;
  recordedAt: string;
  /**
   * Units to take off `inbound` (default: `quantity`). A delivery clears what was dispatched, whatever
   * arrived: units short on receipt are a recorded discrepancy, no longer on their way.
   */
  inboundCleared?: number;
}

/** Two transaction entries: the position (version + 1) and its `receipt` history event. */
export function receiptTransactItems(input: ReceiptInput): { position: PositionState; items: TransactItem[] } {
  const at = canonicalInstant(instantMs(input.receivedAt));
  const received = applyReceipt(input.current?.state ?? null, input.sku, input.quantity, at);
  const position =
    input.inboundCleared === undefined
      ? received
      : { ...received, inbound: Math.max(0, (input.current?.state.inbound ?? 0) - input.inboundCleared) };
  const { sku, quantity, reference, recordedAt, recordedBy } = input;
  return { position, items: movementTransactItems(input.location, position, input.current, { kind: 'receipt', sku, at, quantity, reference, recordedAt, recordedBy }) };
}
