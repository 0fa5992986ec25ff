/** The overview screen's shaping: the week-on-week sentences, the rows' targets, the trend's lines with gaps. */
import { describe, expect, it } from 'vitest';
import { changeSentence, rowsOf, totalsInWords, trendChart, type Overview, type OverviewTrend } from '../../web/model/overview.ts';

const figures = (red: number, amber: number, silent = 0) => ({ stores: 1, homes: 20, status: { red, amber, green: 20 - red - amber, unknown: 0 }, short: red + amber, silent, outbreak: 0, items: [{ sku: 'MASK-IIR', red: 1, amber: 0, unknown: 0, homesOnHand: 0, storeOnHand: 0, dailyUsage: 0, homesDays: null, storeDays: null }] });

const overview: Overview = {
  date: '2026-12-03',
  asOf: '2026-12-03T07:00:00.000Z',
  scope: 'nation',
  name: 'All regions',
  totals: figures(2, 13, 7),
  weekBefore: { date: '2026-11-26', homes: 20, status: { red: 6, amber: 13, green: 1, unknown: 0 }, short: 19, silent: 9 },
  rows: [
    { regionId: 'gwent', name: 'Gwent', figures: figures(2, 5) },
    { regionId: null, name: 'Stores in no region', figures: figures(0, 1) },
  ],
};

describe('the overview in words', () => {
  it('says the change week on week, as the commissioners said it', () => {
    expect(changeSentence(2, 6, '2 homes red for any PPE')).toBe('2 homes red for any PPE, down from 6 last week');
    expect(changeSentence(1, 0, '1 home red for any PPE')).toBe('1 home red for any PPE, up from 0 last week');
    expect(changeSentence(13, 13, '13 homes amber for any PPE')).toBe('13 homes amber for any PPE, the same as last week');
    expect(changeSentence(3, null, '3 homes red for any PPE')).toBe('3 homes red for any PPE (no figures for a week before)');
  });

  it('puts the totals and the week before together; one item has no week before', () => {
    expect(totalsInWords(overview).headline).toEqual([
      '2 homes red for any PPE, down from 6 last week',
      '13 homes amber for any PPE, the same as last week',
      '7 homes silent (no count for over 3 days), down from 9 last week',
    ]);
    expect(totalsInWords(overview, 'MASK-IIR').headline[0]).toBe('1 home red for MASK-IIR (no figures for a week before)');
  });

  it('leads a region row to the region; the stores in no region lead nowhere', () => {
    expect(rowsOf(overview).map((r) => r.target)).toEqual([{ kind: 'region', regionId: 'gwent' }, null]);
  });

  it('draws red and amber lines that break where a week has no figures', () => {
    const trend: OverviewTrend = {
      scope: 'nation',
      interval: 'week',
      from: '2026-11-09',
      to: '2026-12-03',
      points: [
        { period: '2026-W46', date: '2026-11-15', homes: 20, red: 6, amber: 10, unknown: 0, silent: 0 },
        { period: '2026-W47', date: null, homes: null, red: null, amber: null, unknown: null, silent: null },
        { period: '2026-W48', date: '2026-11-29', homes: 20, red: 4, amber: 9, unknown: 0, silent: 0 },
        { period: '2026-W49', date: '2026-12-03', homes: 20, red: 2, amber: 13, unknown: 0, silent: 0 },
      ],
    };
    const chart = trendChart(trend, 400, 200);
    expect(chart.max).toBe(13);
    expect(chart.red).toHaveLength(2);
    expect(chart.red[1]!.split(' ')).toHaveLength(2);
    expect(chart.table.map((r) => r.red)).toEqual([6, null, 4, 2]);
  });
});
