/**
 * A nation of care homes for the daily job: N homes × 15 PPE lines, 45 homes a store. Every key
 * comes from functions/data/keys.ts and every position item from positionItem (the stock module's
 * own format), attributed to its home's store and name as the count writer attributes it, so the
 * job reads exactly what the API would have written.
 *
 * Who is what, by home number i (the categories never overlap):
 * - i % 20 = 7   at risk (5%): counted yesterday; one line red (2 days left), one amber (5 days);
 * - i % 50 = 13  silent (2%): counted 5 days ago, plenty of stock (stale, not short);
 * - i % 200 = 199 never counted (0.5%): a profile and no positions;
 * - the rest: counted yesterday, 10 to 42 days of supply on every line.
 * The 15th line of every home has no usage, so it stays out of the sparse run-out index.
 */
import type { PositionState } from '../functions/domain/stock-position.ts';
import { keys } from '../functions/data/keys.ts';
import { positionItem } from '../functions/data/stock-items.ts';

export const ITEMS_PER_HOME = 15;
export const NATIONAL_HOMES_PER_STORE = 45;
const DAY_MS = 86_400_000;

export type HomeCategory = 'at-risk' | 'silent' | 'never-counted' | 'healthy';

export function categoryOf(i: number): HomeCategory {
  if (i % 200 === 199) return 'never-counted';
  if (i % 50 === 13) return 'silent';
  if (i % 20 === 7) return 'at-risk';
  return 'healthy';
}

export interface NationalPlan {
  homes: number;
  stores: number;
  asOf: Date;
  skus: string[];
  expected: { atRiskHomes: number; atRiskPositions: number; silentHomes: number; neverCountedHomes: number; positions: number; indexedPositions: number };
  /** Items written by BatchWrite (homes and positions; stores and catalogue go through the registry). */
  items: number;
}

export const nationalSku = (s: number) => `PPE-${String(s).padStart(2, '0')}`;
export const nationalStoreId = (i: number) => `store-${String(Math.floor(i / NATIONAL_HOMES_PER_STORE)).padStart(4, '0')}`;
export const nationalHomeId = (i: number) => `home-${String(i).padStart(5, '0')}`;

export function nationalPlan(homes: number, asOf: Date): NationalPlan {
  const count = (category: HomeCategory) => Array.from({ length: homes }, (_, i) => categoryOf(i)).filter((c) => c === category).length;
  const counted = homes - count('never-counted');
  return {
    homes,
    stores: Math.ceil(homes / NATIONAL_HOMES_PER_STORE),
    asOf,
    skus: Array.from({ length: ITEMS_PER_HOME }, (_, s) => nationalSku(s)),
    expected: {
      atRiskHomes: count('at-risk'),
      atRiskPositions: count('at-risk') * 2,
      silentHomes: count('silent') + count('never-counted'),
      neverCountedHomes: count('never-counted'),
      positions: counted * ITEMS_PER_HOME,
      indexedPositions: counted * (ITEMS_PER_HOME - 1),
    },
    items: homes + counted * ITEMS_PER_HOME,
  };
}

export const nationalHomeName = (i: number) => `Care home ${i}`;

/** The home's profile as putHome and the count writer's advanceLastCount leave it. */
export function nationalHomeItem(i: number, lastCountedAt: string | null, updatedAt: string): Record<string, unknown> {
  const homeId = nationalHomeId(i);
  const storeId = nationalStoreId(i);
  return {
    ...keys.home(homeId),
    ...keys.storeHomesIndex(storeId, homeId),
    entity: 'Home',
    homeId,
    name: nationalHomeName(i),
    storeId,
    beds: 20 + (i % 60),
    deliveryDays: ['MON', 'THU'],
    updatedAt,
    lastCountedAt,
    ...keys.lastCountIndex(homeId, lastCountedAt),
  };
}

/** Days of stock a line held when counted. At-risk lines are counted a day ago, so 3 → 2 days left. */
function daysAtCount(category: HomeCategory, i: number, s: number): number {
  if (category === 'silent') return 45;
  if (category === 'at-risk' && s === 0) return 3;
  if (category === 'at-risk' && s === 1) return 6;
  return 11 + ((i * 7 + s * 3) % 32);
}

export function* nationalItems(plan: NationalPlan): Generator<Record<string, unknown>> {
  const asOfMs = plan.asOf.getTime();
  const updatedAt = new Date(asOfMs - 30 * DAY_MS).toISOString();
  for (let i = 0; i < plan.homes; i++) {
    const category = categoryOf(i);
    if (category === 'never-counted') {
      yield nationalHomeItem(i, null, updatedAt);
      continue;
    }
    // Counted in the morning rush, a few minutes apart, one day (or five, when silent) before asOf.
    const countedAt = new Date(asOfMs - (category === 'silent' ? 5 : 1) * DAY_MS - (i % 120) * 60_000).toISOString();
    yield nationalHomeItem(i, countedAt, updatedAt);
    for (let s = 0; s < ITEMS_PER_HOME; s++) {
      const dailyUsage = s === ITEMS_PER_HOME - 1 ? 0 : 5 + ((i + s) % 40);
      const onHand = dailyUsage === 0 ? 50 : dailyUsage * daysAtCount(category, i, s);
      const state: PositionState = {
        sku: plan.skus[s]!,
        onHand,
        onHandAt: countedAt,
        countedAt,
        lastCountOnHand: onHand,
        receivedSinceCount: 0,
        dailyUsage,
        usageSource: dailyUsage === 0 ? 'none' : 'estimated',
        reorderLevel: null,
        targetLevel: null,
        inbound: 0,
      };
      yield positionItem({ kind: 'home', id: nationalHomeId(i) }, state, 2, { storeId: nationalStoreId(i), homeName: nationalHomeName(i) });
    }
  }
}
