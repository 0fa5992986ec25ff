/**
 * Reading deliveries (the handlers authorise first): a store's manifest for a date (one Query on the store's by-date
 * index, in homeId order, with totals per SKU; cancelled deliveries left off: the van does not go
 * there; so are the deliveries of homes it no longer serves, one Query of its homes beside the store:
 * a moved home's deliveries, even one its van still carries, went with the home); a home's deliveries, latest date first (one Query a page), cancelled ones included.
 */
import { listHomeDeliveries, storeDeliveriesOn, toDeliveryView, type DeliveryView } from '../data/delivery-repository.ts';
import type { Page, PageRequest } from '../data/pagination.ts';
import { getStore, storeHomeIds, type HomeRecord } from '../data/registry-repository.ts';
import { mergeLines } from '../domain/delivery-stock.ts';
import { dateInZone } from '../domain/zoned-dates.ts';
import { notFound } from '../http/problem.ts';
import { readHomeList } from '../registry/homes.ts';
import type { DeliveryManifest } from '../schemas/deliveries.ts';
import { t } from '../i18n/messages.ts';

/** `date` defaults to today in the store's time zone. */
export async function readManifest(storeId: string, date: string | undefined, now: Date): Promise<DeliveryManifest> {
  const [store, served] = await Promise.all([getStore(storeId), storeHomeIds(storeId)]);
  if (!store) throw notFound(t('notFound.store', { storeId }));
  const day = date ?? dateInZone(now, store.timeZone);
  const items = (await storeDeliveriesOn(storeId, day)).filter((d) => d.status !== 'cancelled' && served.has(d.homeId)).map(toDeliveryView);
  return { storeId, date: day, items, totals: mergeLines(items.flatMap((d) => d.lines)), nextCursor: null };
}

/** `home`: the home's profile when tenancy already read it; otherwise read here, beside the list. */
export const readHomeDeliveries = (homeId: string, page: PageRequest, home?: HomeRecord): Promise<Page<DeliveryView>> =>
  readHomeList(homeId, page, home, listHomeDeliveries, toDeliveryView);
