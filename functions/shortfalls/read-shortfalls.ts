/** Reading shortfall records: a date's, for one store or for every store, a page at a time. */
import type { Page } from '../data/pagination.ts';
import { listShortfalls } from '../data/shortfall-repository.ts';
import type { ShortfallBody } from '../schemas/shortfalls.ts';
import { shortfallDate } from '../domain/assess-shortfalls.ts';

export interface ShortfallQuery {
  date?: string | undefined;
  limit?: number | undefined;
  cursor?: string | undefined;
}

/** `storeId` undefined: every store's. The date defaults to today in the job's time zone. */
export function readShortfalls(storeId: string | undefined, query: ShortfallQuery, now: Date): Promise<Page<ShortfallBody>> {
  return listShortfalls(query.date ?? shortfallDate(now), storeId, query);
}
