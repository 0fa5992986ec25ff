import { describe, expect, it } from 'vitest';
import { buildHomeView } from '../../web/model/home-view.ts';
import { items, position } from './web-fixtures.ts';

describe('a home’s own view', () => {
  it('shows its positions worst first, open requests newest first, and deliveries to come', () => {
    const view = buildHomeView(
      {
        status: 'red',
        positions: [
          position('APRON', { status: 'green', daysOfSupply: 20 }),
          position('MASK-IIR', { status: 'red', daysOfSupply: 1.2, projectedOnHand: 12, onHand: 40, suggestedOrder: 500 }),
        ],
      },
      [
        { requestId: 'r1', homeId: 'h', status: 'delivered', lines: [], createdAt: '2026-11-01T09:00:00Z' },
        { requestId: 'r2', homeId: 'h', status: 'submitted', lines: [{ sku: 'APRON', quantity: 200 }], createdAt: '2026-11-20T09:00:00Z' },
        { requestId: 'r3', homeId: 'h', status: 'approved', lines: [], createdAt: '2026-11-22T09:00:00Z' },
      ],
      [
        { deliveryId: 'd1', homeId: 'h', date: '2026-11-26', lines: [{ sku: 'MASK-IIR', quantity: 500 }], status: 'planned' },
        { deliveryId: 'd0', homeId: 'h', date: '2026-11-20', lines: [], status: 'delivered' },
      ],
      { items, timeZone: 'Europe/London', today: '2026-11-23' },
    );
    expect(view.status.word).toBe('Red');
    expect(view.positions.map((p) => p.sku)).toEqual(['MASK-IIR', 'APRON']);
    expect(view.positions[0]).toMatchObject({
      itemName: 'Type IIR surgical mask',
      daysText: '1.2 days',
      runout: 'Thu 3 Dec',
      onHandNow: 'about 12',
      lastCount: '40 on Mon 23 Nov',
      suggestedOrder: '500',
    });
    expect(view.requests.map((r) => r.requestId)).toEqual(['r3', 'r2']);
    expect(view.requests[1]!.contents).toBe('200 × Disposable plastic apron');
    expect(view.deliveries).toEqual([{ deliveryId: 'd1', date: 'Thu 26 Nov', status: 'planned', contents: '500 × Type IIR surgical mask', lines: [{ sku: 'MASK-IIR', quantity: 500 }] }]);
  });

  it('shows a home that has never counted as unknown with nothing listed', () => {
    const view = buildHomeView(null, [], [], { items, timeZone: 'Europe/London', today: '2026-11-23' });
    expect(view.status.word).toBe('Unknown');
    expect(view.positions).toEqual([]);
  });
});
