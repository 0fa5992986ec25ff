/**
 * Tenancy for a delivery named by its id: an administrator may do anything; the serving store
 * (the delivery's storeId) may read, dispatch and confirm receipt; the receiving home may read and
 * confirm receipt, never dispatch. Outside that a caller gets 403 whether or not the delivery
 * exists (only an administrator learns an id is unknown: 404), so ids cannot be probed.
 */
import { getDelivery, type DeliveryRecord } from '../data/delivery-repository.ts';
import type { Principal } from '../http/principal.ts';
import { forbidden, notFound } from '../http/problem.ts';

export type DeliveryIntent = 'read' | 'dispatch' | 'receive';

export async function deliveryFor(principal: Principal, deliveryId: string, intent: DeliveryIntent): Promise<DeliveryRecord> {
  const delivery = await getDelivery(deliveryId);
  const { org } = principal;
  if (org.kind === 'admin') {
    if (!delivery) throw notFound(`No delivery "${deliveryId}".`);
    return delivery;
  }
  const allowed =
    delivery !== undefined &&
    ((org.kind === 'store' && org.id === delivery.storeId) || (org.kind === 'home' && org.id === delivery.homeId && intent !== 'dispatch'));
  if (!allowed) {
    throw forbidden(
      intent === 'dispatch' && org.kind === 'home'
        ? 'A home may not dispatch deliveries; its store does.'
        : `Your organisation may not access delivery "${deliveryId}".`,
    );
  }
  return delivery;
}
