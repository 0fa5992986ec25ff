/**
 * How stock positions and their history look in the table, both ways. Pure (no SDK): the
 * repository, and other features' transactions (deliveries' dispatch and receipt), build and read
 * position items only through these functions, so the format lives in one place.
 *
 * Position item (one per location × SKU):
 *   { PK: HOME#<id> | STORE#<id>, SK: POS#<sku>, entity: 'StockPosition', locationKind, locationId,
 *     sku, onHand, onHandAt, countedAt, lastCountOnHand, receivedSinceCount, dailyUsage, usageSource,
 *     reorderLevel, targetLevel, inbound,            ← PositionState, verbatim
 *     outbreak,                                      ← while the home has an open outbreak (forecast.ts)
 *     runoutDate,                                    ← stored: it changes only on a count, a receipt or an outbreak
 *     storeId, homeName,                             ← home positions only: the home's attribution
 *     version,                                       ← 1 on the first write, +1 on every write
 *     GSI2PK: RUNOUT#<shard>, GSI2SK: <riskFrom>#<PK>#<sku> }  ← the at-risk index (domain/at-risk.ts):
 *                                                       the earliest instant the position can show non-green
 *
 * Stock event item (history, newest first by SK): see StockEvent.
 *
 * The attribution (the home's store and name) lets the shortfall job alert a home's store from the
 * run-out index alone, without reading the home. The count writer stamps it from the home profile
 * it reads anyway; every other writer carries forward what it read. A home moved to another store
 * is re-attributed by the move (functions/registry/move-home.ts: every position the transaction has
 * room for); a renamed one, and any position the move had no room for, by its next count.
 */
import { createHash } from 'node:crypto';
import type { PositionState, UsageSource } from '../domain/stock-position.ts';
import { runoutDate } from '../domain/stock-position.ts';
import { riskFrom } from '../domain/at-risk.ts';
import type { OutbreakUsage } from '../domain/forecast.ts';
import type { StockRules } from '../domain/stock-rules.ts';
import { stockRules } from '../stock/stock-config.ts';
import type { LateReason } from '../domain/usage-estimate.ts';
import { keys, type LocationKind, type LocationRef } from './keys.ts';

export const POSITION_ENTITY = 'StockPosition';
export const STOCK_EVENT_ENTITY = 'StockEvent';

/** Whose a home position is, as of the last count that wrote it. */
export interface HomeAttribution {
  storeId: string;
  homeName: string;
  /** The home's Welsh name, when it has one (issue #19): a Welsh store's alerts name the home by it. */
  homeNameCy?: string;
}

/** A stored position: its state and the version every write must condition on. */
export interface PositionRecord {
  location: LocationRef;
  state: PositionState;
  /** 0 = not in the table yet; a write expecting version v stores v + 1. */
  version: number;
  /** Home positions written since attribution began (store positions, and older items: undefined). */
  attribution?: HomeAttribution | undefined;
}

/**
 * The whole position item for a Put (a Put, not an Update, so no attribute is ever left behind by
 * another writer). Its at-risk index entry is computed with the deployed thresholds (`rules`): a
 * change of CARESTOCK_* thresholds re-keys each position at its next write. `attribution` has no default:
 * a Put replaces the item, so a writer that left it out would erase it; each writer says what it
 * carries (the count writer the home's profile, the others the record they read).
 */
export function positionItem(
  location: LocationRef,
  state: PositionState,
  version: number,
  attribution: HomeAttribution | undefined,
  rules: StockRules = stockRules,
): Record<string, unknown> {
  const runout = runoutDate(state);
  return {
    ...keys.position(location, state.sku),
    entity: POSITION_ENTITY,
    locationKind: location.kind,
    locationId: location.id,
    sku: state.sku,
    onHand: state.onHand,
    onHandAt: state.onHandAt,
    countedAt: state.countedAt,
    lastCountOnHand: state.lastCountOnHand,
    receivedSinceCount: state.receivedSinceCount,
    dailyUsage: state.dailyUsage,
    usageSource: state.usageSource,
    reorderLevel: state.reorderLevel,
    targetLevel: state.targetLevel,
    inbound: state.inbound,
    ...(state.outbreak ? { outbreak: state.outbreak } : {}),
    runoutDate: runout,
    version,
    ...(location.kind === 'home' && attribution
      ? { storeId: attribution.storeId, homeName: attribution.homeName, ...(attribution.homeNameCy !== undefined ? { homeNameCy: attribution.homeNameCy } : {}) }
      : {}),
    ...keys.atRiskIndex(location, state.sku, riskFrom(state, rules)),
  };
}

const nullableNumber = (value: unknown): number | null => (typeof value === 'number' ? value : null);
const nullableString = (value: unknown): string | null => (typeof value === 'string' ? value : null);

export function toPositionState(raw: Record<string, unknown>): PositionState {
  return {
    sku: raw.sku as string,
    onHand: Number(raw.onHand ?? 0),
    onHandAt: nullableString(raw.onHandAt),
    countedAt: nullableString(raw.countedAt),
    lastCountOnHand: nullableNumber(raw.lastCountOnHand),
    receivedSinceCount: Number(raw.receivedSinceCount ?? 0),
    dailyUsage: Number(raw.dailyUsage ?? 0),
    usageSource: (raw.usageSource as UsageSource | undefined) ?? 'none',
    reorderLevel: nullableNumber(raw.reorderLevel),
    targetLevel: nullableNumber(raw.targetLevel),
    inbound: Number(raw.inbound ?? 0),
    ...(isOutbreakUsage(raw.outbreak) ? { outbreak: { outbreakId: raw.outbreak.outbreakId, baselineUsage: Number(raw.outbreak.baselineUsage), surgeUsage: Number(raw.outbreak.surgeUsage) } } : {}),
  };
}

function isOutbreakUsage(value: unknown): value is OutbreakUsage {
  return typeof value === 'object' && value !== null && typeof (value as { outbreakId?: unknown }).outbreakId === 'string';
}

export function toPositionRecord(raw: Record<string, unknown>): PositionRecord {
  const location = { kind: raw.locationKind as LocationKind, id: raw.locationId as string };
  const attributed = location.kind === 'home' && typeof raw.storeId === 'string' && typeof raw.homeName === 'string';
  return {
    location,
    state: toPositionState(raw),
    version: Number(raw.version ?? 0),
    ...(attributed
      ? { attribution: { storeId: raw.storeId as string, homeName: raw.homeName as string, ...(typeof raw.homeNameCy === 'string' ? { homeNameCy: raw.homeNameCy } : {}) } }
      : {}),
  };
}

export const isPositionItem = (raw: Record<string, unknown>) => raw.entity === POSITION_ENTITY;

export type StockEventKind = 'count' | 'receipt' | 'adjustment' | 'dispatch';

/** One entry of a position's history. Counts that arrive late are kept here with applied: false. */
export interface StockEvent {
  /** Deterministic for counts (same line, same id), so a retried post overwrites instead of duplicating. */
  eventId: string;
  kind: StockEventKind;
  sku: string;
  /** When it happened: the count's countedAt, the receipt's receivedAt (canonical UTC). */
  at: string;
  /** count: the figure counted. */
  onHand: number | null;
  /** receipt: units received; adjustment: units of unrecorded receipt a count revealed; dispatch: units sent out. */
  quantity: number | null;
  /** false: history only (a late count); the position was not changed by it. */
  applied: boolean;
  lateReason: LateReason | null;
  /** count: usage observed since the previous count, when it could be measured. */
  observedUsage: number | null;
  /** The position's daily usage after this event. */
  dailyUsage: number | null;
  /** The position version this event produced (null when not applied): orders concurrent writes. */
  positionVersion: number | null;
  /** e.g. the delivery a receipt belongs to. */
  reference: string | null;
  /** A recount: the count it corrects. */
  corrects?: string;
  /** A corrected count: the recount that corrected it (its usage observation is withdrawn). */
  correctedBy?: string;
  recordedAt: string;
  /** The organisation that recorded it: admin, store:<id> or home:<id>. */
  recordedBy: string;
}

export function stockEventItem(location: LocationRef, event: StockEvent): Record<string, unknown> {
  return {
    ...keys.stockEvent(location, event.sku, event.at, event.eventId),
    entity: STOCK_EVENT_ENTITY,
    locationKind: location.kind,
    locationId: location.id,
    ...event,
  };
}

export function toStockEvent(raw: Record<string, unknown>): StockEvent {
  return {
    eventId: raw.eventId as string,
    kind: raw.kind as StockEventKind,
    sku: raw.sku as string,
    at: raw.at as string,
    onHand: nullableNumber(raw.onHand),
    quantity: nullableNumber(raw.quantity),
    applied: raw.applied !== false,
    lateReason: (nullableString(raw.lateReason) as LateReason | null) ?? null,
    observedUsage: nullableNumber(raw.observedUsage),
    dailyUsage: nullableNumber(raw.dailyUsage),
    positionVersion: nullableNumber(raw.positionVersion),
    reference: nullableString(raw.reference),
    ...(typeof raw.corrects === 'string' ? { corrects: raw.corrects } : {}),
    ...(typeof raw.correctedBy === 'string' ? { correctedBy: raw.correctedBy } : {}),
    recordedAt: raw.recordedAt as string,
    recordedBy: raw.recordedBy as string,
  };
}

/**
 * A stable id from what a line says: the same count posted again (a client retry, a re-uploaded
 * spreadsheet) maps to the same history item; a corrected figure for the same instant is a new one.
 */
export function deterministicEventId(kind: StockEventKind, parts: readonly unknown[]): string {
  const digest = createHash('sha256').update(JSON.stringify([kind, ...parts])).digest('hex').slice(0, 20);
  return `${kind}-${digest}`;
}
