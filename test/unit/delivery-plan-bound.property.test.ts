/**
 * The planner under a size bound (`deliveryFits`): the store uses it so that every delivery's
 * dispatch and receipt stay one DynamoDB transaction. Properties: no delivery the plan writes
 * exceeds the bound; every request is placed once or reported; a home whose delivery is full on a
 * date gets a later date, never a second delivery that day; re-planning places nothing new.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, WEEKDAYS } from '../../functions/domain/calendar-date.ts';
import { planDeliveries, type DeliverySize, type ExistingDelivery, type PlanInput } from '../../functions/domain/delivery-plan.ts';
import { deliveryFitsOneTransaction } from '../../functions/data/delivery-items.ts';

const SKUS = ['APRON', 'GOWN-FR', 'MASK-IIR', 'VISOR'];
const HOMES = ['H1', 'H2', 'H3'];

const bounded = fc
  .record({
    days: fc.integer({ min: 1, max: 14 }),
    capacityPerDay: fc.integer({ min: 1, max: 3 }),
    maxRequests: fc.integer({ min: 1, max: 3 }),
    maxSkus: fc.integer({ min: 1, max: 4 }),
    deliveryDays: fc.array(fc.subarray([...WEEKDAYS], { minLength: 1 }), { minLength: HOMES.length, maxLength: HOMES.length }),
    runouts: fc.array(fc.option(fc.integer({ min: 0, max: 14 })), { minLength: HOMES.length, maxLength: HOMES.length }),
    requests: fc.array(
      fc.record({ home: fc.nat(HOMES.length - 1), skus: fc.uniqueArray(fc.constantFrom(...SKUS), { minLength: 1, maxLength: 4 }) }),
      { maxLength: 14 },
    ),
  })
  .map((g) => {
    const from = '2026-03-02';
    const fits = ({ requests, skus }: DeliverySize) => requests <= g.maxRequests && skus <= g.maxSkus;
    const input: PlanInput = {
      from,
      days: g.days,
      capacityPerDay: g.capacityPerDay,
      closedDates: [],
      homes: HOMES.map((homeId, i) => ({ homeId, deliveryDays: g.deliveryDays[i]!, runoutDate: g.runouts[i] == null ? null : addDays(from, g.runouts[i]!) })),
      requests: g.requests.map((r, i) => ({ requestId: `R${i}`, homeId: HOMES[r.home]!, createdAt: '2026-03-01T09:00:00Z', lines: r.skus.map((sku) => ({ sku, quantity: 5 })) })),
      existing: [],
      deliveryFits: fits,
    };
    return { input, fits };
  });

describe('planDeliveries under a delivery size bound: properties', () => {
  it('writes no delivery larger than the bound, places each request once or says why, one delivery per home per date', () => {
    fc.assert(
      fc.property(bounded, ({ input, fits }) => {
        const { deliveries, unplaced } = planDeliveries(input);
        for (const d of deliveries) expect(fits({ requests: d.requestIds.length, skus: d.lines.length })).toBe(true);
        const placed = deliveries.flatMap((d) => d.requestIds);
        expect(new Set(placed).size).toBe(placed.length);
        expect([...placed, ...unplaced.map((u) => u.requestId)].sort()).toEqual(input.requests.map((r) => r.requestId).sort());
        const homeDates = deliveries.map((d) => `${d.homeId}|${d.date}`);
        expect(new Set(homeDates).size).toBe(homeDates.length);
        for (const date of new Set(deliveries.map((d) => d.date))) {
          expect(deliveries.filter((d) => d.date === date).length).toBeLessThanOrEqual(input.capacityPerDay);
        }
        // A request too large on its own is reported as such, never placed.
        for (const r of input.requests) {
          if (!fits({ requests: 1, skus: r.lines.length })) expect(unplaced.find((u) => u.requestId === r.requestId)?.reason).toMatch(/too large/);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('re-planning over the saved plan places nothing new', () => {
    fc.assert(
      fc.property(bounded, ({ input }) => {
        const first = planDeliveries(input);
        const existing: ExistingDelivery[] = first.deliveries.map((d) => ({ ...d, status: 'planned' }));
        const second = planDeliveries({ ...input, existing });
        expect(second.deliveries).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });
});

describe('the store bound: one delivery, one transaction', () => {
  it('admits a receipt of the delivery, its webhook event, its requests and two items per SKU within 100 actions', () => {
    expect(deliveryFitsOneTransaction({ requests: 2, skus: 48 })).toBe(true); // 2 + 2 + 96 = 100
    expect(deliveryFitsOneTransaction({ requests: 1, skus: 49 })).toBe(false); // 2 + 1 + 98 = 101
    expect(deliveryFitsOneTransaction({ requests: 58, skus: 20 })).toBe(true); // 2 + 58 + 40 = 100
    expect(deliveryFitsOneTransaction({ requests: 59, skus: 20 })).toBe(false);
  });
});
