/**
 * Receipt: the home (or its store for it) confirms what arrived. Every SKU the delivery carried must
 * be listed (0 when none arrived); per SKU the home's position gains what arrived — a receipt, so the
 * next usage estimate and the run-out date account for it — and loses from `inbound` what was
 * dispatched. Differences are recorded on the delivery as discrepancies. A second receipt finds the
 * delivery delivered: 409, nothing added twice.
 */
import { getPositionsBatch, positionPut, type TransactItem } from '../data/stock-repository.ts';
import type { DeliveryRecord, DeliveryView } from '../data/delivery-repository.ts';
import { checkReceipt } from '../domain/delivery-stock.ts';
import type { GuardedRecord } from '../access/resources.ts';
import { HttpProblem } from '../http/problem.ts';
import type { DeliveryReceipt } from '../schemas/deliveries.ts';
import { receiptTransactItems } from '../stock/receipts.ts';
import { moveDelivery, type MoveContext, type MovePlan } from './move-delivery.ts';
import { t } from '../i18n/messages.ts';

export function receiveDelivery(target: GuardedRecord<DeliveryRecord>, receipt: DeliveryReceipt, now: Date): Promise<DeliveryView> {
  return moveDelivery(target, now, {
    action: 'deliver',
    from: 'dispatched',
    to: 'delivered',
    plan: (context) => planReceipt(context, receipt),
  });
}

async function planReceipt({ delivery, requests, actor, at }: MoveContext, receipt: DeliveryReceipt): Promise<MovePlan> {
  const check = checkReceipt(delivery.lines, receipt.lines);
  if (!check.ok) {
    const parts = [
      check.missing.length > 0 ? t('delivery.receiptMissing', { skus: check.missing.join(', ') }) : '',
      check.unexpected.length > 0 ? t('delivery.receiptUnexpected', { skus: check.unexpected.join(', ') }) : '',
    ].filter(Boolean);
    throw new HttpProblem('receipt-mismatch', t('delivery.receiptMismatch', { parts: parts.join('; ') }), {
      extensions: { missing: check.missing, unexpected: check.unexpected },
    });
  }
  const home = { kind: 'home' as const, id: delivery.homeId };
  const positions = new Map((await getPositionsBatch(delivery.lines.map((l) => ({ location: home, sku: l.sku })))).map((p) => [p.state.sku, p]));
  const received = new Map(receipt.lines.map((l) => [l.sku, l.quantity]));
  const items: TransactItem[] = [];
  for (const { sku, quantity: dispatched } of delivery.lines) {
    const current = positions.get(sku);
    const quantity = received.get(sku)!;
    if (quantity > 0) {
      const reference = delivery.deliveryId;
      items.push(...receiptTransactItems({ location: home, current, sku, quantity, receivedAt: at, reference, recordedBy: actor.org, recordedAt: at, inboundCleared: dispatched }).items);
    } else if (current && current.state.inbound > 0) {
      // Nothing arrived: the units are no longer on their way (the discrepancy records them).
      items.push(positionPut(home, { ...current.state, inbound: Math.max(0, current.state.inbound - dispatched) }, current.version, current.attribution));
    }
  }
  return {
    changes: { receivedAt: at, receivedBy: receipt.receivedBy, confirmedBy: actor, receivedLines: [...receipt.lines].sort((a, b) => (a.sku < b.sku ? -1 : 1)), discrepancies: check.discrepancies },
    moving: requests.filter((r) => r.status === 'dispatched'),
    items,
  };
}
