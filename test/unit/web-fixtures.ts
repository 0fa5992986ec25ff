/** Shared fixtures for the page's data-shaping tests. */
import type { Item, Position } from '../../web/model/api-types.ts';

export const items = new Map<string, Item>([
  ['MASK-IIR', { sku: 'MASK-IIR', name: 'Type IIR surgical mask', unit: 'mask', packSize: 50 }],
  ['APRON', { sku: 'APRON', name: 'Disposable plastic apron', unit: 'apron', packSize: 200 }],
  ['GLOVE-NITRILE-M', { sku: 'GLOVE-NITRILE-M', name: 'Nitrile examination glove, medium', unit: 'glove', packSize: 100 }],
]);

export function position(sku: string, overrides: Partial<Position> = {}): Position {
  return {
    sku,
    onHand: 100,
    projectedOnHand: 100,
    dailyUsage: 10,
    daysOfSupply: 10,
    runoutDate: '2026-12-03T09:00:00.000Z',
    status: 'green',
    suggestedOrder: 0,
    countedAt: '2026-11-23T09:00:00.000Z',
    ...overrides,
  };
}
