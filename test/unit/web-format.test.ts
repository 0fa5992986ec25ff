import { describe, expect, it } from 'vitest';
import { addDays, formatAge, formatClock, formatDate, formatDayRelative, formatDays, formatRunout, isoDateInZone } from '../../web/model/format.ts';

describe('page formatting', () => {
  it('never rounds a figure under the line up to it', () => {
    expect(formatDays(6.99)).toBe('6.9 days');
    expect(formatDays(2.45)).toBe('2.4 days');
    expect(formatDays(1)).toBe('1 day');
    expect(formatDays(0)).toBe('0 days');
    expect(formatDays(13.6)).toBe('14 days');
    expect(formatDays(null)).toBe('no use recorded');
  });

  it('gives dates in the store’s zone, not the browser’s', () => {
    // 23:30 UTC on 30 June is already 1 July in London (BST).
    expect(isoDateInZone('2026-06-30T23:30:00Z', 'Europe/London')).toBe('2026-07-01');
    expect(isoDateInZone('2026-12-30T23:30:00Z', 'Europe/London')).toBe('2026-12-30');
    expect(formatClock(new Date('2026-06-30T08:14:05Z'), 'Europe/London')).toBe('09:14:05');
  });

  it('does calendar arithmetic across month and year ends', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('writes dates as a reader says them', () => {
    expect(formatDate('2026-11-26', '2026-11-23')).toBe('Thu 26 Nov');
    expect(formatDate('2027-01-02', '2026-11-23')).toBe('Sat 2 Jan 2027');
    expect(formatDayRelative('2026-11-23', '2026-11-23')).toBe('today');
    expect(formatDayRelative('2026-11-24', '2026-11-23')).toBe('tomorrow');
  });

  it('says when a line runs or ran out', () => {
    expect(formatRunout('2026-11-24T10:00:00Z', 'Europe/London', '2026-11-23')).toEqual({ iso: '2026-11-24', text: 'runs out tomorrow' });
    expect(formatRunout('2026-11-20T10:00:00Z', 'Europe/London', '2026-11-23')).toEqual({ iso: '2026-11-20', text: 'ran out Fri 20 Nov' });
    expect(formatRunout(null, 'Europe/London', '2026-11-23')).toEqual({ iso: null, text: 'not expected to run out' });
  });

  it('gives the age of data in words', () => {
    const now = new Date('2026-11-23T10:00:00Z');
    expect(formatAge(new Date('2026-11-23T09:59:30Z'), now)).toBe('just now');
    expect(formatAge(new Date('2026-11-23T09:57:00Z'), now)).toBe('3 min ago');
    expect(formatAge(new Date('2026-11-23T07:00:00Z'), now)).toBe('3 h ago');
  });
});
