import { describe, expect, it } from 'vitest';
import { barCount, buildSupplyChart } from '../../web/model/supply-chart.ts';
import { items, position } from './web-fixtures.ts';

describe('the days-of-supply chart', () => {
  const homes = [
    { homeId: 'r', homeName: 'Red Home', positions: [position('APRON', { daysOfSupply: 40 }), position('MASK-IIR', { daysOfSupply: 1.5, status: 'red' })] },
    { homeId: 'g', homeName: 'Green Home', positions: [position('APRON', { daysOfSupply: 14 })] },
  ];

  it('draws one group per home in the given order, bars fewest days first', () => {
    const chart = buildSupplyChart(homes, { items });
    expect(chart.groups.map((g) => g.homeId)).toEqual(['r', 'g']);
    expect(chart.groups[0]!.bars.map((b) => b.sku)).toEqual(['MASK-IIR', 'APRON']);
    expect(chart.groups[0]!.bars[0]!.label).toBe('Type IIR surgical mask');
    expect(chart.groups[0]!.bars[0]!.status.word).toBe('Red');
  });

  it('marks the seven-day line on the same scale as the bars', () => {
    const chart = buildSupplyChart(homes, { items, scaleDays: 28 });
    expect(chart.shortfallLine.label).toBe('7 days');
    expect(chart.shortfallLine.x).toBeCloseTo(chart.plotLeft + chart.plotWidth / 4);
    const fourteen = chart.groups[1]!.bars[0]!;
    expect(chart.plotLeft + fourteen.width).toBeCloseTo(chart.plotLeft + chart.plotWidth / 2);
  });

  it('cuts long bars at the scale’s end and says so', () => {
    const chart = buildSupplyChart(homes, { items, scaleDays: 28 });
    const long = chart.groups[0]!.bars[1]!;
    expect(long.capped).toBe(true);
    expect(long.width).toBeCloseTo(chart.plotWidth);
    expect(long.valueText).toBe('40 days');
    expect(chart.ticks.at(-1)!.label).toBe('28+ days');
  });

  it('keeps bars inside the picture, one below the other', () => {
    const chart = buildSupplyChart(homes, { items });
    const bars = chart.groups.flatMap((g) => g.bars);
    for (let i = 1; i < bars.length; i++) expect(bars[i]!.y).toBeGreaterThan(bars[i - 1]!.y);
    expect(bars.at(-1)!.y + chart.barHeight).toBeLessThanOrEqual(chart.height);
  });

  it('filters to one item and summarises for screen readers', () => {
    const chart = buildSupplyChart(homes, { items, sku: 'APRON' });
    expect(chart.groups.flatMap((g) => g.bars).map((b) => b.sku)).toEqual(['APRON', 'APRON']);
    expect(chart.summary).toBe('Days of supply of Disposable plastic apron at 2 homes: 0 of 2 lines are under 7 days.');
    expect(buildSupplyChart(homes, { items }).summary).toContain('1 of 3 lines are under 7 days');
  });

  it('says what a line without a figure means, never counted first', () => {
    const chart = buildSupplyChart(
      [{ homeId: 'h', homeName: 'H', positions: [position('APRON', { daysOfSupply: null, dailyUsage: 0 }), position('MASK-IIR', { daysOfSupply: null, countedAt: null, status: 'unknown' })] }],
      { items },
    );
    expect(chart.groups[0]!.bars.map((b) => [b.valueText, b.width])).toEqual([
      ['never counted', 0],
      ['no use recorded', 0],
    ]);
  });

  it('says so when there is nothing to chart', () => {
    expect(buildSupplyChart([], { items }).summary).toBe('No counted stock to chart yet.');
  });

  it('can show only the lines needing attention, for stores with many homes', () => {
    const chart = buildSupplyChart(homes, { items, needingAttention: true });
    expect(chart.groups.map((g) => g.homeId)).toEqual(['r']);
    expect(chart.groups[0]!.bars.map((b) => b.sku)).toEqual(['MASK-IIR']);
    expect(chart.summary).toBe('Days of supply of the lines needing attention at 1 home: 1 of 1 line is under 7 days.');
    expect(buildSupplyChart([homes[1]!], { items, needingAttention: true }).summary).toBe('No line needs attention: every counted line has enough.');
    expect(barCount(homes)).toBe(3);
  });
});
