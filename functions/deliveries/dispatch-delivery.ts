/**
 * Dispatch: the serving store sends a planned delivery. What goes on the van is recomputed from the
 * requests still scheduled (a request cancelled since planning is left off, and its units stay in
 * the store). The store must hold every unit, projected to now; otherwise 409 with the shortfall
 * per SKU and nothing moves. The home's `inbound` does not change: the units are still on their way.
 */
import { getPositionsBatch } from '../data/stock-repository.ts';
import { deliveryLines, dispatchShortfall } from '../domain/delivery-stock.ts';
import type { GuardedRecord } from '../access/resources.ts';
import { HttpProblem, invalidTransition } from '../http/problem.ts';
import { dispatchTransactItems } from '../stock/dispatches.ts';
import type { DeliveryRecord, DeliveryView } from '../data/delivery-repository.ts';
import { moveDelivery, type MoveContext, type MovePlan } from './move-delivery.ts';
import { t } from '../i18n/messages.ts';

export function dispatchDelivery(target: GuardedRecord<DeliveryRecord>, now: Date): Promise<DeliveryView> {
  return moveDelivery(target, now, { action: 'dispatch', from: 'planned', to: 'dispatched', plan: planDispatch });
}

async function planDispatch({ delivery, requests, actor, at }: MoveContext): Promise<MovePlan> {
  const moving = requests.filter((r) => r.status === 'scheduled').sort((a, b) => delivery.requestIds.indexOf(a.requestId) - delivery.requestIds.indexOf(b.requestId));
  if (moving.length === 0) {
    throw invalidTransition(t('delivery.allCancelled'), delivery.status);
  }
  const lines = deliveryLines(moving);
  const store = { kind: 'store' as const, id: delivery.storeId };
  const positions = await getPositionsBatch(lines.map((l) => ({ location: store, sku: l.sku })));
  const bySku = new Map(positions.map((p) => [p.state.sku, p]));
  const shortfall = dispatchShortfall(lines, new Map(positions.map((p) => [p.state.sku, p.state])), new Date(at));
  if (shortfall.length > 0) {
    const list = shortfall.map((s) => t('delivery.insufficientStock.line', { sku: s.sku, required: s.required, available: s.available })).join('; ');
    throw new HttpProblem('insufficient-stock', t('delivery.insufficientStock', { list }), {
      extensions: { currentStatus: delivery.status, shortfall },
    });
  }
  const items = lines.flatMap((line) =>
    dispatchTransactItems({
      location: store,
      current: bySku.get(line.sku)!,
      quantity: line.quantity,
      dispatchedAt: at,
      reference: delivery.deliveryId,
      recordedBy: actor.org,
      recordedAt: at,
    }),
  );
  return {
    changes: { requestIds: moving.map((r) => r.requestId), lines, dispatchedAt: at, dispatchedBy: actor },
    moving,
    items,
  };
}
