/**
 * A stock count post: validate against the catalogue and the clock, apply each line to its position
 * (usage, adjustments, late counts: functions/domain/usage-estimate.ts), write, answer the positions.
 *
 * Write strategy (a 100-line post is 8 DynamoDB requests in 4 sequential steps, whatever its size;
 * 9 when a store posts for a home, whose profile is read first for tenancy):
 * 1. read: the catalogue (one Query of its index, tens of items, whatever the post names) ∥ the
 *    location's profile and every position (one Query);
 * 2. commit: every position the post changes in ONE TransactWriteItems (≤ 100 Puts), each Put
 *    conditioned on the version read and, at a home, stamped with the home's store and name from
 *    the profile just read (the shortfall job's attribution: a home moved to another store is
 *    re-attributed by its next count). All positions change or none; a concurrent writer makes the
 *    transaction fail, and the post is re-read and re-applied (bounded), then refused with 409;
 * 3. history: the count events (and adjustments) as idempotent Puts keyed by a deterministic event
 *    id, 25 per BatchWriteItem, in parallel ∥ the home's last-count index, moved forward only.
 *
 * Why not one transaction for everything: 100 positions + 100 events + the home exceed the 100
 * actions of TransactWriteItems, and splitting into chunks would make the positions — the state
 * that matters — non-atomic across chunks. History and the last-count index are derived from the
 * committed outcome and are idempotent, so they follow the commit: a crash between the steps leaves
 * them one post behind; the client, which got no 200, retries, and the retry rewrites the same keys.
 * Transactional writes also cost twice the capacity of plain writes: only positions pay it.
 */
import { catalogue, toOpenOutbreak } from '../data/registry-repository.ts';
import { outbreakUsageFor } from '../domain/forecast.ts';
import { stateBeforeCount, type CorrectionRefusal } from '../domain/recount.ts';
import {
  advanceLastCount,
  commitPositions,
  deterministicEventId,
  listStockHistory,
  putStockEvents,
  readLocationStock,
  readPositions,
  type PositionRecord,
  type StockEvent,
} from '../data/stock-repository.ts';
import type { LocationRef } from '../data/keys.ts';
import { retryOnConflict } from '../data/retries.ts';
import { canonicalInstant, instantMs } from '../domain/instants.ts';
import { viewPosition, type PositionState } from '../domain/stock-position.ts';
import { isInFuture } from '../domain/stock-rules.ts';
import { applyCount, notAppliedReason, type CountOutcome } from '../domain/usage-estimate.ts';
import { badRequest, notFound, type FieldError } from '../http/problem.ts';
import type { CountLine, CountPost, CountsRecorded } from '../schemas/stock.ts';
import { noSuchLocation } from './locations.ts';
import { stockRules } from './stock-config.ts';
import { t } from '../i18n/messages.ts';

export interface RecordCountsInput {
  location: LocationRef;
  post: CountPost;
  /** formatOrg of the caller, for the history. */
  recordedBy: string;
  now: Date;
}

export async function recordStockCounts({ location, post, recordedBy, now }: RecordCountsInput): Promise<CountsRecorded> {
  const countedAt = canonicalInstant(instantMs(post.countedAt));
  const skus = post.lines.map((line) => line.sku);
  const [items, stock] = await Promise.all([catalogue(skus), readLocationStock(location)]);
  if (!stock.profile) throw notFound(noSuchLocation(location));
  const attribution =
    location.kind === 'home'
      ? { storeId: String(stock.profile.storeId), homeName: String(stock.profile.name), ...(typeof stock.profile.nameCy === 'string' ? { homeNameCy: stock.profile.nameCy } : {}) }
      : undefined;
  // A home in outbreak: an item it counts for the first time gets the surge too (from its usage now).
  const open = location.kind === 'home' ? toOpenOutbreak(stock.profile.outbreak) : null;
  const surge = (state: PositionState): PositionState =>
    open === null || state.outbreak
      ? state
      : { ...state, outbreak: outbreakUsageFor(open.outbreakId, state.dailyUsage, open.isolatingResidents, items.get(state.sku)?.perCaseDailyUsage) };

  const errors: FieldError[] = [];
  if (isInFuture(post.countedAt, now, stockRules)) {
    errors.push({ in: 'body', path: '/countedAt', message: t('stock.countedAtFuture', { countedAt: post.countedAt, minutes: stockRules.clockSkewMinutes }) });
  }
  post.lines.forEach((line, index) => {
    if (!items.has(line.sku)) errors.push({ in: 'body', path: `/lines/${index}/sku`, message: t('notFound.itemField', { sku: line.sku }) });
  });
  if (errors.length > 0) throw badRequest(t('stock.countFaults', { count: errors.length }), errors);

  // Recounts: the history of each corrected position, newest first (the corrected count is its latest).
  const histories = new Map(
    await Promise.all(
      post.lines.filter((line) => line.corrects !== undefined).map(async (line) => [line.sku, (await listStockHistory(location, line.sku, { limit: CORRECTION_HISTORY })).items] as const),
    ),
  );

  // Each attempt after the first re-reads the positions: another post committed meanwhile.
  const outcomes = await retryOnConflict(
    async (attempt) => {
      const positions = attempt === 1 ? stock.positions : await readPositions(location);
      const applied = applyLines(positions, post.lines, countedAt, surge, histories);
      await commitPositions(
        applied.filter((o) => o.changes).map((o) => ({ location, state: o.outcome.position, expectedVersion: o.expectedVersion, attribution })),
      );
      return applied;
    },
    { exhausted: t('exhausted.counts') },
  );

  const recordedAt = now.toISOString();
  const events = outcomes.flatMap((o) => historyEvents(o, countedAt, recordedAt, recordedBy));
  await Promise.all([
    putStockEvents(location, events),
    location.kind === 'home' ? advanceLastCount(location.id, countedAt) : undefined,
  ]);

  return {
    countedAt,
    asOf: now.toISOString(),
    positions: outcomes.map(({ line, outcome }) => viewPosition(outcome.position, now, items.get(line.sku)?.packSize ?? 1, stockRules)),
    lines: outcomes.map(({ line, outcome, current, changes }) => {
      const reason = notAppliedReason(current, outcome, changes);
      return {
        sku: line.sku,
        applied: reason === null,
        notAppliedReason: reason,
        lateReason: outcome.lateReason,
        adjustment: outcome.adjustment,
        observedUsage: outcome.observedUsage,
        countId: countEventId(line, countedAt),
      };
    }),
  };
}

/** How far back a recount looks for the count before the one it corrects (a count a day: months). */
const CORRECTION_HISTORY = 100;

const countEventId = (line: CountLine, countedAt: string) =>
  deterministicEventId('count', [line.sku, countedAt, line.onHand, line.reorderLevel, line.targetLevel, line.dailyUsage, ...(line.corrects ? [line.corrects] : [])]);

interface LineOutcome {
  line: CountLine;
  /** A recount: the count it corrects, as the history holds it. */
  corrected: StockEvent | null;
  /** The version the outcome was computed from (0: a new position). */
  expectedVersion: number;
  outcome: CountOutcome;
  /** Applied and not identical to what is stored (a re-posted count changes nothing and is not rewritten). */
  changes: boolean;
  /** The position the count was applied to (null: a new one). */
  current: PositionState | null;
}

function applyLines(
  positions: readonly PositionRecord[],
  lines: readonly CountLine[],
  countedAt: string,
  surge: (state: PositionState) => PositionState,
  histories: ReadonlyMap<string, readonly StockEvent[]>,
): LineOutcome[] {
  const bySku = new Map(positions.map((p) => [p.state.sku, p]));
  const errors: FieldError[] = [];
  const outcomes = lines.map((line, index): LineOutcome => {
    const current = bySku.get(line.sku);
    let base = current?.state ?? null;
    let corrected: StockEvent | null = null;
    if (line.corrects !== undefined) {
      const history = histories.get(line.sku) ?? [];
      const before = base ? stateBeforeCount(base, history, line.corrects) : ({ refused: 'unknown-count' } as const);
      if ('refused' in before) {
        errors.push({ in: 'body', path: `/lines/${index}/corrects`, message: correctionMessage(before.refused, line.corrects, line.sku) });
      } else {
        base = before.state;
        corrected = history.find((e) => e.eventId === line.corrects) ?? null;
      }
    }
    const counted = applyCount(
      base,
      { sku: line.sku, countedAt, onHand: line.onHand, reorderLevel: line.reorderLevel, targetLevel: line.targetLevel, dailyUsage: line.dailyUsage },
      stockRules,
    );
    // A late recount is history only, like any late count: the position stays as it is.
    const outcome = counted.late ? { ...counted, position: current?.state ?? counted.position } : { ...counted, position: surge(counted.position) };
    const changes = !outcome.late && (current === undefined || !sameState(current.state, outcome.position));
    return { line, corrected: outcome.late ? null : corrected, expectedVersion: current?.version ?? 0, outcome, changes, current: current?.state ?? null };
  });
  if (errors.length > 0) throw badRequest(t('stock.countFaults', { count: errors.length }), errors);
  return outcomes;
}

function correctionMessage(refused: CorrectionRefusal, countId: string, sku: string): string {
  return refused === 'not-latest-count'
    ? `${countId} is not the latest count of ${sku}; a recount corrects the latest count only`
    : `No applied count ${countId} of ${sku}`;
}

/** The count itself (applied or late), and the unrecorded receipt it revealed, if any. */
const sameState = (a: PositionState, b: PositionState) =>
  (Object.keys(b) as (keyof PositionState)[]).every((key) => a[key] === b[key]);

function historyEvents({ line, corrected, expectedVersion, outcome, changes }: LineOutcome, countedAt: string, recordedAt: string, recordedBy: string): StockEvent[] {
  const identity = [line.sku, countedAt, line.onHand, line.reorderLevel, line.targetLevel, line.dailyUsage, ...(line.corrects ? [line.corrects] : [])];
  const applied = !outcome.late;
  const common = {
    sku: line.sku,
    at: countedAt,
    dailyUsage: outcome.position.dailyUsage,
    positionVersion: changes ? expectedVersion + 1 : applied ? expectedVersion : null,
    reference: null,
    recordedAt,
    recordedBy,
  };
  const count: StockEvent = {
    ...common,
    eventId: deterministicEventId('count', identity),
    kind: 'count',
    onHand: line.onHand,
    quantity: null,
    applied,
    lateReason: outcome.lateReason,
    observedUsage: outcome.observedUsage,
    ...(line.corrects ? { corrects: line.corrects } : {}),
  };
  // The corrected count stays in the history, marked (same key: the Put replaces it).
  const withdrawn: StockEvent[] = corrected ? [{ ...corrected, correctedBy: count.eventId }] : [];
  if (outcome.adjustment <= 0) return [count, ...withdrawn];
  const adjustment: StockEvent = {
    ...common,
    eventId: deterministicEventId('adjustment', identity),
    kind: 'adjustment',
    onHand: null,
    quantity: outcome.adjustment,
    applied: true,
    lateReason: null,
    observedUsage: null,
  };
  return [count, adjustment, ...withdrawn];
}

