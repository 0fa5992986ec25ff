import { describe, expect, it } from 'vitest';
import { dateInZone, startOfDateInZone } from '../../functions/domain/zoned-dates.ts';

describe('dates in a store’s time zone', () => {
  it('names the local day of an instant', () => {
    expect(dateInZone(new Date('2026-06-30T23:30:00Z'), 'Europe/London')).toBe('2026-07-01'); // BST
    expect(dateInZone(new Date('2026-12-31T23:30:00Z'), 'Europe/London')).toBe('2026-12-31'); // GMT
    expect(dateInZone(new Date('2026-12-31T23:30:00Z'), 'Asia/Tokyo')).toBe('2027-01-01');
  });

  it('finds the instant a local day starts, either side of the clock changes', () => {
    expect(startOfDateInZone('2026-12-01', 'Europe/London').toISOString()).toBe('2026-12-01T00:00:00.000Z');
    expect(startOfDateInZone('2026-07-01', 'Europe/London').toISOString()).toBe('2026-06-30T23:00:00.000Z');
    // The days the clocks change (29 March and 25 October 2026): midnight is before the change.
    expect(startOfDateInZone('2026-03-29', 'Europe/London').toISOString()).toBe('2026-03-29T00:00:00.000Z');
    expect(startOfDateInZone('2026-10-25', 'Europe/London').toISOString()).toBe('2026-10-24T23:00:00.000Z');
    expect(startOfDateInZone('2026-03-30', 'Europe/London').toISOString()).toBe('2026-03-29T23:00:00.000Z');
    expect(startOfDateInZone('2026-05-01', 'America/New_York').toISOString()).toBe('2026-05-01T04:00:00.000Z');
  });

  it('takes the first instant of a day whose midnight does not exist', () => {
    // Santiago skips 00:00–01:00 when summer time starts (6 September 2026).
    const start = startOfDateInZone('2026-09-06', 'America/Santiago');
    expect(dateInZone(start, 'America/Santiago')).toBe('2026-09-06');
    expect(dateInZone(new Date(start.getTime() - 1), 'America/Santiago')).toBe('2026-09-05');
  });

  it('round-trips every day of a year', () => {
    for (let day = 0; day < 366; day++) {
      const date = new Date(Date.UTC(2026, 0, 1 + day)).toISOString().slice(0, 10);
      const start = startOfDateInZone(date, 'Europe/London');
      expect(dateInZone(start, 'Europe/London')).toBe(date);
      expect(dateInZone(new Date(start.getTime() - 1), 'Europe/London')).not.toBe(date);
    }
  });
});
