/**
 * Allocates a store's stock to its approved-but-unscheduled requests (functions/domain/allocation.ts:
 * fewest days of supply first) and records the outcome on each request (`allocatedLines`), which
 * delivery planning then uses.
 *
 * Reads, in parallel: the store's positions (one Query) and its approved, partially-approved and
 * scheduled queues (GSI3); then the homes' positions for the requested SKUs (BatchGet). Available
 * stock per SKU = the store's projected on hand − what scheduled requests already hold.
 *
 * Writes, per home (homes in parallel): the requests whose allocation changed, and the home's
 * positions whose inbound changes with them (an allocation below the approval promises fewer
 * units), in one transaction; each request conditioned on its status and version. Each run
 * recomputes from the current state, so a run that lost a race simply runs again (bounded), and
 * running it twice changes nothing the second time.
 */
import { readLocationStock, getPositionsBatch, MAX_TRANSACT_ITEMS, type PositionRecord } from '../data/stock-repository.ts';
import { allInStoreQueue, commitRequestChanges, type RequestChange, type RequestRecord } from '../data/request-repository.ts';
import { retryOnConflict } from '../data/retries.ts';
import { allocate, type Allocation } from '../domain/allocation.ts';
import { inboundDelta, inboundUnits, sumDeltas } from '../domain/request-inbound.ts';
import { allowedFrom } from '../domain/request-lifecycle.ts';
import { forecastUsage, projectedOnHand } from '../domain/stock-position.ts';
import { notFound } from '../http/problem.ts';
import type { AllocationResult } from '../schemas/requests.ts';
import { homePositionRefs, inboundPositionPuts } from './inbound-positions.ts';
import type { Actor } from '../access/principal.ts';
import { t } from '../i18n/messages.ts';

/** Approved but not yet scheduled: the states a request can be scheduled from are the ones allocation works on. */
const UNSCHEDULED = allowedFrom('schedule');

/** A request that moved on meanwhile (a RequestStateConflict, too) is a race: the run recomputes from the new state. */
export async function allocateStoreStock({ storeId, actor, now }: { storeId: string; actor: Actor; now: Date }): Promise<AllocationResult> {
  return retryOnConflict(
    async () => {
      const [store, approved, partial, scheduled] = await Promise.all([
        readLocationStock({ kind: 'store', id: storeId }),
        allInStoreQueue(storeId, 'approved'),
        allInStoreQueue(storeId, 'partially-approved'),
        allInStoreQueue(storeId, 'scheduled'),
      ]);
      if (!store.profile) throw notFound(t('notFound.store', { storeId }));
      const requests = [...approved, ...partial].sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0));

      const held = sumDeltas(scheduled.map((r) => inboundUnits(r)));
      const stock: Record<string, number> = {};
      for (const p of store.positions) stock[p.state.sku] = Math.max(0, projectedOnHand(p.state, now) - (held.get(p.state.sku) ?? 0));

      const positions = await getPositionsBatch(requests.flatMap((r) => homePositionRefs(r.homeId, (r.approvedLines ?? []).map((l) => l.sku))));
      const allocations = allocate({
        stock,
        requests: requests.map((r) => ({
          requestId: r.requestId,
          homeId: r.homeId,
          createdAt: r.createdAt,
          lines: (r.approvedLines ?? []).filter((l) => l.quantity > 0).map((l) => ({ sku: l.sku, approved: l.quantity })),
        })),
        supply: positions.map((p) => ({ homeId: p.location.id, sku: p.state.sku, projectedOnHand: projectedOnHand(p.state, now), dailyUsage: forecastUsage(p.state) })),
      });
      await record(requests, allocations, positions, actor, now);
      return { asOf: now.toISOString(), allocations };
    },
    { exhausted: t('exhausted.allocation') },
  );
}

async function record(requests: RequestRecord[], allocations: Allocation[], positions: PositionRecord[], actor: Actor, now: Date): Promise<void> {
  const at = now.toISOString();
  const byId = new Map(requests.map((r) => [r.requestId, r]));
  const changesByHome = new Map<string, RequestChange[]>();
  for (const allocation of allocations) {
    const before = byId.get(allocation.requestId)!;
    // Quantities decide whether it changed: a reason's "n days after allocation" moves with the clock alone.
    if (sameQuantities(before.allocatedLines, allocation.lines)) continue;
    const after: RequestRecord = {
      ...before,
      allocatedLines: allocation.lines,
      allocatedAt: at,
      updatedAt: at,
      version: before.version + 1,
      history: [...before.history, { action: 'allocate', from: before.status, to: before.status, at, actor, reason: null }],
    };
    const list = changesByHome.get(before.homeId) ?? [];
    list.push({ before, after, allowedFrom: UNSCHEDULED });
    changesByHome.set(before.homeId, list);
  }
  const results = await Promise.allSettled(
    [...changesByHome].map(([homeId, changes]) => recordHome(homeId, changes, positions.filter((p) => p.location.id === homeId))),
  );
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
}

/** One transaction per home, or a few in sequence when a home has more changes than one can hold. */
async function recordHome(homeId: string, changes: RequestChange[], positions: PositionRecord[]): Promise<void> {
  let current = positions;
  for (const chunk of chunks(changes)) {
    const writes = inboundPositionPuts(homeId, sumDeltas(chunk.map((c) => inboundDelta(c.before, c.after))), current);
    await commitRequestChanges(chunk, writes.puts);
    const written = new Set(writes.after.map((p) => p.state.sku));
    current = [...current.filter((p) => !written.has(p.state.sku)), ...writes.after];
  }
}

/** Changes in groups whose request updates plus position Puts fit one transaction. */
function chunks(changes: RequestChange[]): RequestChange[][] {
  const out: RequestChange[][] = [];
  let chunk: RequestChange[] = [];
  for (const change of changes) {
    const candidate = [...chunk, change];
    const skus = new Set(candidate.flatMap((c) => [...inboundDelta(c.before, c.after).keys()]));
    if (chunk.length > 0 && candidate.length + skus.size > MAX_TRANSACT_ITEMS) {
      out.push(chunk);
      chunk = [change];
    } else chunk = candidate;
  }
  if (chunk.length > 0) out.push(chunk);
  return out;
}

const quantities = (lines: readonly { sku: string; approved: number; allocated: number }[] | null) =>
  JSON.stringify(lines?.map((l) => [l.sku, l.approved, l.allocated]) ?? null);
const sameQuantities = (a: RequestRecord['allocatedLines'], b: Allocation['lines']) => quantities(a) === quantities(b);
