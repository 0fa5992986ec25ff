/**
 * Reading deliveries: one by id; a store's manifest for a date (one Query on the store's by-date
 * index, in homeId order, with totals per SKU; cancelled deliveries left off: the van does not go
 * there); a home's deliveries, latest date first (one Query a page), cancelled ones included.
 */
import { listHomeDeliveries, storeDeliveriesOn, toDeliveryView, type DeliveryView } from '../data/delivery-repository.ts';
import type { Page } from '../data/pagination.ts';
import { getHomeRecord, getStore } from '../data/registry-repository.ts';
import { mergeLines } from '../domain/delivery-stock.ts';
import { dateInZone } from '../domain/zoned-dates.ts';
import type { Principal } from '../http/principal.ts';
import { notFound } from '../http/problem.ts';
import { precheckHomeAccess, requireHomeAccess, requireStoreAccess } from '../http/tenancy.ts';
import type { DeliveryManifest } from '../schemas/deliveries.ts';
import { deliveryFor } from './delivery-access.ts';

export async function readDelivery(principal: Principal, deliveryId: string): Promise<DeliveryView> {
  return toDeliveryView(await deliveryFor(principal, deliveryId, 'read'));
}

/** `date` defaults to today in the store's time zone. */
export async function readManifest(principal: Principal, storeId: string, date: string | undefined, now: Date): Promise<DeliveryManifest> {
  requireStoreAccess(principal, storeId);
  const store = await getStore(storeId);
  if (!store) throw notFound(`No store "${storeId}".`);
  const day = date ?? dateInZone(now, store.timeZone);
  const items = (await storeDeliveriesOn(storeId, day)).filter((d) => d.status !== 'cancelled').map(toDeliveryView);
  return { storeId, date: day, items, totals: mergeLines(items.flatMap((d) => d.lines)), nextCursor: null };
}

export async function readHomeDeliveries(
  principal: Principal,
  homeId: string,
  page: { limit?: number | undefined; cursor?: string | undefined },
): Promise<Page<DeliveryView>> {
  const needsStore = precheckHomeAccess(principal, homeId) === 'needs-store';
  const [home, list] = await Promise.all([getHomeRecord(homeId), needsStore ? undefined : listHomeDeliveries(homeId, page)]);
  // Tenancy first where it depends on the read: a store learns nothing of a home it does not serve.
  requireHomeAccess(principal, homeId, home?.storeId);
  if (!home) throw notFound(`No home "${homeId}".`);
  const found = list ?? (await listHomeDeliveries(homeId, page));
  return { items: found.items.map(toDeliveryView), nextCursor: found.nextCursor };
}
