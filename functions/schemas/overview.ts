/** The overview: the daily rollup of the nation, a region and its stores, the trend, and their CSV exports. */
import * as z from 'zod/mini';
import { dateInput, isoDate, isoInstant, regionId, sku, exportLanguage } from './common.ts';
import { regionParams } from './registry.ts';
import type { OperationFragment } from './operation.ts';

const count = z.int();
const days = z.nullable(z.number());

export const itemFigures = z
  .object({
    sku: z.string(),
    red: count,
    amber: count,
    unknown: count,
    homesOnHand: count,
    storeOnHand: count,
    dailyUsage: z.number(),
    homesDays: days,
    storeDays: days,
  })
  .register(z.globalRegistry, {
    id: 'OverviewItemFigures',
    description:
      'One item: homes whose position of it is red, amber or unknown; units on hand (projected to the rollup’s asOf) at the homes and at the store(s); ' +
      'the homes’ usage a day (the store’s demand); and how many days of that usage the homes’ and the store’s stock last (null when nothing is used).',
  });

const homesByStatus = z
  .object({ red: count, amber: count, green: count, unknown: count })
  .register(z.globalRegistry, { id: 'HomesByStatus', description: 'Homes by overall status.' });

export const rollupFigures = z
  .object({
    stores: count,
    homes: count,
    status: homesByStatus,
    short: count,
    silent: count,
    outbreak: count,
    items: z.array(itemFigures),
  })
  .register(z.globalRegistry, {
    id: 'OverviewFigures',
    description:
      'Homes by overall status (their worst item’s, as the worklist shows it), homes short (an item under seven days) and silent (no count ' +
      'within the staleness limit), homes in outbreak (0 until outbreaks are recorded), and per item the figures above.',
  });

const weekBefore = z
  .object({ date: isoDate, homes: count, status: homesByStatus, short: count, silent: count })
  .register(z.globalRegistry, { id: 'OverviewWeekBefore', description: 'The same figures a week before, for the change in words.' });

export const overviewRow = z
  .object({
    regionId: z.optional(z.nullable(regionId)),
    storeId: z.optional(z.string()),
    name: z.string(),
    /** The region's or store's name in Welsh, when it has one. */
    nameCy: z.optional(z.string()),
    figures: rollupFigures,
  })
  .register(z.globalRegistry, { id: 'OverviewRow', description: 'One region (of the nation) or one store (of a region), and its figures.' });

const figuresExample = {
  stores: 2,
  homes: 41,
  status: { red: 2, amber: 13, green: 24, unknown: 2 },
  short: 14,
  silent: 2,
  outbreak: 0,
  items: [{ sku: 'MASK-IIR', red: 1, amber: 6, unknown: 2, homesOnHand: 18400, storeOnHand: 52000, dailyUsage: 2150, homesDays: 8.56, storeDays: 24.19 }],
};

export const overview = z
  .object({
    date: isoDate,
    asOf: isoInstant,
    scope: z.enum(['nation', 'region']),
    regionId: z.optional(regionId),
    name: z.string(),
    /** The nation's or region's name in Welsh, when it has one. */
    nameCy: z.optional(z.string()),
    totals: rollupFigures,
    /** The same figures a week before, for "down from 6 last week"; null when there is no rollup that day. */
    weekBefore: z.nullable(weekBefore),
    rows: z.array(overviewRow),
  })
  .register(z.globalRegistry, {
    id: 'Overview',
    description:
      'The picture on one date, from the daily rollup the shortfall job writes: totals, the same a week before, and one row per region ' +
      '(nation) or store (region), worst first (most homes red, then amber, unknown, silent).',
    examples: [
      {
        date: '2026-12-03',
        asOf: '2026-12-03T07:00:00.000Z',
        scope: 'region',
        regionId: 'gwent',
        name: 'Gwent Regional Partnership Board',
        nameCy: 'Bwrdd Partneriaeth Rhanbarthol Gwent',
        totals: figuresExample,
        weekBefore: { date: '2026-11-26', homes: 41, status: { red: 6, amber: 20, green: 13, unknown: 2 }, short: 26, silent: 2 },
        rows: [{ regionId: 'gwent', storeId: 'newport-jes', name: 'Newport JES', nameCy: 'Storfa Offer ar y Cyd Casnewydd', figures: { ...figuresExample, stores: 1 } }],
      },
    ],
  });

export const trendPoint = z.object({
  period: z.string(),
  date: z.nullable(isoDate),
  homes: z.nullable(count),
  red: z.nullable(count),
  amber: z.nullable(count),
  unknown: z.nullable(count),
  silent: z.nullable(count),
}).register(z.globalRegistry, { id: 'OverviewTrendPoint', description: 'One day or ISO week of the trend; null figures where no rollup was written.' });

export const trend = z
  .object({
    scope: z.enum(['nation', 'region']),
    regionId: z.optional(regionId),
    sku: z.optional(z.string()),
    interval: z.enum(['day', 'week']),
    from: isoDate,
    to: isoDate,
    points: z.array(trendPoint),
  })
  .register(z.globalRegistry, {
    id: 'OverviewTrend',
    description:
      'Homes red, amber, unknown (for `sku`: by that item’s status; otherwise by overall status) and silent, per day or ISO week. A week shows its ' +
      'latest rollup in the range; a period without a rollup has null figures.',
    examples: [
      {
        scope: 'nation',
        interval: 'week',
        from: '2026-11-23',
        to: '2026-12-03',
        points: [
          { period: '2026-W48', date: '2026-11-29', homes: 980, red: 6, amber: 20, unknown: 9, silent: 9 },
          { period: '2026-W49', date: '2026-12-03', homes: 982, red: 2, amber: 13, unknown: 7, silent: 7 },
        ],
      },
    ],
  });

export const overviewQuery = z.strictObject({ date: z.optional(dateInput) });
/** The exports' query: the date, and the language of the file. */
export const overviewExportQuery = z.strictObject({ date: z.optional(dateInput), lang: z.optional(exportLanguage) });

export const trendQuery = z.strictObject({
  from: z.optional(dateInput),
  to: z.optional(dateInput),
  regionId: z.optional(regionId),
  sku: z.optional(sku),
  interval: z.optional(z.enum(['day', 'week'])),
});

export const overviewCsv = z.string().register(z.globalRegistry, {
  id: 'OverviewCsv',
  description:
    'UTF-8 CSV with a byte-order mark, CRLF line ends and a header row: date, regionId, storeId, name, stores, homes, red, amber, green, unknown, ' +
    'short, silent, outbreak. One row per region (national) or store (regional), worst first, then a total row (name "Total"). ' +
    'In Welsh (`?lang=cy`, or `Accept-Language: cy`): Welsh headers (dyddiad, idRhanbarth, idStorfa, enw, storfeydd, cartrefi, coch, ambr, gwyrdd, anhysbys, prin, tawel, brigiad), ' +
    'the Welsh names (`nameCy`, else the name) and a total row named "Cyfanswm".',
});

export type Overview = z.infer<typeof overview>;
export type OverviewRow = z.infer<typeof overviewRow>;
export type Trend = z.infer<typeof trend>;
export type TrendQuery = z.infer<typeof trendQuery>;

const dateNote =
  '`date` (YYYY-MM-DD, London) defaults to the latest rollup on or before today: before the 07:00 job it is yesterday’s. A date without a rollup is 404.';
const langNote = '`lang=cy` (or `Accept-Language: cy`) gives it in Welsh; `Content-Language` says which; another `lang` is 400.';
const csvResponse = { schema: overviewCsv, description: 'The CSV file.', mediaType: 'text/csv' } as const;

export const operations = {
  'GET /v1/overview': {
    description: `The nation on one date: totals, the same a week before, and one row per region (stores in no region as a row of their own). Administrators only. ${dateNote} Reads the rollup: one Query and one GetItem, whatever the number of homes.`,
    query: overviewQuery,
    responses: { 200: overview },
    problems: { 404: 'No rollup for this date (the shortfall job writes it).' },
  },
  'GET /v1/regions/{regionId}/overview': {
    description: `A region on one date: totals, the same a week before, and one row per store. The region itself and administrators may read it. ${dateNote}`,
    params: regionParams,
    query: overviewQuery,
    responses: { 200: overview },
    problems: { 404: 'No region has this id, or no rollup for this date.' },
  },
  'GET /v1/overview/trend': {
    description:
      'Homes red, amber, unknown and silent for each day or ISO week from `from` to `to` (defaults: the 12 weeks, or 30 days, to today), for the ' +
      'nation or one region (`regionId`), for any item or one (`sku`). At most 92 days or 53 weeks a call. Administrators read any; a region its own. One Query.',
    query: trendQuery,
    responses: { 200: trend },
    problems: { 400: 'A date is not a date, `from` is after `to`, or the range is longer than 92 days (by day) or 53 weeks (by week).' },
  },
  'GET /v1/overview/export.csv': {
    description: `The national table as a spreadsheet (CSV), named \`carestock-overview-<date>.csv\`. Administrators only. ${dateNote} ${langNote}`,
    query: overviewExportQuery,
    localized: true,
    responses: { 200: csvResponse },
    problems: { 404: 'No rollup for this date.' },
  },
  'GET /v1/regions/{regionId}/export.csv': {
    description: `A region’s table of stores as a spreadsheet (CSV), named \`carestock-<regionId>-<date>.csv\`. The region itself and administrators. ${dateNote} ${langNote}`,
    params: regionParams,
    query: overviewExportQuery,
    localized: true,
    responses: { 200: csvResponse },
    problems: { 404: 'No region has this id, or no rollup for this date.' },
  },
} as const satisfies OperationFragment;
