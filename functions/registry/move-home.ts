/**
 * A home moving to another store (PUT /v1/homes/{id} with a new storeId) takes its open work with
 * it, in ONE transaction with the profile (the rules: functions/domain/home-move.ts):
 *   the new store's existence check · the home (conditioned on the store it was read with) ·
 *   each open request, re-attributed (storeId and its store queue; a scheduled one back to
 *   approved, off its delivery; allocations cleared) · each planned delivery cancelled and its slot
 *   on the old store's day freed · each home position whose inbound changes, with the new
 *   attribution · and, with the room left, the home's other positions re-attributed (the
 *   shortfall job's alerts go to the new store from the move on).
 * All or nothing, so no moment exists where the old store still holds part of the home's work.
 * More than one transaction can hold (MOVE_WRITE_LIMIT) is refused with 409 saying what to do.
 *
 * Reads (round trips): the home (the caller's, strongly consistent) · its positions ∥ its open
 * requests' ids (the home's request index, filtered) · those requests, strongly consistent · their
 * planned deliveries. Any write condition failing (a concurrent count, transition, plan or edit)
 * re-reads and re-plans the move (retryOnConflict, in the caller).
 */
import { randomUUID } from 'node:crypto';
import { dayRelease, deliveryPut, getDeliveries, type DeliveryRecord } from '../data/delivery-repository.ts';
import { homeProfileUpdate, transactWithStoreOnce, type HomeRecord } from '../data/registry-repository.ts';
import { getRequests, homeRequestIdsIn, requestChangeItem, type RequestChange, type RequestRecord } from '../data/request-repository.ts';
import { positionPut, readLocationStock, type TransactItem } from '../data/stock-repository.ts';
import { WriteConflictError } from '../domain/failures.ts';
import { clearsAllocation, MOVE_WRITE_LIMIT, moveWrites, OPEN_REQUEST_STATUSES, statusAfterMove } from '../domain/home-move.ts';
import { inboundDelta, sumDeltas } from '../domain/request-inbound.ts';
import type { Actor } from '../access/principal.ts';
import { tooMuchToMove } from '../http/problem.ts';
import { inboundPositionPuts } from '../requests/inbound-positions.ts';
import type { Home, HomeInput } from '../schemas/registry.ts';
import { t } from '../i18n/messages.ts';

export async function moveHome(current: HomeRecord, input: HomeInput, actor: Actor, now: Date): Promise<Home> {
  const { homeId, storeId: from } = current;
  const to = input.storeId;
  const at = now.toISOString();
  const location = { kind: 'home' as const, id: homeId };
  const [stock, ids] = await Promise.all([readLocationStock(location, { consistent: true }), homeRequestIdsIn(homeId, OPEN_REQUEST_STATUSES)]);
  const requests = (await getRequests(ids)).filter((r) => OPEN_REQUEST_STATUSES.includes(r.status)).sort(byAge);
  const deliveries = await plannedDeliveries(requests);

  const reason = `Home ${homeId} moved from store ${from} to store ${to}.`;
  const changes = requests.map((before) => requestChange(before, to, reason, actor, at));
  const attribution = { storeId: to, homeName: input.name, ...(input.nameCy !== undefined ? { homeNameCy: input.nameCy } : {}) };
  const inbound = inboundPositionPuts(homeId, sumDeltas(changes.map((c) => inboundDelta(c.before, c.after))), stock.positions, attribution);

  const size = { requests: changes.length, plannedDeliveries: deliveries.length, inboundPositions: inbound.puts.length };
  const writes = moveWrites(size);
  if (writes > MOVE_WRITE_LIMIT) {
    throw tooMuchToMove(
      t('registry.tooMuchToMove', { homeId, writes, limit: MOVE_WRITE_LIMIT, ...size, from }),
      { writes, limit: MOVE_WRITE_LIMIT, ...size },
    );
  }
  // The room left re-attributes the home's other positions; any left over are re-attributed by the home's next count.
  const rewritten = new Set(inbound.after.map((p) => p.state.sku));
  const reattributed = stock.positions
    .filter((p) => !rewritten.has(p.state.sku) && p.attribution?.storeId !== to)
    .slice(0, MOVE_WRITE_LIMIT - writes)
    .map((p) => positionPut(location, p.state, p.version, attribution));

  const { home, update } = homeProfileUpdate(homeId, input, at, from);
  await transactWithStoreOnce(to, [
    update,
    ...changes.map(requestChangeItem),
    ...deliveries.flatMap((d) => cancelDelivery(d, at)),
    ...inbound.puts,
    ...reattributed,
  ]);
  return home;
}

/** The planned deliveries the home's scheduled requests are on; each must carry only requests that move. */
async function plannedDeliveries(requests: readonly RequestRecord[]): Promise<DeliveryRecord[]> {
  const moving = new Set(requests.map((r) => r.requestId));
  const ids = [...new Set(requests.filter((r) => r.status === 'scheduled' && r.deliveryId !== null).map((r) => r.deliveryId!))];
  const planned = (await getDeliveries(ids)).filter((d) => d.status === 'planned');
  // A request on it that the home's (eventually consistent) index did not return yet: read again.
  if (planned.some((d) => d.requestIds.some((id) => !moving.has(id)))) throw new WriteConflictError('a planned delivery carries a request not yet seen');
  return planned;
}

function requestChange(before: RequestRecord, storeId: string, reason: string, actor: Actor, at: string): RequestChange {
  const status = statusAfterMove(before);
  const clear = clearsAllocation(before.status);
  const after: RequestRecord = {
    ...before,
    storeId,
    status,
    deliveryId: before.status === 'scheduled' ? null : before.deliveryId,
    allocatedLines: clear ? null : before.allocatedLines,
    allocatedAt: clear ? null : before.allocatedAt,
    updatedAt: at,
    version: before.version + 1,
    history: [...before.history, { action: 'move', from: before.status, to: status, at, actor, reason }],
  };
  return { before, after, allowedFrom: [before.status] };
}

/** Cancelled, emptied, and its home's slot on the old store's day freed (the old store's van will not go). */
function cancelDelivery(delivery: DeliveryRecord, at: string): TransactItem[] {
  const after: DeliveryRecord = { ...delivery, status: 'cancelled', requestIds: [], lines: [], updatedAt: at, version: delivery.version + 1, writeId: randomUUID() };
  return [deliveryPut(after, { version: delivery.version, status: 'planned' }), dayRelease(delivery.storeId, delivery.date, delivery.homeId)];
}

const byAge = (a: RequestRecord, b: RequestRecord) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.requestId < b.requestId ? -1 : 1);
