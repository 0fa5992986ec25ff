/** The homes' use cases: create or replace a home (its store must exist), moving it with its open work; a page of one of a home's lists. */
import type { Actor } from '../access/principal.ts';
import type { Page, PageRequest } from '../data/pagination.ts';
import { getHomeRecord, homeProfileUpdate, transactWithStoreOnce, UnknownStoreError, type HomeRecord } from '../data/registry-repository.ts';
import { retryOnConflict } from '../data/retries.ts';
import { badRequest, notFound } from '../http/problem.ts';
import type { Home, HomeInput } from '../schemas/registry.ts';
import { moveHome } from './move-home.ts';
import { t } from '../i18n/messages.ts';

/**
 * Creates or replaces a home. Read first (strongly consistent), then written conditioned on the
 * store it was read with (or on not existing): a store change is a move (move-home.ts), and an
 * edit racing a move re-reads rather than undoing it.
 */
export async function saveHome(homeId: string, input: HomeInput, actor: Actor, now: Date): Promise<Home> {
  try {
    return await retryOnConflict(
      async () => {
        const current = await getHomeRecord(homeId, { consistent: true });
        if (current && current.storeId !== input.storeId) return await moveHome(current, input, actor, now);
        const { home, update } = homeProfileUpdate(homeId, input, now.toISOString(), current?.storeId ?? null);
        await transactWithStoreOnce(input.storeId, [update]);
        return home;
      },
      { exhausted: t('exhausted.home', { homeId }) },
    );
  } catch (error) {
    if (!(error instanceof UnknownStoreError)) throw error;
    throw badRequest(t('registry.storeMissing', { storeId: input.storeId }), [
      { in: 'body', path: '/storeId', message: t('registry.storeMissing.field', { storeId: input.storeId }) },
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
  if (!found) throw notFound(t('notFound.home', { homeId }));
  return { items: records.items.map(view), nextCursor: records.nextCursor };
}
