/** The catalogue's use cases: create or replace an item, read one, list them. */
import { getItem, listItems, putItem, setPerCaseDailyUsage, type PageRequest } from '../data/registry-repository.ts';
import type { Page } from '../data/pagination.ts';
import { notFound } from '../http/problem.ts';
import type { Item, ItemInput } from '../schemas/registry.ts';
import { t } from '../i18n/messages.ts';

export const saveItem = (sku: string, input: ItemInput, now: Date): Promise<Item> => putItem(sku, input, now.toISOString());

export async function readItem(sku: string): Promise<Item> {
  const item = await getItem(sku);
  if (!item) throw notFound(t('notFound.item', { sku }));
  return item;
}

export const readCatalogue = (page: PageRequest): Promise<Page<Item>> => listItems(page);

/** Sets or clears an item's per-case rate; an unknown SKU is 404 and nothing is written (a conditional update). */
export async function savePerCaseUsage(sku: string, perCaseDailyUsage: number | null, now: Date): Promise<Item> {
  const item = await setPerCaseDailyUsage(sku, perCaseDailyUsage, now.toISOString());
  if (!item) throw notFound(t('notFound.item', { sku }));
  return item;
}
