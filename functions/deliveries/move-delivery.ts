/**
 * The one way a delivery moves on (dispatch, receipt): read it (tenancy), check its status, let the
 * move compute its stock writes from what it read, then ONE transaction — the delivery (conditioned
 * on the version and status read), each of its requests (conditioned on status and version, moved
 * to the new status's queue, history appended) and the move's position Puts and history events.
 *
 * Racing moves of the same delivery: one transaction commits, the others fail their conditions,
 * re-read, find the delivery moved on and answer 409; stock moves once. A move that only lost to a
 * count on a position re-reads and tries again. Each attempt writes a fresh writeId, so a move whose
 * own successful answer was lost (an SDK retry after a timeout) recognises its write and answers 200.
 */
import { randomUUID } from 'node:crypto';
import { deliveryPut, toDeliveryView, type DeliveryRecord, type DeliveryStatus, type DeliveryView } from '../data/delivery-repository.ts';
import { commitRequestChanges, getRequests, type RequestRecord } from '../data/request-repository.ts';
import { MAX_CONFLICT_ATTEMPTS, retryOnConflict } from '../data/retries.ts';
import type { TransactItem } from '../data/stock-repository.ts';
import { WriteConflictError } from '../domain/failures.ts';
import { allowedFrom, type RequestAction, type RequestStatus } from '../domain/request-lifecycle.ts';
import type { Actor } from '../access/principal.ts';
import type { GuardedRecord } from '../access/resources.ts';
import { invalidTransition, notFound } from '../http/problem.ts';
import { deliveryEventData, eventWrite } from '../webhooks/events.ts';
import { t } from '../i18n/messages.ts';

export interface MoveContext {
  delivery: DeliveryRecord;
  requests: RequestRecord[];
  actor: Actor;
  /** The move's instant, canonical UTC. */
  at: string;
}

export interface MovePlan {
  /** The delivery's new fields (status, version and writeId are set here). */
  changes: Partial<DeliveryRecord>;
  /** The requests that move with it. */
  moving: RequestRecord[];
  items: TransactItem[];
}

export interface Move {
  action: Extract<RequestAction, 'dispatch' | 'deliver'>;
  from: DeliveryStatus;
  to: DeliveryStatus;
  plan(context: MoveContext): Promise<MovePlan>;
}

/** `target` is the delivery read through the access policy: every attempt re-reads, and so re-authorises. */
export async function moveDelivery(target: GuardedRecord<DeliveryRecord>, now: Date, move: Move): Promise<DeliveryView> {
  const { actor, id: deliveryId } = target;
  const read = async () => {
    const delivery = await target.read();
    if (!delivery) throw notFound(t('notFound.delivery', { deliveryId }));
    return delivery;
  };
  const at = now.toISOString();
  const writeIds = new Set<string>();
  // A request or position that moved on meanwhile (a RequestStateConflict, too) is a race: re-read.
  return retryOnConflict(
    async (attempt) => {
      const delivery = await read();
      if (writeIds.has(delivery.writeId)) return toDeliveryView(delivery);
      if (delivery.status !== move.from) throw statusConflict(delivery.status, move);
      const requests = await getRequests(delivery.requestIds);
      let plan: MovePlan;
      try {
        plan = await move.plan({ delivery, requests, actor, at });
      } catch (error) {
        // A refusal (nothing left to dispatch, the store short) computed from reads that a racing move
        // has overtaken is not the answer: the requests or the stock may already show that move. If
        // the delivery changed meanwhile, read it again and answer from its new state.
        const again = await read();
        if (again.version !== delivery.version && attempt < MAX_CONFLICT_ATTEMPTS) throw new WriteConflictError(`delivery ${deliveryId} moved on`);
        throw error;
      }
      const { changes, moving, items } = plan;
      const writeId = randomUUID();
      writeIds.add(writeId);
      const after: DeliveryRecord = { ...delivery, ...changes, status: move.to, updatedAt: at, version: delivery.version + 1, writeId };
      const to: RequestStatus = move.action === 'dispatch' ? 'dispatched' : 'delivered';
      const requestChanges = moving.map((before) => ({
        before,
        after: {
          ...before,
          status: to,
          updatedAt: at,
          version: before.version + 1,
          history: [...before.history, { action: move.action, from: before.status, to, at, actor, reason: `Delivery ${deliveryId}.` }],
        },
        allowedFrom: allowedFrom(move.action),
      }));
      // The webhook event (outbox) in the move's own transaction: no event without the move, nor the move without it.
      const event = eventWrite(move.action === 'dispatch' ? 'delivery.dispatched' : 'delivery.received', after.homeId, at, deliveryEventData(after));
      await commitRequestChanges(requestChanges, [deliveryPut(after, { version: delivery.version, status: move.from }), ...items, event]);
      return toDeliveryView(after);
    },
    { exhausted: t('exhausted.delivery') },
  );
}

function statusConflict(current: DeliveryStatus, move: Move) {
  const done = t(move.action === 'dispatch' ? 'delivery.done.dispatch' : 'delivery.done.receive');
  const detail = current === move.to ? t('delivery.already', { current }) : t('delivery.onlyWhen', { current, done, from: move.from });
  return invalidTransition(detail, current);
}
