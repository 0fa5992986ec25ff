/**
 * The overview screen's shaping, pure: the week-on-week sentences ("2 homes red for any PPE, down
 * from 6 last week"), the table's rows worst first, and the trend chart's lines.
 */
import { english, type Translator } from '../i18n/translate.ts';
import type { components } from './api-schema.generated.ts';
import { langOf, nameIn } from './names.ts';

export type Overview = components['schemas']['Overview'];
export type OverviewTrend = components['schemas']['OverviewTrend'];
type Figures = components['schemas']['OverviewFigures'];

/** "2 homes red for any PPE, down from 6 last week" (or "up from", "the same as", or no comparison); `head` is the first half. */
export function changeSentence(now: number, before: number | null | undefined, head: string, m: Translator = english): string {
  if (before === null || before === undefined) return m.t('overview.noWeekBefore', { head });
  if (before === now) return m.t('overview.same', { head });
  return m.t(now < before ? 'overview.down' : 'overview.up', { head, before });
}

export interface Totals {
  headline: string[];
  homes: number;
}

/** The totals in words, with the week before where there is one. */
export function totalsInWords(overview: Overview, item?: string, m: Translator = english, itemLabel: string | undefined = item): Totals {
  const before = overview.weekBefore;
  const what = itemLabel ? m.t('overview.forItem', { item: itemLabel }) : m.t('overview.forAny');
  const figures = overview.totals;
  const itemFigures = item ? figures.items.find((i) => i.sku === item) : undefined;
  const red = item ? (itemFigures?.red ?? 0) : figures.status.red;
  const amber = item ? (itemFigures?.amber ?? 0) : figures.status.amber;
  return {
    homes: figures.homes,
    headline: [
      changeSentence(red, item ? undefined : before?.status.red, m.t('overview.homesRed', { count: red, what }), m),
      changeSentence(amber, item ? undefined : before?.status.amber, m.t('overview.homesAmber', { count: amber, what }), m),
      changeSentence(figures.silent, before?.silent, m.t('overview.homesSilent', { count: figures.silent }), m),
    ],
  };
}

export interface OverviewRowView {
  key: string;
  name: string;
  /** 'en' when `name` is the English one on a Welsh page. */
  nameLang: 'en' | undefined;
  /** Where the row leads: a region's overview or a store's worklist. */
  target: { kind: 'region'; regionId: string } | { kind: 'store'; storeId: string } | null;
  homes: number;
  red: number;
  amber: number;
  unknown: number;
  green: number;
  silent: number;
}

/** The table's rows as the API orders them (worst first), with where each leads. */
export function rowsOf(overview: Overview, m: Translator = english): OverviewRowView[] {
  return overview.rows.map((row) => {
    const f: Figures = row.figures;
    const target = row.storeId ? ({ kind: 'store', storeId: row.storeId } as const) : row.regionId ? ({ kind: 'region', regionId: row.regionId } as const) : null;
    return {
      key: row.storeId ?? row.regionId ?? 'none',
      name: nameIn(row, m),
      nameLang: langOf(row, m),
      target,
      homes: f.homes,
      red: f.status.red,
      amber: f.status.amber,
      unknown: f.status.unknown,
      green: f.status.green,
      silent: f.silent,
    };
  });
}

export interface TrendChart {
  width: number;
  height: number;
  /** SVG polyline points per series; gaps (periods without a rollup) split a line. */
  red: string[];
  amber: string[];
  max: number;
  labels: { x: number; text: string }[];
  /** The same figures as a table, for screen readers and print. */
  table: { period: string; red: number | null; amber: number | null }[];
}

/** Red and amber homes per period as lines on a chart of the given size. */
export function trendChart(trend: OverviewTrend, width = 560, height = 180): TrendChart {
  const points = trend.points;
  const max = Math.max(1, ...points.flatMap((p) => [p.red ?? 0, p.amber ?? 0]));
  const step = points.length > 1 ? (width - 40) / (points.length - 1) : 0;
  const x = (i: number) => Math.round(30 + i * step);
  const y = (v: number) => Math.round(height - 20 - (v / max) * (height - 40));
  const lines = (pick: (p: (typeof points)[number]) => number | null | undefined) => {
    const segments: string[] = [];
    let current: string[] = [];
    points.forEach((p, i) => {
      const v = pick(p);
      if (v === null || v === undefined) {
        if (current.length) segments.push(current.join(' '));
        current = [];
      } else current.push(`${x(i)},${y(v)}`);
    });
    if (current.length) segments.push(current.join(' '));
    return segments;
  };
  return {
    width,
    height,
    max,
    red: lines((p) => p.red),
    amber: lines((p) => p.amber),
    labels: points.map((p, i) => ({ x: x(i), text: p.period.replace(/^\d{4}-/, '') })).filter((_, i) => i % Math.ceil(points.length / 6) === 0 || i === points.length - 1),
    table: points.map((p) => ({ period: p.period, red: p.red ?? null, amber: p.amber ?? null })),
  };
}
