import { describe, expect, it } from 'vitest';
import { buildWorklist, describeLastCount, drivingPositions } from '../../web/model/worklist.ts';
import type { StoreHome } from '../../web/model/api-types.ts';
import { items, position } from './web-fixtures.ts';
import type { Position } from '../../web/model/api-types.ts';

const context = { items, timeZone: 'Europe/London', today: '2026-11-23' };
const home = (homeId: string, name: string, extra: Partial<StoreHome> = {}): StoreHome => ({ homeId, name, storeId: 's1', ...extra });

describe('the store worklist', () => {
  it('puts homes worst first: red, amber, unknown, green; then fewest days; then name', () => {
    const rows = buildWorklist(
      [
        home('g', 'Green Home', { status: 'green', drivers: [] }),
        home('u', 'Unknown Home', { status: 'unknown', drivers: [] }),
        home('a2', 'Amber B', { status: 'amber', drivers: [position('APRON', { status: 'amber', daysOfSupply: 5, runoutDate: '2026-11-28T09:00:00Z' })] }),
        home('a1', 'Amber A', { status: 'amber', drivers: [position('APRON', { status: 'amber', daysOfSupply: 6, runoutDate: '2026-11-29T09:00:00Z' })] }),
        home('r', 'Red Home', { status: 'red', drivers: [position('MASK-IIR', { status: 'red', daysOfSupply: 1.5, runoutDate: '2026-11-24T21:00:00Z' })] }),
      ],
      context,
    );
    expect(rows.map((r) => r.homeId)).toEqual(['r', 'a2', 'a1', 'u', 'g']);
    expect(rows[0]!.status.word).toBe('Red');
    expect(rows[0]!.driving[0]).toMatchObject({
      sku: 'MASK-IIR',
      itemName: 'Type IIR surgical mask',
      daysText: '1.5 days',
      runoutIso: '2026-11-24',
      runoutText: 'runs out tomorrow',
    });
  });

  it('derives status and driving items from a home’s positions (?positions=all) when the worklist entry has none', () => {
    const positions: Position[] = [
      position('MASK-IIR', { status: 'green', daysOfSupply: 12 }),
      position('APRON', { status: 'amber', daysOfSupply: 6 }),
      position('GLOVE-NITRILE-M', { status: 'amber', daysOfSupply: 4 }),
    ];
    const [row] = buildWorklist([home('h', 'Home', { positions })], context);
    expect(row!.status.word).toBe('Amber');
    expect(row!.driving.map((d) => d.sku)).toEqual(['GLOVE-NITRILE-M', 'APRON']);
    expect(row!.fewestDays).toBe(4);
  });

  it('lists every item needing attention worst first: a red home’s amber items after its red ones', () => {
    const driving = drivingPositions([
      position('APRON', { status: 'amber', daysOfSupply: 4 }),
      position('MASK-IIR', { status: 'red', daysOfSupply: 2 }),
      position('GLOVE-NITRILE-M', { status: 'green', daysOfSupply: 9 }),
      position('VISOR', { status: 'unknown', daysOfSupply: null }),
    ]);
    expect(driving.map((p) => p.sku)).toEqual(['MASK-IIR', 'APRON', 'VISOR']);
  });

  it('shows a home with no stock at all as unknown, not green', () => {
    const [row] = buildWorklist([home('h', 'Home')], context);
    expect(row!.status.word).toBe('Unknown');
    expect(row!.driving).toEqual([]);
  });

  it('shows at most three driving items and says how many more', () => {
    const driving: Position[] = ['A', 'B', 'C', 'D', 'E'].map((sku, i) => position(sku, { status: 'red', daysOfSupply: i, runoutDate: null }));
    const [row] = buildWorklist([home('h', 'Home', { status: 'red', drivers: driving })], context);
    expect(row!.driving.map((d) => d.sku)).toEqual(['A', 'B', 'C']);
    expect(row!.moreDriving).toBe(2);
  });

  it('takes no driving items from an all-green home', () => {
    expect(drivingPositions([position('APRON'), position('MASK-IIR')])).toEqual([]);
    expect(drivingPositions([])).toEqual([]);
  });

  it('puts positions without a figure after those with one', () => {
    const driving = drivingPositions([
      position('A', { status: 'unknown', daysOfSupply: null, countedAt: null }),
      position('B', { status: 'unknown', daysOfSupply: 2 }),
    ]);
    expect(driving.map((p) => p.sku)).toEqual(['B', 'A']);
  });

  it('says when a home last counted, in the store’s zone', () => {
    expect(describeLastCount('2026-11-23T08:10:00Z', 'Europe/London', '2026-11-23')).toBe('today 08:10');
    expect(describeLastCount('2026-11-22T17:30:00Z', 'Europe/London', '2026-11-23')).toBe('yesterday 17:30');
    expect(describeLastCount('2026-11-20T09:00:00Z', 'Europe/London', '2026-11-23')).toBe('Fri 20 Nov');
    expect(describeLastCount(null, 'Europe/London', '2026-11-23')).toBe('never');
    expect(describeLastCount(undefined, 'Europe/London', '2026-11-23')).toBeNull();
  });
});
