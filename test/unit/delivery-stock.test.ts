import { describe, expect, it } from 'vitest';
import { applyDispatch, checkReceipt, dispatchShortfall, plannedLines } from '../../functions/domain/delivery-stock.ts';
import { projectedOnHand, type PositionState } from '../../functions/domain/stock-position.ts';
import { applyCount, emptyPosition } from '../../functions/domain/usage-estimate.ts';
import { defaultStockRules } from '../../functions/domain/stock-rules.ts';

const counted = (onHand: number, dailyUsage: number, at = '2026-03-01T08:00:00.000Z'): PositionState =>
  applyCount(null, { sku: 'MASK-IIR', countedAt: at, onHand, dailyUsage }, defaultStockRules).position;

describe('plannedLines', () => {
  it('takes the allocation once allocated, the approval before; zeros left out, merged and sorted', () => {
    const approvedLines = [{ sku: 'VISOR', quantity: 4 }, { sku: 'APRON', quantity: 10 }, { sku: 'GOWN-FR', quantity: 0 }];
    expect(plannedLines({ approvedLines, allocatedLines: null })).toEqual([{ sku: 'APRON', quantity: 10 }, { sku: 'VISOR', quantity: 4 }]);
    const allocatedLines = [{ sku: 'APRON', allocated: 6 }, { sku: 'VISOR', allocated: 0 }];
    expect(plannedLines({ approvedLines, allocatedLines })).toEqual([{ sku: 'APRON', quantity: 6 }]);
  });
});

describe('dispatchShortfall', () => {
  it('lists each SKU the store cannot cover from its projected on hand, with what it holds', () => {
    const store = new Map([['MASK-IIR', counted(100, 10)]]);
    const asOf = new Date('2026-03-03T08:00:00.000Z'); // projected 80
    expect(dispatchShortfall([{ sku: 'MASK-IIR', quantity: 80 }], store, asOf)).toEqual([]);
    expect(dispatchShortfall([{ sku: 'MASK-IIR', quantity: 81 }, { sku: 'VISOR', quantity: 1 }], store, asOf)).toEqual([
      { sku: 'MASK-IIR', required: 81, available: 80 },
      { sku: 'VISOR', required: 1, available: 0 },
    ]);
  });
});

describe('applyDispatch', () => {
  it('rebases at the dispatch: projected on hand less the units, and the net movement since the count goes down', () => {
    const after = applyDispatch(counted(100, 10), 30, '2026-03-02T08:00:00.000Z');
    expect(after).toMatchObject({ onHand: 60, onHandAt: '2026-03-02T08:00:00.000Z', receivedSinceCount: -30, countedAt: '2026-03-01T08:00:00.000Z' });
  });

  it('keeps usage honest: the next count sees only what the store used, not what it sent out', () => {
    const dispatched = applyDispatch(counted(100, 0), 30, '2026-03-02T08:00:00.000Z');
    const next = applyCount(dispatched, { sku: 'MASK-IIR', countedAt: '2026-03-05T08:00:00.000Z', onHand: 70 }, defaultStockRules);
    expect(next.observedUsage).toBe(0);
    expect(next.adjustment).toBe(0);
  });

  it('changes nothing for a dispatch a later count already saw, and refuses to go below zero', () => {
    const position = counted(100, 0, '2026-03-05T08:00:00.000Z');
    expect(applyDispatch(position, 10, '2026-03-04T08:00:00.000Z')).toEqual(position);
    expect(() => applyDispatch(position, 101, '2026-03-06T08:00:00.000Z')).toThrow(RangeError);
    expect(() => applyDispatch(emptyPosition('VISOR'), 1, '2026-03-06T08:00:00.000Z')).toThrow(RangeError);
    expect(() => applyDispatch(position, 0, '2026-03-06T08:00:00.000Z')).toThrow(RangeError);
  });

  it('conserves units: on hand after = projected before − dispatched', () => {
    const position = counted(500, 7);
    const at = '2026-03-03T20:00:00.000Z';
    expect(applyDispatch(position, 123, at).onHand).toBe(projectedOnHand(position, new Date(at)) - 123);
  });
});

describe('checkReceipt', () => {
  const dispatched = [{ sku: 'APRON', quantity: 10 }, { sku: 'VISOR', quantity: 4 }];
  it('records every SKU whose received units differ from the dispatched, over or under', () => {
    expect(checkReceipt(dispatched, [{ sku: 'VISOR', quantity: 4 }, { sku: 'APRON', quantity: 10 }])).toEqual({ ok: true, discrepancies: [] });
    expect(checkReceipt(dispatched, [{ sku: 'APRON', quantity: 7 }, { sku: 'VISOR', quantity: 5 }])).toEqual({
      ok: true,
      discrepancies: [{ sku: 'APRON', dispatched: 10, received: 7 }, { sku: 'VISOR', dispatched: 4, received: 5 }],
    });
  });
  it('refuses a receipt that leaves out a dispatched SKU or names one not on the van', () => {
    expect(checkReceipt(dispatched, [{ sku: 'APRON', quantity: 10 }, { sku: 'GOWN-FR', quantity: 1 }])).toEqual({ ok: false, missing: ['VISOR'], unexpected: ['GOWN-FR'] });
  });
});
