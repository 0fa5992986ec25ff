import { describe, expect, it } from 'vitest';
import { allocate, daysAfter, type HomeSupply } from '../../functions/domain/allocation.ts';

const GLOVES = 'GLOVE-NITRILE-M';

function request(requestId: string, homeId: string, approved: number, createdAt = '2025-05-01T09:00:00Z') {
  return { requestId, homeId, createdAt, lines: [{ sku: GLOVES, approved }] };
}
function supply(homeId: string, projectedOnHand: number, dailyUsage: number, sku = GLOVES): HomeSupply {
  return { homeId, sku, projectedOnHand, dailyUsage };
}
function allocatedTo(result: ReturnType<typeof allocate>, requestId: string): number {
  return result.find((a) => a.requestId === requestId)!.lines[0]!.allocated;
}

describe('daysAfter', () => {
  it('is (on hand + allocated) / usage, and unbounded without usage or position', () => {
    expect(daysAfter(supply('H', 100, 50), 160)).toBeCloseTo(5.2);
    expect(daysAfter(supply('H', -20, 10), 30)).toBe(3); // a negative projection is nothing on hand
    expect(daysAfter(supply('H', 100, 0), 0)).toBe(Infinity);
    expect(daysAfter(undefined, 5)).toBe(Infinity);
  });
});

describe('allocate: hand-computed examples', () => {
  it('gives everyone what was approved when the store holds enough, with no reason', () => {
    const result = allocate({
      stock: { [GLOVES]: 1000 },
      requests: [request('R1', 'H1', 600), request('R2', 'H2', 400)],
      supply: [],
    });
    expect(result).toEqual([
      { homeId: 'H1', requestId: 'R1', lines: [{ sku: GLOVES, approved: 600, allocated: 600, reason: null }] },
      { homeId: 'H2', requestId: 'R2', lines: [{ sku: GLOVES, approved: 400, allocated: 400, reason: null }] },
    ]);
  });

  it('fills the home with fewest days first and says so', () => {
    // H1 is at 2 days, H2 at 10. Lifting H1 to 10 days takes 400 units: all of the stock.
    const result = allocate({
      stock: { [GLOVES]: 400 },
      requests: [request('R1', 'H1', 600), request('R2', 'H2', 400)],
      supply: [supply('H1', 100, 50), supply('H2', 500, 50)],
    });
    expect(result[0]!.lines[0]).toEqual({
      sku: GLOVES,
      approved: 600,
      allocated: 400,
      reason:
        'Store short of GLOVE-NITRILE-M: 400 of 1,000 approved units available; ' +
        'allocated by fewest days of supply (this home 10.0 days after allocation).',
    });
    expect(result[1]!.lines[0]).toMatchObject({ allocated: 0, reason: expect.stringContaining('10.0 days') });
  });

  it('levels homes to the same days of supply', () => {
    // A: 0 on hand, B: 5 days. Level L: 10L + (10L − 50) = 300, so L = 17.5: A 175, B 125.
    const result = allocate({
      stock: { [GLOVES]: 300 },
      requests: [request('A', 'HA', 200), request('B', 'HB', 200)],
      supply: [supply('HA', 0, 10), supply('HB', 50, 10)],
    });
    expect([allocatedTo(result, 'A'), allocatedTo(result, 'B')]).toEqual([175, 125]);
  });

  it('gives the odd units to the oldest request when homes tie', () => {
    const result = allocate({
      stock: { [GLOVES]: 11 },
      requests: [
        request('R-C', 'HC', 10, '2025-05-01T10:00:00Z'),
        request('R-A', 'HA', 10, '2025-05-01T09:00:00Z'),
        request('R-B', 'HB', 10, '2025-05-01T09:00:00Z'),
      ],
      supply: [supply('HA', 0, 3), supply('HB', 0, 3), supply('HC', 0, 3)],
    });
    expect(result.map((a) => a.lines[0]!.allocated)).toEqual([3, 4, 4]);
  });

  it('serves homes without usage last, oldest request first, and explains why', () => {
    const result = allocate({
      stock: { [GLOVES]: 130 },
      requests: [
        request('R-new', 'H-idle', 50, '2025-05-02T09:00:00Z'),
        request('R-old', 'H-unknown', 50, '2025-05-01T09:00:00Z'),
        request('R-busy', 'H-busy', 100, '2025-05-03T09:00:00Z'),
      ],
      supply: [supply('H-idle', 0, 0), supply('H-busy', 900, 10)],
    });
    expect(result.map((a) => a.lines[0]!.allocated)).toEqual([0, 30, 100]);
    expect(result[0]!.lines[0]!.reason).toContain('this home reports no daily usage, so homes using stock came first');
    expect(result[1]!.lines[0]!.reason).toContain('no stock position recorded for this home');
    expect(result[2]!.lines[0]!.reason).toBeNull();
  });

  it("treats one home's two requests as sequential demand, older first", () => {
    const result = allocate({
      stock: { [GLOVES]: 150 },
      requests: [
        request('R-second', 'H1', 100, '2025-05-02T09:00:00Z'),
        request('R-first', 'H1', 100, '2025-05-01T09:00:00Z'),
      ],
      supply: [supply('H1', 0, 10)],
    });
    expect(result.map((a) => a.lines[0]!.allocated)).toEqual([50, 100]);
    expect(result[0]!.lines[0]!.reason).toContain('(this home 15.0 days after allocation)');
  });

  it('allocates each SKU on its own', () => {
    const result = allocate({
      stock: { [GLOVES]: 10, APRON: 500 },
      requests: [
        { requestId: 'R1', homeId: 'H1', createdAt: '2025-05-01T09:00:00Z', lines: [
          { sku: GLOVES, approved: 20 },
          { sku: 'APRON', approved: 100 },
        ] },
      ],
      supply: [supply('H1', 0, 1), supply('H1', 0, 1, 'APRON')],
    });
    expect(result[0]!.lines.map((l) => l.allocated)).toEqual([10, 100]);
    expect(result[0]!.lines[1]!.reason).toBeNull();
  });

  it('never invents stock from bad figures', () => {
    const result = allocate({
      stock: { [GLOVES]: 7.9 },
      requests: [request('R1', 'H1', -5), request('R2', 'H2', 20)],
      supply: [supply('H1', Number.NaN, -1), supply('H2', -40, Number.POSITIVE_INFINITY)],
    });
    expect(result.map((a) => a.lines[0]!.allocated)).toEqual([0, 7]);
  });

  it('settles 100,000 units across 300 homes without handing them out one by one', () => {
    const requests = Array.from({ length: 300 }, (_, i) => request(`R${i}`, `H${i}`, 1000 + i));
    const homes = requests.map((r, i) => supply(r.homeId, (i * 37) % 500, 5 + (i % 40)));
    const started = performance.now();
    const result = allocate({ stock: { [GLOVES]: 100_000 }, requests, supply: homes });
    expect(performance.now() - started).toBeLessThan(1000);
    expect(result.reduce((sum, a) => sum + a.lines[0]!.allocated, 0)).toBe(100_000);
  });
});
