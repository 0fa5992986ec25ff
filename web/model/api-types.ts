/**
 * What the page reads from the API: only the fields it uses, as the API documents them. The page
 * is an API client like any other; it shares no code with the functions, only the contract.
 */
export type StockStatus = 'red' | 'amber' | 'green' | 'unknown';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface Item {
  sku: string;
  name: string;
  unit: string;
  packSize: number;
}

export interface Store {
  storeId: string;
  name: string;
  timeZone: string;
}

/** A position as GET /v1/homes/{homeId}/stock answers it. */
export interface Position {
  sku: string;
  onHand: number;
  projectedOnHand: number;
  dailyUsage: number;
  /** null when usage is 0 (never runs out) or the position was never counted. */
  daysOfSupply: number | null;
  /** ISO instant; null as daysOfSupply. */
  runoutDate: string | null;
  status: StockStatus;
  suggestedOrder: number;
  countedAt: string | null;
}

/** GET /v1/homes/{homeId}/stock: every position worst first; status is the worst item's. */
export interface LocationStock {
  status: StockStatus;
  asOf?: string;
  positions: Position[];
}

/** What the page needs to show an item that drives a status (a position, or a shortfall's item). */
export type DrivingItem = Pick<Position, 'sku' | 'status' | 'daysOfSupply' | 'runoutDate'>;

/**
 * One entry of the store's worklist, GET /v1/stores/{storeId}/homes: the home, its overall status,
 * and `drivers`, every position that is not green, worst first (the first ones set the status);
 * with `?positions=all`, `positions`: every position of the home, green ones too, worst first.
 */
export interface StoreHome {
  homeId: string;
  name: string;
  storeId: string;
  status?: StockStatus;
  drivers?: Position[];
  positions?: Position[];
  lastCountedAt?: string | null;
}

export interface ShortfallItem {
  sku: string;
  daysOfSupply: number | null;
  runoutDate: string | null;
  status: StockStatus;
  suggestedOrder: number;
}

export interface Shortfall {
  date: string;
  storeId: string;
  homeId: string;
  reasons: ('short' | 'silent')[];
  items: ShortfallItem[];
}

export interface Line {
  sku: string;
  quantity: number;
}

export interface Delivery {
  deliveryId: string;
  homeId: string;
  date: string;
  requestIds?: string[];
  lines: Line[];
  status: string;
  emergency?: boolean;
  reason?: string | null;
}

export interface SupplyRequest {
  requestId: string;
  homeId: string;
  status: string;
  lines: Line[];
  createdAt: string;
  neededBy?: string | null;
}
