/**
 * How a delivery looks in the table, both ways. Pure (no SDK).
 *
 * Delivery item (one per home per date; id `dlv-<yyyymmdd>-<homeId>`, see deliveryIdFor):
 *   { PK: DELIVERY#<id>, SK: DELIVERY, entity: 'Delivery', ...DeliveryView, version, writeId,
 *     GSI1PK: STORE#<storeId>#DELIVERIES, GSI1SK: <date>#<homeId>      ← a store's deliveries by date (the manifest)
 *     GSI3PK: HOME#<homeId>#DELIVERIES,   GSI3SK: <date>#<deliveryId>  ← a home's deliveries }
 *
 * Delivery day (one per store per date with any delivery): the homes delivered to that date.
 *   { PK: DELIVERY-DAY#STORE#<storeId>, SK: <date>, entity: 'DeliveryDay', storeId, date, homeIds: SS }
 * A new delivery adds its home to the set in the same transaction, conditioned on the set being
 * smaller than the store's capacity: the table, not the planner's read, holds the capacity. A
 * delivery cancelled (its last request cancelled) takes its home out again, freeing the slot.
 */
import type { DeliverySize } from '../domain/delivery-plan.ts';
import type { DeliveryLine, Discrepancy } from '../domain/delivery-stock.ts';
import { keys } from './keys.ts';

export const DELIVERY_ENTITY = 'Delivery';
export const DELIVERY_DAY_ENTITY = 'DeliveryDay';

/** `cancelled`: every request on it was cancelled before dispatch; it carries nothing and holds no capacity. */
export const DELIVERY_STATUSES = ['planned', 'dispatched', 'delivered', 'cancelled'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** DynamoDB's limit of actions in one TransactWriteItems (MAX_TRANSACT_ITEMS in stock-repository.ts). */
const TRANSACT_ITEMS_LIMIT = 100;

/**
 * The biggest move of a delivery is its receipt: the delivery, each request, per SKU the home's
 * position and its receipt event, and the move's webhook event (the outbox, issue #21). Dispatch
 * (the delivery, each request, per SKU the store's position and its dispatch event, the webhook
 * event) is the same size; planning (the delivery, its new requests, the day's booking, the webhook
 * event) is smaller. The planner keeps every delivery within this, so each move is one transaction.
 */
export function deliveryFitsOneTransaction({ requests, skus }: DeliverySize): boolean {
  return 2 + requests + 2 * skus <= TRANSACT_ITEMS_LIMIT;
}

export interface Actor {
  subject: string;
  org: string;
}

export interface DeliveryView {
  deliveryId: string;
  storeId: string;
  homeId: string;
  /** Calendar date in the store's time zone. */
  date: string;
  status: DeliveryStatus;
  requestIds: string[];
  /** Planned: what the requests put on it; once dispatched: what left the store. Sorted by SKU. */
  lines: DeliveryLine[];
  emergency: boolean;
  reason: string | null;
  createdAt: string;
  updatedAt: string;
  dispatchedAt: string | null;
  dispatchedBy: Actor | null;
  receivedAt: string | null;
  /** The person at the home who took the delivery in, as they gave their name. */
  receivedBy: string | null;
  /** Who recorded the receipt (token subject and organisation). */
  confirmedBy: Actor | null;
  receivedLines: DeliveryLine[] | null;
  discrepancies: Discrepancy[];
}

export interface DeliveryRecord extends DeliveryView {
  /** 1 on creation; every write conditions on the version read. */
  version: number;
  /** Identifies the write that produced this version, so a writer can tell its own lost answer from a rival's. */
  writeId: string;
}

export function deliveryItem(record: DeliveryRecord): Record<string, unknown> {
  return {
    ...keys.delivery(record.deliveryId),
    ...keys.storeDeliveriesIndex(record.storeId, record.date, record.homeId),
    ...keys.homeDeliveriesIndex(record.homeId, record.date, record.deliveryId),
    entity: DELIVERY_ENTITY,
    ...record,
  };
}

export function toDeliveryRecord(raw: Record<string, unknown>): DeliveryRecord {
  return {
    deliveryId: raw.deliveryId as string,
    storeId: raw.storeId as string,
    homeId: raw.homeId as string,
    date: raw.date as string,
    status: raw.status as DeliveryStatus,
    requestIds: (raw.requestIds as string[]) ?? [],
    lines: (raw.lines as DeliveryLine[]) ?? [],
    emergency: Boolean(raw.emergency),
    reason: (raw.reason as string | null) ?? null,
    createdAt: raw.createdAt as string,
    updatedAt: raw.updatedAt as string,
    dispatchedAt: (raw.dispatchedAt as string | null) ?? null,
    dispatchedBy: (raw.dispatchedBy as Actor | null) ?? null,
    receivedAt: (raw.receivedAt as string | null) ?? null,
    receivedBy: (raw.receivedBy as string | null) ?? null,
    confirmedBy: (raw.confirmedBy as Actor | null) ?? null,
    receivedLines: (raw.receivedLines as DeliveryLine[] | null) ?? null,
    discrepancies: (raw.discrepancies as Discrepancy[]) ?? [],
    version: Number(raw.version ?? 0),
    writeId: String(raw.writeId ?? ''),
  };
}

/** The API's view: version and writeId stay internal. */
export function toDeliveryView({ version: _version, writeId: _writeId, ...view }: DeliveryRecord): DeliveryView {
  return view;
}
