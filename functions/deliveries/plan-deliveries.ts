/**
 * Plans a store's deliveries for a horizon: the use case behind POST /v1/stores/{storeId}/delivery-plans
 * and the daily planning job alike.
 *
 * Reads (strongly consistent where a write conditions on them): the store and its homes; its
 * approved and partially-approved queues; the delivery days of the horizon (which homes each date
 * already serves) and those deliveries; the homes' positions for the SKUs they asked for, whose
 * earliest run-out date (in the store's zone) tells the planner who must be brought forward.
 * Then the pure planner (functions/domain/delivery-plan.ts) decides.
 *
 * Writes: one transaction per new or grown delivery — the delivery (new: must not exist, or be the
 * cancelled delivery of that home and date, which it takes over; grown: still planned, at the
 * version read), each newly placed request approved → scheduled (conditioned on status and version,
 * and noting the delivery it is on) and, for a new delivery, the home's booking on the delivery
 * day, refused beyond capacity, and its `delivery.planned` webhook event (the outbox). Deliveries of one date are written one after another (they share
 * the day's booking item), dates in parallel. A write that loses a race (another planner, an allocation, a
 * cancellation) stops its date; the plan is then recomputed from the new state, where what was
 * written is existing and its requests are scheduled, so nothing is booked twice.
 */
import { randomUUID } from 'node:crypto';
import {
  dayBooking,
  deliveryFitsOneTransaction,
  deliveryPut,
  getDeliveries,
  getDelivery,
  readDeliveryDays,
  type DeliveryRecord,
} from '../data/delivery-repository.ts';
import { allStoreHomes, getStore, type HomeRecord } from '../data/registry-repository.ts';
import { allInStoreQueue, commitRequestChanges, type RequestRecord } from '../data/request-repository.ts';
import { retryOnConflict } from '../data/retries.ts';
import { getPositionsBatch } from '../data/stock-repository.ts';
import { addDays } from '../domain/calendar-date.ts';
import {
  deliveryIdFor,
  planDeliveries,
  type ExistingDelivery,
  type PlanHome,
  type PlannedDelivery,
  type PlanRequest,
  type UnplacedRequest,
} from '../domain/delivery-plan.ts';
import { plannedLines } from '../domain/delivery-stock.ts';
import { StateConflictError, WriteConflictError } from '../domain/failures.ts';
import { allowedFrom } from '../domain/request-lifecycle.ts';
import { runoutDate } from '../domain/stock-position.ts';
import { dateInZone } from '../domain/zoned-dates.ts';
import { badRequest, notFound } from '../http/problem.ts';
import type { Actor } from '../access/principal.ts';
import type { DeliveryPlanBody } from '../schemas/deliveries.ts';
import { deliveryEventData, eventWrite } from '../webhooks/events.ts';
import { t } from '../i18n/messages.ts';

export interface PlanCommand {
  storeId: string;
  from: string;
  days: number;
  actor: Actor;
  now: Date;
}

export async function planStoreDeliveries({ storeId, from, days, actor, now }: PlanCommand): Promise<DeliveryPlanBody> {
  const store = await getStore(storeId);
  if (!store) throw notFound(t('notFound.store', { storeId }));
  const today = dateInZone(now, store.timeZone);
  if (from < today) {
    throw badRequest(t('delivery.planBeforeToday', { today, timeZone: store.timeZone }), [
      { in: 'body', path: '/from', message: t('delivery.planBeforeToday.field', { today }) },
    ]);
  }
  const to = addDays(from, days - 1);
  const written = new Map<string, PlannedDelivery>();
  // Home and date pairs another store's van already serves (found when a write meets its delivery).
  const servedElsewhere: { homeId: string; date: string }[] = [];
  return retryOnConflict(
    async () => {
      const [homes, approved, partial, bookedDays] = await Promise.all([
        allStoreHomes(storeId),
        allInStoreQueue(storeId, 'approved'),
        allInStoreQueue(storeId, 'partially-approved'),
        readDeliveryDays(storeId, from, to),
      ]);
      // The pure planner takes planned, dispatched and delivered deliveries, not cancelled ones: a
      // cancelled delivery carries no requests and holds no capacity (its cancel took the home off the
      // day, so it is not normally among those read), and must be neither counted nor grown. Should
      // the home be planned on that date again, the new delivery takes its item over (writeDelivery).
      const booked = await getDeliveries([...bookedDays].flatMap(([date, homeIds]) => homeIds.map((h) => deliveryIdFor(date, h))));
      const existing = booked.filter((d): d is ExistingRecord => d.status !== 'cancelled');
      const { plannable, empty } = splitRequests([...approved, ...partial]);
      const plan = planDeliveries({
        from,
        days,
        capacityPerDay: store.capacityPerDay,
        closedDates: store.closedDates,
        homes: await homesWithRunouts(homes, plannable, store.timeZone),
        requests: plannable.map(toPlanRequest),
        existing,
        servedElsewhere,
        deliveryFits: deliveryFitsOneTransaction,
      });
      const outcome = await writePlan(plan.deliveries, { storeId, capacityPerDay: store.capacityPerDay, actor, now, existing, requests: plannable, servedElsewhere });
      for (const delivery of outcome.written) written.set(delivery.deliveryId, delivery);
      // What was written stands; the next attempt plans what is left from the new state.
      if (outcome.raced) throw new WriteConflictError(`store ${storeId}'s requests, deliveries or capacity moved while the plan was written`);
      const deliveries = [...written.values()].sort((a, b) => compare(a.date, b.date) || compare(a.homeId, b.homeId));
      return { storeId, from, days, deliveries, unplaced: [...empty, ...plan.unplaced] };
    },
    { exhausted: t('exhausted.plan') },
  );
}

/** A request allocated nothing at all has nothing to deliver: it waits for the next allocation. */
function splitRequests(requests: RequestRecord[]): { plannable: RequestRecord[]; empty: UnplacedRequest[] } {
  const plannable = requests.filter((r) => plannedLines(r).length > 0);
  const empty = requests
    .filter((r) => plannedLines(r).length === 0)
    .map((r) => ({ requestId: r.requestId, reason: 'Allocated no units: nothing to deliver until it is allocated stock.' }));
  return { plannable, empty };
}

const toPlanRequest = (r: RequestRecord): PlanRequest => ({ requestId: r.requestId, homeId: r.homeId, createdAt: r.createdAt, lines: plannedLines(r) });

/** Each home's earliest run-out, in the store's zone, over the SKUs it is waiting for: another SKU's run-out is not this delivery's to prevent. */
async function homesWithRunouts(homes: HomeRecord[], requests: RequestRecord[], timeZone: string): Promise<PlanHome[]> {
  const wanted = new Map<string, Set<string>>();
  for (const r of requests) for (const line of plannedLines(r)) wanted.set(r.homeId, (wanted.get(r.homeId) ?? new Set()).add(line.sku));
  const refs = [...wanted].flatMap(([homeId, skus]) => [...skus].map((sku) => ({ location: { kind: 'home' as const, id: homeId }, sku })));
  const earliest = new Map<string, string>();
  for (const position of await getPositionsBatch(refs)) {
    const runout = runoutDate(position.state);
    if (runout === null) continue;
    const date = dateInZone(Date.parse(runout), timeZone);
    const seen = earliest.get(position.location.id);
    if (seen === undefined || date < seen) earliest.set(position.location.id, date);
  }
  return homes.map((h) => ({ homeId: h.homeId, deliveryDays: h.deliveryDays, runoutDate: earliest.get(h.homeId) ?? null }));
}

/** A delivery the planner takes into account: planned, dispatched or delivered. */
type ExistingRecord = DeliveryRecord & ExistingDelivery;

interface WriteContext {
  storeId: string;
  capacityPerDay: number;
  actor: Actor;
  now: Date;
  existing: ExistingRecord[];
  requests: RequestRecord[];
  /** Where a write met another store's delivery of the home on that date: the next attempt plans around it. */
  servedElsewhere: { homeId: string; date: string }[];
}

/** Dates in parallel, a date's deliveries in sequence; a lost race stops its date. */
async function writePlan(deliveries: PlannedDelivery[], context: WriteContext): Promise<{ written: PlannedDelivery[]; raced: boolean }> {
  const byDate = new Map<string, PlannedDelivery[]>();
  for (const d of deliveries) byDate.set(d.date, [...(byDate.get(d.date) ?? []), d]);
  const written: PlannedDelivery[] = [];
  let raced = false;
  const results = await Promise.allSettled(
    [...byDate.values()].map(async (list) => {
      for (const delivery of list) {
        try {
          await writeDelivery(delivery, context);
          written.push(delivery);
        } catch (error) {
          if (!(error instanceof WriteConflictError)) throw error;
          raced = true;
          return;
        }
      }
    }),
  );
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
  return { written, raced };
}

async function writeDelivery(planned: PlannedDelivery, context: WriteContext): Promise<void> {
  const before = context.existing.find((d) => d.deliveryId === planned.deliveryId);
  try {
    await commitDelivery(planned, before, context);
  } catch (error) {
    // Ids are per home and date (deliveryIdFor): a new delivery may meet the item of one cancelled on
    // that date, unseen because its home is no longer booked (or booked by the store it left). It
    // takes that item over.
    if (before || !(error instanceof WriteConflictError) || error instanceof StateConflictError) throw error;
    const found = await getDelivery(planned.deliveryId);
    // The home moved here with another store's delivery on that date (on the road, or delivered):
    // never a second delivery to one home on one date.
    if (found && found.status !== 'cancelled' && found.storeId !== context.storeId) context.servedElsewhere.push({ homeId: found.homeId, date: found.date });
    if (found?.status !== 'cancelled') throw error;
    await commitDelivery(planned, found, context);
  }
}

/**
 * One transaction: the delivery, its newly placed requests approved → scheduled and, for a new
 * delivery, the home's booking on the day. A cancelled delivery taken over is written as a new one
 * would be, but conditioned on still being cancelled at the version read, and its version carries
 * on, so a writer still holding a version from before the cancel cannot write over it.
 */
async function commitDelivery(planned: PlannedDelivery, before: DeliveryRecord | undefined, context: WriteContext): Promise<void> {
  const { storeId, capacityPerDay, actor, now, requests } = context;
  const at = now.toISOString();
  const grown = before?.status === 'planned' ? before : undefined;
  const already = new Set(grown?.requestIds ?? []);
  const byId = new Map(requests.map((r) => [r.requestId, r]));
  const note = `Planned on delivery ${planned.deliveryId} for ${planned.date}.${planned.emergency && planned.reason ? ` ${planned.reason}` : ''}`;
  const changes = planned.requestIds
    .filter((id) => !already.has(id))
    .map((id) => {
      const request = byId.get(id)!;
      const entry = { action: 'schedule' as const, from: request.status, to: 'scheduled' as const, at, actor, reason: note };
      const after = {
        ...request,
        status: 'scheduled' as const,
        deliveryId: planned.deliveryId,
        updatedAt: at,
        version: request.version + 1,
        history: [...request.history, entry],
      };
      return { before: request, after, allowedFrom: allowedFrom('schedule') };
    });
  const record: DeliveryRecord = {
    ...(grown ?? blankDelivery(planned, storeId, at)),
    requestIds: planned.requestIds,
    lines: planned.lines,
    emergency: planned.emergency,
    reason: planned.reason,
    updatedAt: at,
    version: (before?.version ?? 0) + 1,
    writeId: randomUUID(),
  };
  // The webhook event (outbox) in the same transaction: a new delivery, or one that grew (its latest requests and lines).
  const event = eventWrite('delivery.planned', record.homeId, at, deliveryEventData(record));
  const items = grown
    ? [deliveryPut(record, { version: grown.version, status: 'planned' }), event]
    : [
        deliveryPut(record, before ? { version: before.version, status: 'cancelled' } : 'new'),
        dayBooking(storeId, planned.date, planned.homeId, capacityPerDay),
        event,
      ];
  await commitRequestChanges(changes, items);
}

function blankDelivery(planned: PlannedDelivery, storeId: string, at: string): DeliveryRecord {
  return {
    deliveryId: planned.deliveryId,
    storeId,
    homeId: planned.homeId,
    date: planned.date,
    status: 'planned',
    requestIds: [],
    lines: [],
    emergency: false,
    reason: null,
    createdAt: at,
    updatedAt: at,
    dispatchedAt: null,
    dispatchedBy: null,
    receivedAt: null,
    receivedBy: null,
    confirmedBy: null,
    receivedLines: null,
    discrepancies: [],
    version: 0,
    writeId: '',
  };
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
