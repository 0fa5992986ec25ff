import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, dayNumber, WEEKDAYS } from '../../functions/domain/calendar-date.ts';
import {
  deliveryIdFor,
  planDeliveries,
  weekdayOf,
  type ExistingDelivery,
  type PlanInput,
} from '../../functions/domain/delivery-plan.ts';

function existing(
  homeId: string,
  date: string,
  status: ExistingDelivery['status'],
  requestIds: string[],
): ExistingDelivery {
  const lines = [{ sku: 'GLOVE-NITRILE-M', quantity: 10 }];
  const deliveryId = deliveryIdFor(date, homeId);
  return { deliveryId, homeId, date, requestIds, lines, emergency: false, reason: null, status };
}

const HOME_IDS = ['H1', 'H2', 'H3', 'H4', 'H5'];

const planInputs: fc.Arbitrary<PlanInput> = fc
  .record({
    fromOffset: fc.integer({ min: -400, max: 400 }),
    days: fc.integer({ min: 0, max: 21 }),
    capacityPerDay: fc.oneof(fc.integer({ min: 1, max: 3 }), fc.constant(0)),
    closedOffsets: fc.uniqueArray(fc.integer({ min: -2, max: 22 }), { maxLength: 5 }),
    homes: fc.array(
      fc.record({
        deliveryDays: fc.subarray([...WEEKDAYS]),
        runoutOffset: fc.option(fc.integer({ min: -3, max: 25 })),
      }),
      { minLength: HOME_IDS.length, maxLength: HOME_IDS.length },
    ),
    requests: fc.array(
      fc.record({
        homeId: fc.constantFrom(...HOME_IDS, 'H-unknown'),
        createdAt: fc.constantFrom('2025-01-01T09:00:00Z', '2025-01-02T09:00:00Z'),
        lines: fc.array(
          fc.record({ sku: fc.constantFrom('APRON', 'VISOR'), quantity: fc.integer({ min: 1, max: 50 }) }),
          { minLength: 1, maxLength: 2 },
        ),
      }),
      { maxLength: 10 },
    ),
    existing: fc.array(
      fc.record({
        homeId: fc.constantFrom(...HOME_IDS),
        offset: fc.oneof(fc.integer({ min: 0, max: 6 }), fc.integer({ min: -1, max: 22 })),
        status: fc.constantFrom('planned' as const, 'dispatched' as const, 'delivered' as const),
        requestIndexes: fc.uniqueArray(fc.nat(12), { maxLength: 2 }),
      }),
      { maxLength: 10 },
    ),
  })
  .map((g): PlanInput => {
    const from = addDays('2025-05-05', g.fromOffset);
    const capacityPerDay = g.capacityPerDay;
    // Existing deliveries are kept only while they respect the rules a real table would hold.
    const seen = new Set<string>();
    const perDate = new Map<string, number>();
    const existingDeliveries: ExistingDelivery[] = [];
    for (const e of g.existing) {
      const date = addDays(from, e.offset);
      const requestIds = e.requestIndexes.map((i) => `R${i}`).filter((id) => !seen.has(id));
      const count = perDate.get(date) ?? 0;
      if (count >= capacityPerDay || existingDeliveries.some((x) => x.homeId === e.homeId && x.date === date)) continue;
      perDate.set(date, count + 1);
      requestIds.forEach((id) => seen.add(id));
      existingDeliveries.push({ ...existing(e.homeId, date, e.status, requestIds) });
    }
    return {
      from,
      days: g.days,
      capacityPerDay,
      closedDates: g.closedOffsets.map((o) => addDays(from, o)),
      homes: g.homes.map((h, i) => ({
        homeId: HOME_IDS[i]!,
        deliveryDays: h.deliveryDays,
        runoutDate: h.runoutOffset === null ? null : addDays(from, h.runoutOffset),
      })),
      requests: g.requests.map((r, i) => ({ ...r, requestId: `R${i}` })),
      existing: existingDeliveries,
    };
  });

/** The table after saving a plan: changed deliveries replace their old selves, new ones are planned. */
function saved(input: PlanInput, result: ReturnType<typeof planDeliveries>): ExistingDelivery[] {
  const byId = new Map(input.existing.map((e) => [e.deliveryId, e]));
  for (const d of result.deliveries) {
    byId.set(d.deliveryId, { ...d, status: byId.get(d.deliveryId)?.status ?? 'planned' });
  }
  return [...byId.values()];
}

function inHorizon(input: PlanInput, date: string): boolean {
  const n = dayNumber(date) - dayNumber(input.from);
  return n >= 0 && n < input.days && !input.closedDates.includes(date);
}

/** Could `homeId` be given one more request on `date`, in this table? */
function couldTake(input: PlanInput, table: ExistingDelivery[], homeId: string, date: string): boolean {
  if (!inHorizon(input, date)) return false;
  const own = table.find((d) => d.homeId === homeId && d.date === date);
  if (own) return own.status === 'planned';
  return table.filter((d) => d.date === date).length < input.capacityPerDay;
}

describe('planDeliveries: properties', () => {
  it('keeps every rule of the plan', () => {
    fc.assert(
      fc.property(planInputs, (input) => {
        const result = planDeliveries(input);
        const table = saved(input, result);
        const before = new Set(input.existing.flatMap((e) => e.requestIds));
        const homes = new Map(input.homes.map((h) => [h.homeId, h]));

        // Capacity, and one delivery per home per date.
        const dates = new Set(table.map((d) => d.date));
        for (const date of dates) {
          expect(table.filter((d) => d.date === date).length).toBeLessThanOrEqual(Math.max(input.capacityPerDay, 0));
          const homesThatDay = table.filter((d) => d.date === date).map((d) => d.homeId);
          expect(new Set(homesThatDay).size).toBe(homesThatDay.length);
        }

        // No request twice; every request placed before, placed now or reported, exactly once.
        const placed = table.flatMap((d) => d.requestIds);
        expect(new Set(placed).size).toBe(placed.length);
        for (const request of input.requests) {
          const inPlan = result.deliveries.some((d) => d.requestIds.includes(request.requestId));
          const now = inPlan && !before.has(request.requestId);
          const reported = result.unplaced.filter((u) => u.requestId === request.requestId).length;
          expect(Number(before.has(request.requestId)) + Number(now) + reported).toBe(1);
        }

        for (const delivery of result.deliveries) {
          const home = homes.get(delivery.homeId)!;
          const original = input.existing.find((e) => e.deliveryId === delivery.deliveryId);
          const fresh = delivery.requestIds.filter((id) => !before.has(id));
          expect(fresh.length).toBeGreaterThan(0);
          // New placements only on open dates in the horizon, on a rota day or as an explained emergency.
          expect(inHorizon(input, delivery.date)).toBe(true);
          if (!home.deliveryDays.includes(weekdayOf(delivery.date))) {
            expect(delivery.emergency).toBe(true);
            expect(delivery.reason).toMatch(/^Runs out on /);
          }
          // Lines: merged per SKU, sorted, and every unit accounted for.
          const skus = delivery.lines.map((l) => l.sku);
          expect(skus).toEqual([...new Set(skus)].sort());
          const units = delivery.lines.reduce((s, l) => s + l.quantity, 0);
          const expected =
            (original?.lines.reduce((s, l) => s + l.quantity, 0) ?? 0) +
            input.requests
              .filter((r) => fresh.includes(r.requestId))
              .flatMap((r) => r.lines)
              .reduce((s, l) => s + l.quantity, 0);
          expect(units).toBe(expected);

          // Earliest: no earlier date could still take it (any date for an emergency, a rota date otherwise),
          // and a home at risk is never later than its run-out while an earlier date has room.
          for (let n = dayNumber(input.from); n < dayNumber(delivery.date); n += 1) {
            const date = addDays(input.from, n - dayNumber(input.from));
            const onRota = home.deliveryDays.includes(weekdayOf(date));
            const eligible = (delivery.emergency && !original?.emergency) || onRota;
            if (eligible || (home.runoutDate !== null && home.runoutDate < delivery.date)) {
              expect(couldTake(input, table, home.homeId, date)).toBe(false);
            }
          }
        }

        // Deterministic order.
        const order = result.deliveries.map((d) => `${d.date}|${d.homeId}`);
        expect(order).toEqual([...order].sort());
      }),
      { numRuns: 500 },
    );
  });

  it('is idempotent: planning again over the saved plan places nothing new', () => {
    fc.assert(
      fc.property(planInputs, (input) => {
        const first = planDeliveries(input);
        const second = planDeliveries({ ...input, existing: saved(input, first) });
        expect(second.deliveries).toEqual([]);
        expect(second.unplaced).toEqual(first.unplaced);
      }),
      { numRuns: 300 },
    );
  });

  it('is deterministic whatever the order of homes, requests and existing deliveries', () => {
    const reordered = planInputs.chain((input) =>
      fc
        .record({
          homes: fc.shuffledSubarray(input.homes, { minLength: input.homes.length }),
          requests: fc.shuffledSubarray(input.requests, { minLength: input.requests.length }),
          existing: fc.shuffledSubarray(input.existing, { minLength: input.existing.length }),
        })
        .map((shuffled) => [input, { ...input, ...shuffled }] as const),
    );
    fc.assert(
      fc.property(reordered, ([input, shuffled]) => {
        expect(planDeliveries(shuffled).deliveries).toEqual(planDeliveries(input).deliveries);
      }),
    );
  });
});
