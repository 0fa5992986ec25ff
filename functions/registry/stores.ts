/** The stores' use cases: create or replace a store and its delivery settings, read one, list them. */
import { getStore, listStores, putStore, UnknownRegionError, type PageRequest } from '../data/registry-repository.ts';
import type { Page } from '../data/pagination.ts';
import { badRequest, notFound } from '../http/problem.ts';
import type { Store, StoreInput } from '../schemas/registry.ts';
import { t } from '../i18n/messages.ts';

export async function saveStore(storeId: string, input: StoreInput, now: Date): Promise<Store> {
  try {
    return await putStore(storeId, input, now.toISOString());
  } catch (error) {
    if (!(error instanceof UnknownRegionError)) throw error;
    throw badRequest(t('registry.regionMissing', { regionId: error.regionId }), [
      { in: 'body', path: '/regionId', message: t('registry.regionMissing.field', { regionId: error.regionId }) },
    ]);
  }
}

export async function readStore(storeId: string): Promise<Store> {
  const store = await getStore(storeId);
  if (!store) throw notFound(t('notFound.store', { storeId }));
  return store;
}

export const readStores = (page: PageRequest): Promise<Page<Store>> => listStores(page);
