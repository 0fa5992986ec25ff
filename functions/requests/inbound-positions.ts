/**
 * Turns a change in a home's inbound units into position Puts for the request's transaction, by the
 * stock write protocol (functions/data/stock-repository.ts): each position written whole, as the
 * version read plus one, with the home's attribution it read. A SKU the home has no position for yet gets one (never counted, status
 * unknown) so the units are not lost when its first count arrives. Inbound never goes below 0: a
 * delivery may already have taken units off.
 */
import { positionPut, type PositionRecord, type TransactItem } from '../data/stock-repository.ts';
import { emptyPosition } from '../domain/usage-estimate.ts';

export interface InboundWrites {
  puts: TransactItem[];
  /** The positions as they will be once the transaction commits (for a following chunk). */
  after: PositionRecord[];
}

export function inboundPositionPuts(homeId: string, delta: ReadonlyMap<string, number>, positions: readonly PositionRecord[]): InboundWrites {
  const location = { kind: 'home' as const, id: homeId };
  const bySku = new Map(positions.map((p) => [p.state.sku, p]));
  const puts: TransactItem[] = [];
  const after: PositionRecord[] = [];
  for (const [sku, change] of delta) {
    const current = bySku.get(sku);
    const state = current?.state ?? emptyPosition(sku);
    const next = { ...state, inbound: Math.max(0, state.inbound + change) };
    const version = current?.version ?? 0;
    puts.push(positionPut(location, next, version, current?.attribution));
    after.push({ location, state: next, version: version + 1, attribution: current?.attribution });
  }
  return { puts, after };
}

export const homePositionRefs = (homeId: string, skus: Iterable<string>) =>
  [...new Set(skus)].map((sku) => ({ location: { kind: 'home' as const, id: homeId }, sku }));
