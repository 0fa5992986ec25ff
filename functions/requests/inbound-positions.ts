/**
 * Turns a change in a home's inbound units into position Puts for the request's transaction, by the
 * stock write protocol (functions/data/stock-repository.ts): each position written whole, as the
 * version read plus one, with the home's attribution it read. A SKU the home has no position for yet gets one (never counted, status
 * unknown) so the units are not lost when its first count arrives. Inbound never goes below 0: a
 * delivery may already have taken units off.
 */
import { positionPut, type HomeAttribution, type PositionRecord, type TransactItem } from '../data/stock-repository.ts';
import { emptyPosition } from '../domain/usage-estimate.ts';

export interface InboundWrites {
  puts: TransactItem[];
  /** The positions as they will be once the transaction commits (for a following chunk). */
  after: PositionRecord[];
}

/** `attribution`: the home's, when the caller writes a new one (a move); otherwise each position keeps what it read. */
export function inboundPositionPuts(homeId: string, delta: ReadonlyMap<string, number>, positions: readonly PositionRecord[], attribution?: HomeAttribution): InboundWrites {
  const location = { kind: 'home' as const, id: homeId };
  const bySku = new Map(positions.map((p) => [p.state.sku, p]));
  const puts: TransactItem[] = [];
  const after: PositionRecord[] = [];
  for (const [sku, change] of delta) {
    const current = bySku.get(sku);
    const state = current?.state ?? emptyPosition(sku);
    const next = { ...state, inbound: Math.max(0, state.inbound + change) };
    const version = current?.version ?? 0;
    const attributed = attribution ?? current?.attribution;
    puts.push(positionPut(location, next, version, attributed));
    after.push({ location, state: next, version: version + 1, attribution: attributed });
  }
  return { puts, after };
}

export const homePositionRefs = (homeId: string, skus: Iterable<string>) =>
  [...new Set(skus)].map((sku) => ({ location: { kind: 'home' as const, id: homeId }, sku }));
