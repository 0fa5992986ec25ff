/**
 * What the page reads from and sends to the API, as the OpenAPI document describes it: each type
 * is picked from the schemas generated from the document (api-schema.generated.ts, by
 * `npm run web:types`), keeping only the fields the page uses. A field the API renames or drops
 * fails `tsc -p web`; the page shares no code with the functions, only the contract.
 */
import type { components } from './api-schema.generated.ts';

type Schemas = components['schemas'];

export type StockStatus = Schemas['StockPosition']['status'];

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

// `nameCy`: the Welsh name an item, home or store may carry (issue #19), shown when the page is in Welsh.
export type Item = Pick<Schemas['Item'], 'sku' | 'name' | 'nameCy' | 'unit' | 'packSize'>;

export type Store = Pick<Schemas['Store'], 'storeId' | 'name' | 'nameCy' | 'timeZone'>;

export type Home = Pick<Schemas['Home'], 'homeId' | 'name' | 'nameCy' | 'storeId' | 'beds'>;

/** A position as GET /v1/homes/{homeId}/stock answers it. */
export type Position = Pick<
  Schemas['StockPosition'],
  'sku' | 'onHand' | 'projectedOnHand' | 'dailyUsage' | 'daysOfSupply' | 'runoutDate' | 'status' | 'suggestedOrder' | 'countedAt'
> &
  Partial<Pick<Schemas['StockPosition'], 'usageBasis' | 'forecastUsage'>>;

/** GET /v1/homes/{homeId}/stock: every position worst first; status is the worst item's. */
export type LocationStock = Pick<Schemas['LocationStock'], 'status'> & Partial<Pick<Schemas['LocationStock'], 'asOf'>> & { positions: Position[] };

/** What the page needs to show an item that drives a status (a position, or a shortfall's item). */
export type DrivingItem = Pick<Position, 'sku' | 'status' | 'daysOfSupply' | 'runoutDate'>;

/**
 * One entry of the store's worklist, GET /v1/stores/{storeId}/homes: the home, its overall status,
 * and `drivers`, every position that is not green, worst first; with `?positions=all`,
 * `positions`: every position of the home.
 */
export type StoreHome = Pick<Schemas['WorklistHome'], 'homeId' | 'name' | 'nameCy' | 'storeId'> &
  Partial<Pick<Schemas['WorklistHome'], 'status' | 'lastCountedAt' | 'beds' | 'outbreak'>> & { drivers?: Position[]; positions?: Position[] };

/** A home's outbreak (GET /v1/homes/{homeId}/outbreaks, PUT/DELETE …/outbreak). */
export type Outbreak = Pick<Schemas['Outbreak'], 'outbreakId' | 'status' | 'isolatingResidents' | 'startedOn' | 'expectedEndOn' | 'note'>;
export type OutbreakInput = Schemas['OutbreakInput'];

export type ShortfallItem = Schemas['Shortfall']['items'][number];

export type Shortfall = Pick<Schemas['Shortfall'], 'date' | 'storeId' | 'homeId' | 'reasons' | 'items'>;

export type Line = Schemas['DeliveryLine'];

export type Delivery = Pick<Schemas['Delivery'], 'deliveryId' | 'homeId' | 'date' | 'lines' | 'status'> &
  Partial<Pick<Schemas['Delivery'], 'requestIds' | 'emergency' | 'reason' | 'discrepancies' | 'receivedBy' | 'receivedLines'>>;

export type RequestStatus = Schemas['PpeRequest']['status'];

export type SupplyRequest = Pick<Schemas['PpeRequest'], 'requestId' | 'homeId' | 'status' | 'createdAt'> & {
  lines: Pick<Schemas['PpeRequest']['lines'][number], 'sku' | 'quantity'>[];
} &
  Partial<Pick<Schemas['PpeRequest'], 'neededBy' | 'note' | 'history' | 'approvedLines' | 'allocatedLines'>>;

export type QueuedRequest = SupplyRequest & Pick<Schemas['QueuedPpeRequest'], 'fewestDaysOfSupply'>;

export type RequestCaps = Pick<Schemas['RequestCaps'], 'capsPerBedPerWeek'>;

export type HomeRequestCaps = Pick<Schemas['HomeRequestCaps'], 'weeklyCaps'>;

export type AllocationResult = Schemas['AllocationResult'];

export type DeliveryPlan = Schemas['DeliveryPlan'];

export type DeliveryManifest = Pick<Schemas['DeliveryManifest'], 'date' | 'totals' | 'nextCursor'> & { items: Delivery[] };

export type RequestSubmission = Schemas['RequestSubmission'];
export type RequestApproval = Schemas['RequestApproval'];
export type DeliveryReceipt = Schemas['DeliveryReceipt'];
export type StockCountPost = Schemas['StockCountPost'];
export type StockCountsRecorded = Pick<Schemas['StockCountsRecorded'], 'positions'>;
