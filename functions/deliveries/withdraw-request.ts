/**
 * Taking a cancelled request off its delivery: the writes that go in the request's own cancel
 * transaction (functions/requests/transition-request.ts), so a delivery never lists a request that
 * is not coming. The delivery keeps its other requests still scheduled, in their order, and its
 * lines are recomputed from them as the planner computed them (plannedLines); with none left it is
 * cancelled and its home taken off the day's booking, freeing the slot for another home.
 *
 * The delivery is written conditioned on being planned at the version read. Whatever got there
 * first — a dispatch, a planner growing it, the cancel of another of its requests — fails the
 * transaction and the cancel re-reads: after a dispatch the request is dispatched too, and cancel
 * answers 409, as the request's own state machine says (never cancelled once the van has left).
 */
import { randomUUID } from 'node:crypto';
import { dayRelease, deliveryPut, getDelivery, type DeliveryRecord } from '../data/delivery-repository.ts';
import { getRequests, type RequestRecord } from '../data/request-repository.ts';
import type { TransactItem } from '../data/stock-repository.ts';
import { deliveryLines } from '../domain/delivery-stock.ts';
import { WriteConflictError } from '../domain/failures.ts';

/** Reads: the delivery, then its other requests (strongly consistent). No writes of its own. */
export async function withdrawFromDelivery(request: RequestRecord, at: string): Promise<TransactItem[]> {
  // Only a scheduled request is on a delivery that can still lose it.
  if (request.status !== 'scheduled' || request.deliveryId === null) return [];
  const delivery = await getDelivery(request.deliveryId);
  if (!delivery?.requestIds.includes(request.requestId)) return [];
  // The request was read scheduled, the delivery after it moved on: a dispatch landed in between.
  if (delivery.status !== 'planned') throw new WriteConflictError(`delivery ${delivery.deliveryId} is ${delivery.status}`);

  const others = delivery.requestIds.filter((id) => id !== request.requestId);
  const byId = new Map((await getRequests(others)).map((r) => [r.requestId, r]));
  const remaining = others.map((id) => byId.get(id)).filter((r): r is RequestRecord => r?.status === 'scheduled');
  const after: DeliveryRecord = {
    ...delivery,
    status: remaining.length > 0 ? 'planned' : 'cancelled',
    requestIds: remaining.map((r) => r.requestId),
    lines: deliveryLines(remaining),
    updatedAt: at,
    version: delivery.version + 1,
    writeId: randomUUID(),
  };
  const put = deliveryPut(after, { version: delivery.version, status: 'planned' });
  return remaining.length > 0 ? [put] : [put, dayRelease(delivery.storeId, delivery.date, delivery.homeId)];
}
