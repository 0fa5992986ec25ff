/**
 * The delivery planner: puts approved requests on the store's rota within a capacity.
 *
 * Each request goes on the earliest rota day of its home with room, one delivery per home per day
 * (a home's requests on one date merge into one delivery). A home that would run out before that
 * rota day is brought forward to the earliest open date with room, and the delivery says why.
 * Requests already in a delivery are never placed again, so re-planning is idempotent. A delivery
 * that cannot grow any more (`deliveryFits`) is full: its home's next request goes to a later date.
 *
 * Dates are calendar dates (YYYY-MM-DD) in the store's zone; nothing here reads a clock or a zone.
 */

import { dateOf, dayNumber, weekdayOf, type Weekday } from './calendar-date.ts';

export { weekdayOf, type Weekday };

export interface DeliveryLine {
  sku: string;
  quantity: number;
}

export interface PlanHome {
  homeId: string;
  deliveryDays: Weekday[];
  /** The earliest date any of the home's items runs out (store's zone); null if none is projected to. */
  runoutDate: string | null;
}

export interface PlanRequest {
  requestId: string;
  homeId: string;
  createdAt: string;
  lines: DeliveryLine[];
}

export interface PlannedDelivery {
  deliveryId: string;
  homeId: string;
  date: string;
  requestIds: string[];
  /** Merged per SKU, sorted by SKU. */
  lines: DeliveryLine[];
  emergency: boolean;
  reason: string | null;
}

/** A delivery already written: it counts against its date's capacity, and only a planned one can grow. */
export interface ExistingDelivery extends PlannedDelivery {
  status: 'planned' | 'dispatched' | 'delivered';
}

export interface PlanInput {
  /** First date of the horizon. */
  from: string;
  /** Calendar days in the horizon, counting `from`; closed dates inside it are skipped. */
  days: number;
  /** Most deliveries on any one date, existing ones included. */
  capacityPerDay: number;
  closedDates: string[];
  homes: PlanHome[];
  requests: PlanRequest[];
  existing: ExistingDelivery[];
  /**
   * Dates a home already gets a delivery from another store's van (it moved here with one on the
   * road): one delivery per home per date, so those dates are not this store's to plan for it.
   */
  servedElsewhere?: readonly { homeId: string; date: string }[];
  /**
   * Whether one delivery of this many requests and distinct SKUs can still be moved whole (e.g. the
   * store's write bound: dispatch and receipt are each one transaction). Omitted: any size fits.
   */
  deliveryFits?: (size: DeliverySize) => boolean;
}

export interface DeliverySize {
  requests: number;
  skus: number;
}

export interface UnplacedRequest {
  requestId: string;
  reason: string;
}

export interface DeliveryPlan {
  /** New deliveries, and existing planned ones that gained requests; ordered by date, then homeId. */
  deliveries: PlannedDelivery[];
  unplaced: UnplacedRequest[];
}

/** Deterministic, so re-planning the same home and date finds the same delivery. */
export function deliveryIdFor(date: string, homeId: string): string {
  dayNumber(date);
  return `dlv-${date.replaceAll('-', '')}-${homeId}`;
}

interface WorkingDelivery {
  deliveryId: string;
  homeId: string;
  date: string;
  requestIds: string[];
  lines: Map<string, number>;
  emergency: boolean;
  reasons: string[];
  /** Only a planned delivery can take more requests: a dispatched one is already on the road. */
  open: boolean;
  changed: boolean;
}

interface Placement {
  date: string;
  emergencyReason: string | null;
}

export function planDeliveries(input: PlanInput): DeliveryPlan {
  const start = dayNumber(input.from);
  const dayCount = Number.isFinite(input.days) ? Math.max(0, Math.floor(input.days)) : 0;
  const lastDate = dateOf(start + dayCount - 1);
  const horizonEnd = dateOf(start + dayCount);
  const closed = new Set(input.closedDates);
  const openDates: { date: string; weekday: Weekday }[] = [];
  for (let n = start; n < start + dayCount; n += 1) {
    const date = dateOf(n);
    if (!closed.has(date)) openDates.push({ date, weekday: weekdayOf(date) });
  }

  const deliveriesOnDate = new Map<string, number>();
  const byHomeAndDate = new Map<string, WorkingDelivery>();
  const alreadyPlaced = new Set<string>();
  for (const existing of input.existing) {
    deliveriesOnDate.set(existing.date, (deliveriesOnDate.get(existing.date) ?? 0) + 1);
    for (const id of existing.requestIds) alreadyPlaced.add(id);
    const key = homeDateKey(existing.homeId, existing.date);
    // Should a home have two deliveries on one date, the planned one is the one that can grow.
    if (byHomeAndDate.get(key)?.open) continue;
    byHomeAndDate.set(key, {
      deliveryId: existing.deliveryId,
      homeId: existing.homeId,
      date: existing.date,
      requestIds: [...existing.requestIds],
      emergency: existing.emergency,
      lines: mergeLines(new Map(), existing.lines),
      reasons: existing.reason ? [existing.reason] : [],
      open: existing.status === 'planned',
      changed: false,
    });
  }

  const fitsWith = (delivery: WorkingDelivery | undefined, request: PlanRequest): boolean => {
    if (!input.deliveryFits) return true;
    const skus = new Set([...(delivery?.lines.keys() ?? []), ...request.lines.map((l) => l.sku)]);
    return input.deliveryFits({ requests: (delivery?.requestIds.length ?? 0) + 1, skus: skus.size });
  };

  const elsewhere = new Set((input.servedElsewhere ?? []).map((d) => homeDateKey(d.homeId, d.date)));
  const canTake = (request: PlanRequest, date: string): boolean => {
    if (elsewhere.has(homeDateKey(request.homeId, date))) return false;
    const delivery = byHomeAndDate.get(homeDateKey(request.homeId, date));
    if (delivery) return delivery.open && fitsWith(delivery, request);
    return (deliveriesOnDate.get(date) ?? 0) < input.capacityPerDay && fitsWith(undefined, request);
  };

  const decide = (home: PlanHome, request: PlanRequest): Placement | string => {
    if (!fitsWith(undefined, request)) {
      return `Request ${request.requestId} is too large for one delivery (${new Set(request.lines.map((l) => l.sku)).size} SKUs); split it.`;
    }
    const rotaDays = new Set(home.deliveryDays);
    const rotaDate = openDates.find((d) => rotaDays.has(d.weekday) && canTake(request, d.date))?.date;
    // With no rota date in the horizon the home would wait at least until the horizon's end.
    const waitsUntil = rotaDate ?? horizonEnd;
    if (home.runoutDate !== null && home.runoutDate < waitsUntil) {
      const earliest = openDates.find((d) => canTake(request, d.date))?.date;
      if (earliest !== undefined && earliest < waitsUntil) {
        return { date: earliest, emergencyReason: emergencyReason(home.runoutDate, rotaDate, earliest, lastDate) };
      }
    }
    if (rotaDate !== undefined) return { date: rotaDate, emergencyReason: null };
    if (home.deliveryDays.length === 0) return `Home ${home.homeId} has no delivery days on the rota.`;
    if (dayCount === 0) return 'The plan covers no dates.';
    return (
      `No ${home.deliveryDays.join('/')} delivery with capacity for home ${home.homeId} ` +
      `between ${input.from} and ${lastDate}.`
    );
  };

  const place = (request: PlanRequest, placement: Placement): void => {
    const key = homeDateKey(request.homeId, placement.date);
    let delivery = byHomeAndDate.get(key);
    if (!delivery) {
      deliveriesOnDate.set(placement.date, (deliveriesOnDate.get(placement.date) ?? 0) + 1);
      delivery = {
        deliveryId: deliveryIdFor(placement.date, request.homeId),
        homeId: request.homeId,
        date: placement.date,
        requestIds: [],
        lines: new Map(),
        emergency: false,
        reasons: [],
        open: true,
        changed: true,
      };
      byHomeAndDate.set(key, delivery);
    }
    delivery.requestIds.push(request.requestId);
    mergeLines(delivery.lines, request.lines);
    if (placement.emergencyReason !== null) {
      delivery.emergency = true;
      if (!delivery.reasons.includes(placement.emergencyReason)) delivery.reasons.push(placement.emergencyReason);
    }
    delivery.changed = true;
  };

  const homes = new Map(input.homes.map((h) => [h.homeId, h]));
  const unplaced: UnplacedRequest[] = [];
  const pending: { request: PlanRequest; home: PlanHome }[] = [];
  for (const request of input.requests) {
    if (alreadyPlaced.has(request.requestId)) continue;
    alreadyPlaced.add(request.requestId);
    const home = homes.get(request.homeId);
    if (!home) unplaced.push({ requestId: request.requestId, reason: `Home ${request.homeId} is not on this rota.` });
    else pending.push({ request, home });
  }
  pending.sort(
    (a, b) =>
      compareRunout(a.home.runoutDate, b.home.runoutDate) ||
      compareText(a.request.createdAt, b.request.createdAt) ||
      compareText(a.request.requestId, b.request.requestId),
  );

  // One pass, most urgent first. Each request is judged against the capacity left when its turn
  // comes, so a home becomes an emergency as soon as more urgent homes have taken its rota day.
  // (Placing every emergency before any non-emergency was tried: it can hand an emergency the only
  // date a home with an earlier run-out could have used, making that home late for no gain.)
  for (const { request, home } of pending) {
    const decision = decide(home, request);
    if (typeof decision === 'string') unplaced.push({ requestId: request.requestId, reason: decision });
    else place(request, decision);
  }

  const deliveries = [...byHomeAndDate.values()]
    .filter((d) => d.changed)
    .sort((a, b) => compareText(a.date, b.date) || compareText(a.homeId, b.homeId))
    .map(
      (d): PlannedDelivery => ({
        deliveryId: d.deliveryId,
        homeId: d.homeId,
        date: d.date,
        requestIds: d.requestIds,
        lines: [...d.lines].sort(([a], [b]) => compareText(a, b)).map(([sku, quantity]) => ({ sku, quantity })),
        emergency: d.emergency,
        reason: d.reasons.length > 0 ? d.reasons.join(' ') : null,
      }),
    );
  return { deliveries, unplaced };
}

function emergencyReason(runout: string, rotaDate: string | undefined, date: string, lastDate: string): string {
  const waited = rotaDate
    ? `before its next rota delivery on ${weekdayOf(rotaDate)} ${rotaDate}`
    : `and no rota day up to ${lastDate} has capacity`;
  const late = date > runout ? ` No open date with room on or before the run-out; ${date} is the earliest.` : '';
  return `Runs out on ${runout}, ${waited}; brought forward to ${weekdayOf(date)} ${date}.${late}`;
}

function mergeLines(into: Map<string, number>, lines: readonly DeliveryLine[]): Map<string, number> {
  for (const line of lines) into.set(line.sku, (into.get(line.sku) ?? 0) + line.quantity);
  return into;
}

function homeDateKey(homeId: string, date: string): string {
  return JSON.stringify([homeId, date]);
}

// Homes with a run-out date come first, earliest first; homes not at risk after them.
function compareRunout(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return compareText(a, b);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
