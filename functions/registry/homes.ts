/** The homes' use cases: create or replace a home (its store must exist); a page of one of a home's lists. */
import type { Page, PageRequest } from '../data/pagination.ts';
import { getHomeRecord, putHome, UnknownStoreError, type HomeRecord } from '../data/registry-repository.ts';
import { badRequest, notFound } from '../http/problem.ts';
import type { Home, HomeInput } from '../schemas/registry.ts';

export async function saveHome(homeId: string, input: HomeInput, now: Date): Promise<Home> {
  try {
    return await putHome(homeId, input, now.toISOString());
  } catch (error) {
    if (!(error instanceof UnknownStoreError)) throw error;
    throw badRequest(`Store "${input.storeId}" does not exist.`, [
      { in: 'body', path: '/storeId', message: `No store "${input.storeId}"; create it first with PUT /v1/stores/${input.storeId}.` },
    ]);
  }
}

/**
 * A page of one of a home's lists (its requests, its deliveries), read beside the home itself so
 * that an unknown home is a 404, not an empty list. `home`: the profile, when the caller has read
 * it already (to authorise).
 */
export async function readHomeList<R, V>(
  homeId: string,
  page: PageRequest,
  home: HomeRecord | undefined,
  list: (homeId: string, page: PageRequest) => Promise<Page<R>>,
  view: (record: R) => V,
): Promise<Page<V>> {
  const [found, records] = await Promise.all([home ?? getHomeRecord(homeId), list(homeId, page)]);
  if (!found) throw notFound(`No home "${homeId}".`);
  return { items: records.items.map(view), nextCursor: records.nextCursor };
}
