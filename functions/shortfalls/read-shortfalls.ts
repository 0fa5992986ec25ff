/** Reading shortfall records: a date's, for one store or for every store, a page at a time. */
import type { Page } from '../data/pagination.ts';
import { storeHomeIds } from '../data/registry-repository.ts';
import { listShortfalls } from '../data/shortfall-repository.ts';
import type { ShortfallBody } from '../schemas/shortfalls.ts';
import { shortfallDate } from '../domain/assess-shortfalls.ts';

export interface ShortfallQuery {
  date?: string | undefined;
  limit?: number | undefined;
  cursor?: string | undefined;
}

/**
 * `storeId` undefined: every store's. The date defaults to today in the job's time zone. A store's
 * list keeps to the homes it serves now (one more Query, in parallel): the records of a home that
 * has moved away are no longer its to read (a page may then hold fewer than `limit`).
 */
export async function readShortfalls(storeId: string | undefined, query: ShortfallQuery, now: Date): Promise<Page<ShortfallBody>> {
  const date = query.date ?? shortfallDate(now);
  if (storeId === undefined) return listShortfalls(date, storeId, query);
  const [page, served] = await Promise.all([listShortfalls(date, storeId, query), storeHomeIds(storeId)]);
  return { items: page.items.filter((record) => served.has(record.homeId)), nextCursor: page.nextCursor };
}
