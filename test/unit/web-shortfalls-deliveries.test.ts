import { describe, expect, it } from 'vitest';
import { todaysShortfalls } from '../../web/model/shortfalls.ts';
import { describeLines, upcomingDeliveries } from '../../web/model/deliveries.ts';
import type { Delivery, Shortfall } from '../../web/model/api-types.ts';
import { items } from './web-fixtures.ts';

const names = new Map([
  ['ty-gwyn', 'Tŷ Gwyn'],
  ['plas', 'Plas Newydd'],
  ['llys', 'Llys Hafren'],
]);
const context = { items, timeZone: 'Europe/London', today: '2026-11-23' };

describe('today’s shortfalls', () => {
  it('lists short homes worst first with their items, and silent homes by name', () => {
    const records: Shortfall[] = [
      { date: '2026-11-23', storeId: 's', homeId: 'plas', reasons: ['short'], items: [{ sku: 'APRON', reason: 'short', usageBasis: 'estimate', daysOfSupply: 5, runoutDate: '2026-11-28T09:00:00Z', status: 'amber', suggestedOrder: 400 }] },
      {
        date: '2026-11-23',
        storeId: 's',
        homeId: 'ty-gwyn',
        reasons: ['short', 'silent'],
        items: [
          { sku: 'APRON', reason: 'short', usageBasis: 'estimate', daysOfSupply: 6, runoutDate: null, status: 'amber', suggestedOrder: 200 },
          { sku: 'MASK-IIR', reason: 'short', usageBasis: 'estimate', daysOfSupply: 1, runoutDate: '2026-11-24T09:00:00Z', status: 'red', suggestedOrder: 500 },
        ],
      },
      { date: '2026-11-23', storeId: 's', homeId: 'llys', reasons: ['silent'], items: [] },
    ];
    const result = todaysShortfalls(records, names, context);
    expect(result.short.map((s) => s.name)).toEqual(['Tŷ Gwyn', 'Plas Newydd']);
    expect(result.short[0]!.items.map((i) => i.sku)).toEqual(['MASK-IIR', 'APRON']);
    expect(result.silent.map((s) => s.name)).toEqual(['Llys Hafren', 'Tŷ Gwyn']);
  });

  it('falls back to the id for a home it has no name for', () => {
    const result = todaysShortfalls([{ date: '2026-11-23', storeId: 's', homeId: 'new-home', reasons: ['silent'], items: [] }], names, context);
    expect(result.silent).toEqual([{ homeId: 'new-home', name: 'new-home' }]);
  });
});

describe('the next days’ deliveries', () => {
  const delivery = (deliveryId: string, homeId: string, date: string, extra: Partial<Delivery> = {}): Delivery => ({
    deliveryId,
    homeId,
    date,
    lines: [{ sku: 'MASK-IIR', quantity: 600 }],
    status: 'planned',
    ...extra,
  });

  it('groups by day within the window, emergencies first, cancelled ones left out', () => {
    const days = upcomingDeliveries(
      [
        delivery('d1', 'plas', '2026-11-24'),
        delivery('d2', 'ty-gwyn', '2026-11-24', { emergency: true, reason: 'runs out before its rota day' }),
        delivery('d3', 'llys', '2026-11-23'),
        delivery('d4', 'llys', '2026-11-22'),
        delivery('d5', 'llys', '2026-11-30'),
        delivery('d6', 'plas', '2026-11-25', { status: 'cancelled' }),
      ],
      names,
      items,
      '2026-11-23',
      7,
    );
    expect(days.map((d) => d.date)).toEqual(['2026-11-23', '2026-11-24']);
    expect(days[0]!.heading).toBe('Today, Mon 23 Nov');
    expect(days[1]!.heading).toBe('Tomorrow, Tue 24 Nov');
    expect(days[1]!.deliveries.map((d) => d.deliveryId)).toEqual(['d2', 'd1']);
    expect(days[1]!.deliveries[0]).toMatchObject({ emergency: true, homeName: 'Tŷ Gwyn', contents: '600 × Type IIR surgical mask' });
  });

  it('names items and thousands as people write them', () => {
    expect(describeLines([{ sku: 'APRON', quantity: 1200 }, { sku: 'NEW-SKU', quantity: 3 }], items)).toBe('1,200 × Disposable plastic apron, 3 × NEW-SKU');
    expect(describeLines([], items)).toBe('nothing listed');
  });
});
