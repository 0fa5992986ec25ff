/** The stores' use cases: create or replace a store and its delivery settings, read one, list them. */
import { getStore, listStores, putStore, type PageRequest } from '../data/registry-repository.ts';
import type { Page } from '../data/pagination.ts';
import { notFound } from '../http/problem.ts';
import type { Store, StoreInput } from '../schemas/registry.ts';

export const saveStore = (storeId: string, input: StoreInput, now: Date): Promise<Store> => putStore(storeId, input, now.toISOString());

export async function readStore(storeId: string): Promise<Store> {
  const store = await getStore(storeId);
  if (!store) throw notFound(`No store "${storeId}".`);
  return store;
}

export const readStores = (page: PageRequest): Promise<Page<Store>> => listStores(page);
