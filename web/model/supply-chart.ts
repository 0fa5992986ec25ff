/**
 * The geometry of the days-of-supply chart: one group per home (worst first, as the worklist),
 * one horizontal bar per item, a scale capped so one well-stocked line does not squash the rest,
 * and the shortfall line (7 days) marked. Pure: the component only draws what this returns.
 */
import { english, type Translator } from '../i18n/translate.ts';
import type { Item, Position } from './api-types.ts';
import { formatDays } from './format.ts';
import { itemName } from './names.ts';
import { compareStatus, defaultThresholds, presentStatus, type StatusPresentation, type Thresholds } from './status.ts';
import { compareDays } from './worklist.ts';

export interface ChartInput {
  homeId: string;
  homeName: string;
  positions: readonly Position[];
}

export interface ChartOptions {
  items: ReadonlyMap<string, Item>;
  thresholds?: Thresholds;
  /** Only this SKU; all items when absent. */
  sku?: string;
  /** Only the lines that are not green: for a store with many homes, where every line is too many to read. */
  needingAttention?: boolean;
  /** Days at the right edge; longer bars are cut there and say so. */
  scaleDays?: number;
  width?: number;
  m?: Translator;
}

export interface ChartBar {
  key: string;
  sku: string;
  label: string;
  days: number | null;
  valueText: string;
  y: number;
  width: number;
  /** The bar is cut at the scale's end. */
  capped: boolean;
  status: StatusPresentation;
}

export interface ChartGroup {
  homeId: string;
  title: string;
  y: number;
  bars: ChartBar[];
}

export interface SupplyChart {
  width: number;
  height: number;
  plotLeft: number;
  plotWidth: number;
  barHeight: number;
  scaleDays: number;
  ticks: { x: number; label: string }[];
  shortfallLine: { x: number; label: string };
  groups: ChartGroup[];
  /** A sentence for screen readers: what the chart shows and what matters in it. */
  summary: string;
}

const ROW = 26;
const BAR = 16;
const GROUP_TITLE = 30;
const GROUP_GAP = 12;
const AXIS = 30;

/** Past this many bars the chart starts on the lines needing attention (the reader can still choose every line). */
export const CHART_BAR_LIMIT = 60;

export function barCount(homes: readonly ChartInput[]): number {
  return homes.reduce((n, h) => n + h.positions.length, 0);
}

export function buildSupplyChart(homes: readonly ChartInput[], options: ChartOptions): SupplyChart {
  const thresholds = options.thresholds ?? defaultThresholds;
  const m = options.m ?? english;
  const width = options.width ?? 840;
  const plotLeft = 250;
  const plotWidth = width - plotLeft - 90;
  const scaleDays = options.scaleDays ?? thresholds.shortfallDays * 4;
  const xOf = (days: number) => (Math.min(days, scaleDays) / scaleDays) * plotWidth;

  let y = AXIS;
  let bars = 0;
  let under = 0;
  const groups: ChartGroup[] = [];
  for (const home of homes) {
    const positions = home.positions
      .filter((p) => (options.sku === undefined || p.sku === options.sku) && (!options.needingAttention || p.status !== 'green'))
      .sort((a, b) => compareDays(a.daysOfSupply, b.daysOfSupply) || compareStatus(a.status, b.status) || a.sku.localeCompare(b.sku));
    if (positions.length === 0) continue;
    const group: ChartGroup = { homeId: home.homeId, title: home.homeName, y, bars: [] };
    y += GROUP_TITLE;
    for (const p of positions) {
      const days = p.daysOfSupply;
      if (days !== null && days < thresholds.shortfallDays) under++;
      bars++;
      group.bars.push({
        key: `${home.homeId}/${p.sku}`,
        sku: p.sku,
        label: itemName(options.items, p.sku, m),
        days,
        valueText: days === null ? (p.countedAt === null ? m.t('chart.neverCounted') : m.t('format.noUse')) : formatDays(days, m),
        y,
        width: days === null ? 0 : Math.max(days > 0 ? 2 : 0, xOf(days)),
        capped: days !== null && days > scaleDays,
        status: presentStatus(p.status, thresholds, m),
      });
      y += ROW;
    }
    y += GROUP_GAP;
    groups.push(group);
  }

  const step = thresholds.shortfallDays;
  const ticks: SupplyChart['ticks'] = [];
  for (let d = 0; d <= scaleDays; d += step) ticks.push({ x: plotLeft + xOf(d), label: d === scaleDays ? m.t('chart.daysPlus', { days: d }) : `${d}` });
  const what = options.sku ? itemName(options.items, options.sku, m) : options.needingAttention ? m.t('chart.theLinesNeedingAttention') : m.t('chart.everyItem');
  const summary =
    bars === 0
      ? options.needingAttention
        ? m.t('chart.noneNeedAttention')
        : m.t('chart.nothing')
      : m.t('chart.summary', {
          what,
          homes: m.t('chart.homes', { count: groups.length }),
          under: m.t('chart.under', { count: bars, under, days: thresholds.shortfallDays }),
        });
  return {
    width,
    height: Math.max(y, AXIS + ROW),
    plotLeft,
    plotWidth,
    barHeight: BAR,
    scaleDays,
    ticks,
    shortfallLine: { x: plotLeft + xOf(thresholds.shortfallDays), label: m.t('chart.lineLabel', { days: thresholds.shortfallDays }) },
    groups,
    summary,
  };
}
