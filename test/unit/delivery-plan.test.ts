import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, dayNumber, WEEKDAYS } from '../../functions/domain/calendar-date.ts';
import {
  deliveryIdFor,
  planDeliveries,
  weekdayOf,
  type ExistingDelivery,
  type PlanHome,
  type PlanInput,
  type PlanRequest,
} from '../../functions/domain/delivery-plan.ts';

// May 2025: Monday 5 May is the Early May bank holiday.
const BANK_HOLIDAY = '2025-05-05';
const monThu = (homeId: string, runoutDate: string | null = null): PlanHome => ({
  homeId,
  deliveryDays: ['MON', 'THU'],
  runoutDate,
});
function req(requestId: string, homeId: string, createdAt = '2025-05-01T09:00:00Z', quantity = 100): PlanRequest {
  return { requestId, homeId, createdAt, lines: [{ sku: 'APRON', quantity }] };
}
function plan(overrides: Partial<PlanInput>) {
  return planDeliveries({
    from: BANK_HOLIDAY,
    days: 14,
    capacityPerDay: 1,
    closedDates: [BANK_HOLIDAY],
    homes: [],
    requests: [],
    existing: [],
    ...overrides,
  });
}
function existing(homeId: string, date: string, status: ExistingDelivery['status'], requestIds: string[] = []) {
  return {
    deliveryId: deliveryIdFor(date, homeId),
    homeId,
    date,
    requestIds,
    lines: [{ sku: 'GLOVE-NITRILE-M', quantity: 10 }],
    emergency: false,
    reason: null,
    status,
  };
}

describe('calendar', () => {
  it.each([
    ['2025-05-05', 'MON'],
    ['2025-05-08', 'THU'],
    ['2024-02-29', 'THU'],
    ['2000-01-01', 'SAT'],
    ['1970-01-01', 'THU'],
    ['1969-12-31', 'WED'],
    ['0001-01-01', 'MON'],
  ])('%s is a %s', (date, weekday) => expect(weekdayOf(date)).toBe(weekday));

  it.each(['2025-02-29', '2025-5-5', '2025-05-05T00:00:00Z', '', '2025-13-01'])('refuses "%s"', (date) => {
    expect(() => weekdayOf(date)).toThrow(RangeError);
  });

  it('names deliveries by date and home', () => {
    expect(deliveryIdFor('2025-05-08', 'home-17')).toBe('dlv-20250508-home-17');
  });

  it('steps through the week one day at a time (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -200_000, max: 200_000 }), (offset) => {
        const date = addDays('2025-05-05', offset);
        expect(dayNumber(date) - dayNumber('2025-05-05')).toBe(offset);
        expect(WEEKDAYS.indexOf(weekdayOf(addDays(date, 1)))).toBe((WEEKDAYS.indexOf(weekdayOf(date)) + 1) % 7);
      }),
    );
  });
});

describe('planDeliveries: hand-computed examples', () => {
  it('puts a Monday/Thursday home on Thursday when Monday is a bank holiday', () => {
    const result = plan({ homes: [monThu('H1')], requests: [req('R1', 'H1')] });
    expect(result).toEqual({
      deliveries: [
        {
          deliveryId: 'dlv-20250508-H1',
          homeId: 'H1',
          date: '2025-05-08',
          requestIds: ['R1'],
          lines: [{ sku: 'APRON', quantity: 100 }],
          emergency: false,
          reason: null,
        },
      ],
      unplaced: [],
    });
  });

  it('gives the older request the day when capacity is 1, and the other home the next rota day', () => {
    const result = plan({
      homes: [monThu('HA'), monThu('HB')],
      requests: [req('R-A', 'HA', '2025-05-02T09:00:00Z'), req('R-B', 'HB', '2025-05-01T09:00:00Z')],
    });
    expect(result.deliveries.map((d) => [d.date, d.homeId])).toEqual([
      ['2025-05-08', 'HB'],
      ['2025-05-12', 'HA'],
    ]);
  });

  it('merges one home’s requests on one day into one delivery, per SKU, sorted by SKU', () => {
    const result = plan({
      homes: [monThu('H1')],
      requests: [
        { requestId: 'R1', homeId: 'H1', createdAt: '2025-05-01T09:00:00Z', lines: [
          { sku: 'VISOR', quantity: 5 },
          { sku: 'APRON', quantity: 100 },
        ] },
        { requestId: 'R2', homeId: 'H1', createdAt: '2025-05-01T10:00:00Z', lines: [{ sku: 'APRON', quantity: 50 }] },
      ],
    });
    expect(result.deliveries).toHaveLength(1);
    expect(result.deliveries[0]).toMatchObject({
      date: '2025-05-08',
      requestIds: ['R1', 'R2'],
      lines: [
        { sku: 'APRON', quantity: 150 },
        { sku: 'VISOR', quantity: 5 },
      ],
    });
  });

  it('brings forward a home that runs out before its rota day, and says why', () => {
    const result = plan({ homes: [monThu('H1', '2025-05-07')], requests: [req('R1', 'H1')] });
    expect(result.deliveries).toEqual([
      expect.objectContaining({
        date: '2025-05-06',
        emergency: true,
        reason:
          'Runs out on 2025-05-07, before its next rota delivery on THU 2025-05-08; ' +
          'brought forward to TUE 2025-05-06.',
      }),
    ]);
  });

  it('serves the earliest run-out first, even before an older request', () => {
    const result = plan({
      homes: [monThu('H-safe'), monThu('H-risk', '2025-05-09')],
      requests: [req('R-old', 'H-safe', '2025-04-01T09:00:00Z'), req('R-new', 'H-risk', '2025-05-04T09:00:00Z')],
    });
    expect(result.deliveries.map((d) => [d.date, d.homeId, d.emergency])).toEqual([
      ['2025-05-08', 'H-risk', false],
      ['2025-05-12', 'H-safe', false],
    ]);
  });

  it('makes a home an emergency once an earlier run-out has taken its rota day', () => {
    const result = plan({
      homes: [monThu('HX', '2025-05-08'), { homeId: 'HY', deliveryDays: ['THU'], runoutDate: '2025-05-10' }],
      requests: [req('RX', 'HX'), req('RY', 'HY')],
    });
    expect(result.deliveries.map((d) => [d.date, d.homeId, d.emergency])).toEqual([
      ['2025-05-06', 'HY', true],
      ['2025-05-08', 'HX', false],
    ]);
    expect(result.deliveries[0]!.reason).toContain('before its next rota delivery on THU 2025-05-15');
  });

  it('serves the earliest run-out first, even when a later run-out is the emergency', () => {
    // HQ runs out Tuesday and is served that Tuesday; HP would wait for Thursday, past its Wednesday
    // run-out, so it comes forward to Wednesday. Serving the emergency first would have given HP
    // Tuesday and pushed HQ past its run-out.
    const result = plan({
      homes: [{ homeId: 'HQ', deliveryDays: ['TUE'], runoutDate: '2025-05-06' }, monThu('HP', '2025-05-07')],
      requests: [req('RP', 'HP', '2025-04-01T09:00:00Z'), req('RQ', 'HQ')],
    });
    expect(result.deliveries.map((d) => [d.date, d.homeId, d.emergency])).toEqual([
      ['2025-05-06', 'HQ', false],
      ['2025-05-07', 'HP', true],
    ]);
  });

  it('still brings a home forward when no date before its run-out has room, and says that too', () => {
    const full = ['2025-05-06', '2025-05-07', '2025-05-08'].map((d, i) => existing(`OTHER-${i}`, d, 'planned'));
    const result = plan({ homes: [monThu('H1', '2025-05-05')], requests: [req('R1', 'H1')], existing: full });
    expect(result.deliveries).toEqual([expect.objectContaining({ date: '2025-05-09', emergency: true })]);
    expect(result.deliveries[0]!.reason).toBe(
      'Runs out on 2025-05-05, before its next rota delivery on MON 2025-05-12; brought forward to FRI 2025-05-09. ' +
        'No open date with room on or before the run-out; 2025-05-09 is the earliest.',
    );
  });

  it('joins an existing planned delivery of the home without using capacity, and returns it changed', () => {
    const result = plan({
      homes: [monThu('H1'), monThu('H2')],
      requests: [req('R1', 'H1'), req('R2', 'H2')],
      existing: [existing('H1', '2025-05-08', 'planned', ['R0'])],
    });
    expect(result.deliveries).toEqual([
      {
        deliveryId: 'dlv-20250508-H1',
        homeId: 'H1',
        date: '2025-05-08',
        requestIds: ['R0', 'R1'],
        lines: [
          { sku: 'APRON', quantity: 100 },
          { sku: 'GLOVE-NITRILE-M', quantity: 10 },
        ],
        emergency: false,
        reason: null,
      },
      expect.objectContaining({ date: '2025-05-12', homeId: 'H2' }),
    ]);
  });

  it('does not add to a delivery already dispatched', () => {
    const result = plan({
      capacityPerDay: 5,
      homes: [monThu('H1')],
      requests: [req('R1', 'H1')],
      existing: [existing('H1', '2025-05-08', 'dispatched')],
    });
    expect(result.deliveries.map((d) => d.date)).toEqual(['2025-05-12']);
  });

  it('never books a home on a date another store\'s van serves it (a home that moved here), even an emergency', () => {
    const result = plan({
      capacityPerDay: 5,
      homes: [monThu('H1', '2025-05-06')],
      requests: [req('R1', 'H1')],
      servedElsewhere: [{ homeId: 'H1', date: '2025-05-06' }, { homeId: 'H1', date: '2025-05-08' }],
    });
    // Run-out on Tuesday 6th, served elsewhere that day: the earliest other open date is Wednesday 7th.
    expect(result.deliveries.map((d) => [d.homeId, d.date, d.emergency])).toEqual([['H1', '2025-05-07', true]]);
    const rota = plan({ capacityPerDay: 5, homes: [monThu('H1')], requests: [req('R1', 'H1')], servedElsewhere: [{ homeId: 'H1', date: '2025-05-08' }] });
    expect(rota.deliveries.map((d) => d.date)).toEqual(['2025-05-12']);
  });

  it('reports what it cannot place, and skips what is already placed', () => {
    const result = plan({
      days: 7,
      homes: [monThu('H1'), { homeId: 'H-none', deliveryDays: [], runoutDate: null }, monThu('H-far', '2025-06-30')],
      requests: [req('R-done', 'H1'), req('R-ghost', 'H-unknown'), req('R-none', 'H-none'), req('R-far', 'H-far')],
      existing: [existing('H1', '2025-05-08', 'planned', ['R-done'])],
    });
    expect(result).toEqual({
      deliveries: [],
      unplaced: [
        { requestId: 'R-ghost', reason: 'Home H-unknown is not on this rota.' },
        {
          requestId: 'R-far',
          reason: 'No MON/THU delivery with capacity for home H-far between 2025-05-05 and 2025-05-11.',
        },
        { requestId: 'R-none', reason: 'Home H-none has no delivery days on the rota.' },
      ],
    });
  });

  it('brings forward a home without a usable rota day if it runs out within the plan', () => {
    const result = plan({
      homes: [{ homeId: 'H1', deliveryDays: [], runoutDate: '2025-05-07' }],
      requests: [req('R1', 'H1')],
    });
    expect(result.deliveries[0]).toMatchObject({
      date: '2025-05-06',
      emergency: true,
      reason:
        'Runs out on 2025-05-07, and no rota day up to 2025-05-18 has capacity; ' +
        'brought forward to TUE 2025-05-06.',
    });
  });
});
