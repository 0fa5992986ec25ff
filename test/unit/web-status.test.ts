import { describe, expect, it } from 'vitest';
import { compareStatus, presentStatus, statusCounts, worstOf } from '../../web/model/status.ts';
import type { StockStatus } from '../../web/model/api-types.ts';

describe('status on the page', () => {
  it('always carries a word and a distinct symbol besides the colour', () => {
    const all: StockStatus[] = ['red', 'amber', 'green', 'unknown'];
    const shown = all.map((s) => presentStatus(s));
    expect(shown.map((p) => p.word)).toEqual(['Red', 'Amber', 'Green', 'Unknown']);
    expect(new Set(shown.map((p) => p.symbol)).size).toBe(4);
    expect(new Set(shown.map((p) => p.className)).size).toBe(4);
    for (const p of shown) expect(p.meaning.length).toBeGreaterThan(10);
  });

  it('states the thresholds it is given', () => {
    expect(presentStatus('amber', { criticalDays: 2, shortfallDays: 10, staleAfterDays: 5 }).meaning).toContain('10 days');
    expect(presentStatus('unknown', { criticalDays: 2, shortfallDays: 10, staleAfterDays: 5 }).meaning).toContain('5 days');
  });

  it('treats a missing status as unknown', () => {
    expect(presentStatus(undefined).word).toBe('Unknown');
  });

  it('orders red, amber, unknown, green', () => {
    const sorted = (['green', 'unknown', 'red', 'amber'] as StockStatus[]).sort(compareStatus);
    expect(sorted).toEqual(['red', 'amber', 'unknown', 'green']);
    expect(worstOf(['green', 'amber', 'unknown'])).toBe('amber');
    expect(worstOf([])).toBe('unknown');
  });

  it('counts statuses worst first, leaving out zeros', () => {
    expect(statusCounts(['green', 'red', 'green', undefined])).toEqual([
      { status: 'red', count: 1 },
      { status: 'unknown', count: 1 },
      { status: 'green', count: 2 },
    ]);
  });
});
