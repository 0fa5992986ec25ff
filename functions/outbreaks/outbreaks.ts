/**
 * Declaring, changing and ending a home's outbreak (the handlers authorise first). Each is one
 * transaction over the home, the outbreak record and every position of the home, re-read and
 * re-applied on a lost race (retryOnConflict): the positions' forecasts and their at-risk index
 * entries move in the same write as the declaration.
 */
import { catalogue, toOpenOutbreak, type HomeRecord, type OpenOutbreak } from '../data/registry-repository.ts';
import { readHomeList } from '../registry/homes.ts';
import { commitOutbreak, getOutbreak, listOutbreaks, MAX_OUTBREAK_POSITIONS, newOutbreakId } from '../data/outbreak-repository.ts';
import type { PageRequest, Page } from '../data/pagination.ts';
import { retryOnConflict } from '../data/retries.ts';
import { readLocationStock, type PositionRecord } from '../data/stock-repository.ts';
import { outbreakUsageFor } from '../domain/forecast.ts';
import type { PositionState } from '../domain/stock-position.ts';
import { StateConflictError } from '../domain/failures.ts';
import { notFound } from '../http/problem.ts';
import type { Outbreak, OutbreakInput } from '../schemas/outbreaks.ts';
import { homeLocation } from '../stock/locations.ts';
import { t } from '../i18n/messages.ts';

async function readHome(homeId: string) {
  const stock = await readLocationStock(homeLocation(homeId));
  if (!stock.profile) throw notFound(t('notFound.home', { homeId }));
  if (stock.positions.length > MAX_OUTBREAK_POSITIONS) {
    throw new StateConflictError(t('outbreak.tooManyPositions', { homeId, count: stock.positions.length, max: MAX_OUTBREAK_POSITIONS }), 'too-many-positions');
  }
  return { positions: stock.positions, open: toOpenOutbreak(stock.profile.outbreak) };
}

const exhausted = (homeId: string) => t('exhausted.outbreak', { homeId });

/** Declares an outbreak, or changes the open one (its usage before the outbreak is kept). */
export async function declareOutbreak(homeId: string, input: OutbreakInput, by: string, now: Date): Promise<Outbreak> {
  const at = now.toISOString();
  return retryOnConflict(
    async () => {
      const [{ positions, open }, items] = await Promise.all([readHome(homeId), catalogue()]);
      const previous = open ? await getOutbreak(homeId, open.declaredAt, open.outbreakId) : undefined;
      const outbreakId = open?.outbreakId ?? newOutbreakId();
      const declaredAt = open?.declaredAt ?? at;
      const updated = positions.map(({ state, ...rest }) => {
        // Usage before the outbreak: frozen at its declaration, so counts showing the surge are not counted twice.
        const baseline = state.outbreak?.outbreakId === outbreakId ? state.outbreak.baselineUsage : state.dailyUsage;
        const outbreak = outbreakUsageFor(outbreakId, baseline, input.isolatingResidents, items.get(state.sku)?.perCaseDailyUsage);
        return { record: { state, ...rest }, state: { ...state, outbreak } };
      });
      const summary: OpenOutbreak = { outbreakId, declaredAt, isolatingResidents: input.isolatingResidents, startedOn: input.startedOn, expectedEndOn: input.expectedEndOn ?? null };
      const record: Outbreak = {
        outbreakId,
        homeId,
        status: 'open',
        isolatingResidents: input.isolatingResidents,
        startedOn: input.startedOn,
        expectedEndOn: input.expectedEndOn ?? null,
        note: input.note ?? null,
        declaredAt,
        declaredBy: previous?.declaredBy ?? by,
        updatedAt: at,
        endedAt: null,
        endedBy: null,
        items: updated.map(({ state }) => ({ sku: state.sku, baselineUsage: state.outbreak.baselineUsage, surgeUsage: state.outbreak.surgeUsage })),
      };
      await commitOutbreak({ homeId, expectedOpenId: open?.outbreakId ?? null, open: summary, record, positions: updated });
      return record;
    },
    { exhausted: exhausted(homeId) },
  );
}

/** Ends the open outbreak: the positions return to their estimate; the record stays, ended. */
export async function endOutbreak(homeId: string, by: string, now: Date): Promise<Outbreak> {
  const at = now.toISOString();
  return retryOnConflict(
    async () => {
      const { positions, open } = await readHome(homeId);
      const current = open ? await getOutbreak(homeId, open.declaredAt, open.outbreakId) : undefined;
      if (!open || !current) throw notFound(t('notFound.openOutbreak', { homeId }));
      const updated = positions
        .filter((p) => p.state.outbreak)
        .map((record: PositionRecord) => {
          const { outbreak: _ended, ...state } = record.state;
          return { record, state: state as PositionState };
        });
      const record: Outbreak = { ...current, status: 'ended', updatedAt: at, endedAt: at, endedBy: by };
      await commitOutbreak({ homeId, expectedOpenId: open.outbreakId, open: null, record, positions: updated });
      return record;
    },
    { exhausted: exhausted(homeId) },
  );
}

/** `home`: the profile when tenancy already read it (an unknown home is 404, not an empty list). */
export const readOutbreaks = (homeId: string, page: PageRequest, home: HomeRecord | undefined): Promise<Page<Outbreak>> =>
  readHomeList(homeId, page, home, listOutbreaks, (o) => o);
