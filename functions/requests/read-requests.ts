/**
 * Reading requests (the handlers authorise first): a home's (newest first), and a store's queue of
 * one status — oldest first (one Query a page), or by urgency: the whole queue (one Query, every
 * page) and the homes' positions for the requested SKUs (one BatchGet per 100), fewest days of
 * supply now first; that order is paged by position in it. A store's queue lists only the homes it
 * serves now (one more Query, in parallel): a moved home's closed requests stay in the old store's
 * queues of closed statuses, but are no longer its to read; a page may then hold fewer than `limit`.
 */
import { storeHomeIds, type HomeRecord } from '../data/registry-repository.ts';
import { allInStoreQueue, listHomeRequests, listStoreQueue, queuePartition, toRequestView, type RequestRecord } from '../data/request-repository.ts';
import { getPositionsBatch } from '../data/stock-repository.ts';
import { decodeCursor, encodeCursor, DEFAULT_PAGE_SIZE, type Page } from '../data/pagination.ts';
import type { RequestStatus } from '../domain/request-lifecycle.ts';
import { daysOfSupply } from '../domain/stock-position.ts';
import { badRequest } from '../http/problem.ts';
import { readHomeList } from '../registry/homes.ts';
import type { QueuedRequestView, RequestView } from '../schemas/requests.ts';
import { t } from '../i18n/messages.ts';

export interface PageInput {
  limit?: number | undefined;
  cursor?: string | undefined;
}

/** `home`: the home's profile when tenancy already read it; otherwise read here, beside the list. */
export const readHomeRequests = (homeId: string, page: PageInput, home?: HomeRecord): Promise<Page<RequestView>> =>
  readHomeList(homeId, page, home, listHomeRequests, toRequestView);

export interface QueueInput extends PageInput {
  storeId: string;
  status: RequestStatus;
  sort: 'oldest' | 'urgency';
  now: Date;
}

export async function readStoreQueue(input: QueueInput): Promise<Page<QueuedRequestView>> {
  if (input.sort === 'oldest') {
    const partition = queuePartition(input.storeId, input.status);
    if (input.cursor !== undefined && decodeCursor(input.cursor, { attribute: 'GSI3PK', value: partition })?.offset !== undefined) {
      throw invalidCursor();
    }
    const [page, served] = await Promise.all([listStoreQueue(input.storeId, input.status, input), storeHomeIds(input.storeId)]);
    return { items: page.items.filter((r) => served.has(r.homeId)).map(toRequestView), nextCursor: page.nextCursor };
  }
  return urgencyPage(input);
}

async function urgencyPage(input: QueueInput): Promise<Page<QueuedRequestView>> {
  const partition = queuePartition(input.storeId, input.status);
  const offset = urgencyOffset(input.cursor, partition);
  const [all, served] = await Promise.all([allInStoreQueue(input.storeId, input.status), storeHomeIds(input.storeId)]);
  const queue = all.filter((r) => served.has(r.homeId));
  const refs = queue.flatMap((r) => r.lines.map((l) => ({ location: { kind: 'home' as const, id: r.homeId }, sku: l.sku })));
  const positions = await getPositionsBatch(dedupe(refs));
  const days = new Map(positions.map((p) => [`${p.location.id}\n${p.state.sku}`, daysOfSupply(p.state, input.now)]));
  const ranked = queue
    .map((request) => ({ request, fewest: fewestDays(request, days) }))
    .sort((a, b) => (a.fewest ?? Infinity) - (b.fewest ?? Infinity) || compareAge(a.request, b.request));
  const limit = input.limit ?? DEFAULT_PAGE_SIZE;
  const slice = ranked.slice(offset, offset + limit);
  const next = offset + limit < ranked.length ? encodeCursor({ GSI3PK: partition, offset: String(offset + limit) }) : null;
  return {
    items: slice.map(({ request, fewest }) => ({ ...toRequestView(request), fewestDaysOfSupply: fewest === null ? null : Math.round(fewest * 100) / 100 })),
    nextCursor: next,
  };
}

function fewestDays(request: RequestRecord, days: ReadonlyMap<string, number | null>): number | null {
  let fewest: number | null = null;
  for (const line of request.lines) {
    const d = days.get(`${request.homeId}\n${line.sku}`) ?? null;
    if (d !== null && (fewest === null || d < fewest)) fewest = d;
  }
  return fewest;
}

function urgencyOffset(cursor: string | undefined, partition: string): number {
  if (cursor === undefined) return 0;
  const offset = decodeCursor(cursor, { attribute: 'GSI3PK', value: partition })?.offset;
  if (offset === undefined || !/^\d{1,5}$/.test(offset)) throw invalidCursor();
  return Number(offset);
}

const invalidCursor = () =>
  badRequest(t('failure.invalidCursor'), [
    { in: 'query', path: 'cursor', message: t('failure.invalidCursor.sorted') },
  ]);

const compareAge = (a: RequestRecord, b: RequestRecord) =>
  a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.requestId < b.requestId ? -1 : 1;

function dedupe<T extends { location: { id: string }; sku: string }>(refs: T[]): T[] {
  const seen = new Map<string, T>();
  for (const ref of refs) seen.set(`${ref.location.id}\n${ref.sku}`, ref);
  return [...seen.values()];
}
