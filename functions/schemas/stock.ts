/**
 * Stock counts in; positions, history and the store's worklist out. Request schemas validate;
 * response schemas document (OpenAPI) and are checked by the tests.
 */
import * as z from 'zod/mini';
import { pageQueryShape } from '../data/pagination.ts';
import { homeId, instantInput, isoDate, isoInstant, MAX_UNITS, pageOf, rate, skuLines, sku, storeId, units } from './common.ts';
import { home, homeParams, storeParams } from './registry.ts';
import type { CsvBody, OperationFragment } from './operation.ts';
import { t } from '../i18n/messages.ts';

export const MAX_COUNT_LINES = 100;
export const MAX_DAILY_USAGE = 1_000_000;

/** A count's id in the position's history (`countId` in a count's answer, `eventId` in the history). */
export const countId = z.string().check(z.regex(/^count-[0-9a-f]{20}$/, { error: () => t('field.countId') }));

/** null clears a level; absent keeps the stored one. */
const level = z.optional(z.nullable(units(0, MAX_UNITS)));

export const countLine = z.strictObject({
  sku,
  onHand: units(),
  reorderLevel: level,
  targetLevel: level,
  /** Declared usage (units/day; fractions allowed: it is a rate), used until counts allow an estimate. */
  dailyUsage: z.optional(rate(MAX_DAILY_USAGE)),
  /** A recount: the countId of the position's latest count, which this one corrects. */
  corrects: z.optional(countId),
}).register(z.globalRegistry, {
  id: 'StockCountLine',
  description:
    "One SKU's count. reorderLevel/targetLevel: null clears, absent keeps. dailyUsage: a declared usage, used until two counts give an estimate. " +
    '`corrects`: this line is a recount of the position’s latest count (its `countId`): that count’s usage observation is withdrawn and the estimate recomputed from the history as if it had not happened; the history keeps both.',
});

export const countPost = z.strictObject({
  countedAt: instantInput,
  lines: skuLines(countLine, MAX_COUNT_LINES),
}).register(z.globalRegistry, {
    id: 'StockCountPost',
    examples: [{ countedAt: '2026-03-10T08:00:00Z', lines: [{ sku: 'MASK-IIR', onHand: 1200, reorderLevel: 400, dailyUsage: 60 }, { sku: 'APRON', onHand: 3000 }] }], description: 'A stock count: one instant, up to 100 lines, one per SKU. All or nothing.' });

export const stockStatus = z.enum(['red', 'amber', 'green', 'unknown']);
export const lateReason = z.enum(['before-last-count', 'before-last-receipt']);

export const positionView = z.object({
  sku,
  onHand: z.int(),
  projectedOnHand: z.int(),
  /** The usage estimate (declared until counts give one). */
  dailyUsage: z.number(),
  /** The usage days of supply, run-out, status and the suggested order are computed with. */
  forecastUsage: z.number(),
  /** `outbreak` while the home's open outbreak raises usage above the estimate; `estimate` otherwise. */
  usageBasis: z.enum(['estimate', 'outbreak']),
  /** null when usage is 0 (unbounded) or never counted. */
  daysOfSupply: z.nullable(z.number()),
  runoutDate: z.nullable(isoInstant),
  status: stockStatus,
  reorderLevel: z.nullable(z.int()),
  targetLevel: z.nullable(z.int()),
  suggestedOrder: z.int(),
  countedAt: z.nullable(isoInstant),
}).register(z.globalRegistry, {
  id: 'StockPosition',
  description:
    'One location × SKU, projected to asOf. `forecastUsage` is the estimate, or while the home has an open outbreak ' +
    'max(estimate, usage before the outbreak + isolatingResidents × the item’s perCaseDailyUsage) (`usageBasis: "outbreak"` when that is larger).',
});

/** GET …/stock: the location's worst item's status, and every position worst first. */
export const locationStock = z.object({
  status: stockStatus,
  /** The instant the projections are made to. */
  asOf: isoInstant,
  positions: z.array(positionView),
}).register(z.globalRegistry, { id: 'LocationStock', description: "A location's positions, worst first; status is the worst item's." });

export const countLineOutcome = z.object({
  sku,
  applied: z.boolean().check(z.describe('false: the line changed nothing; `notAppliedReason` says why')),
  notAppliedReason: z.nullable(z.enum(['before-last-count', 'before-last-receipt', 'repeats-current-count'])).check(
    z.describe(
      'Why the line changed nothing (null when applied): older than the position\'s last count or last receipt (it went into history only), ' +
        'or the very count the position already holds (same countedAt and figures: a re-posted file)',
    ),
  ),
  lateReason: z.nullable(lateReason),
  /** Units of unrecorded receipt the count revealed (recorded as an adjustment), else 0. */
  adjustment: z.int(),
  observedUsage: z.nullable(z.number()),
  /** The count's id in the position's history: what a recount names in `corrects`. */
  countId: z.string(),
}).register(z.globalRegistry, { id: 'StockCountLineOutcome', description: 'What one line of a count did.' });

/** 200 to a count post: the posted SKUs' positions after it, in line order, and what each line did. */
export const countsRecorded = z.object({
  countedAt: isoInstant,
  asOf: isoInstant,
  positions: z.array(positionView),
  lines: z.array(countLineOutcome),
}).register(z.globalRegistry, { id: 'StockCountsRecorded', description: 'The positions after a count, in line order, and what each line did.' });

export const stockEventView = z.object({
  eventId: z.string(),
  kind: z.enum(['count', 'receipt', 'adjustment', 'dispatch']),
  sku,
  at: isoInstant,
  onHand: z.nullable(z.int()),
  quantity: z.nullable(z.int()),
  applied: z.boolean(),
  lateReason: z.nullable(lateReason),
  observedUsage: z.nullable(z.number()),
  dailyUsage: z.nullable(z.number()),
  reference: z.nullable(z.string()),
  /** A recount: the count it corrects (whose usage observation was withdrawn). */
  corrects: z.optional(z.string()),
  /** A corrected count: the recount that corrected it. */
  correctedBy: z.optional(z.string()),
  recordedAt: isoInstant,
  recordedBy: z.string(),
}).register(z.globalRegistry, { id: 'StockEvent', description: 'One entry of a position history: a count, a receipt, an adjustment, or a dispatch (units a store sent out on a delivery).' });
export const stockHistoryPage = pageOf(stockEventView).register(z.globalRegistry, { id: 'StockEventPage', description: 'A page of a position history, newest first.' });

/** One home of a store's worklist: the home, its overall status, and the positions that need attention. */
export const worklistHome = z.object({
  ...home.shape,
  status: stockStatus,
  lastCountedAt: z.nullable(isoInstant),
  /** The home's open outbreak, null when none: the worklist names homes in outbreak. */
  outbreak: z.nullable(
    z
      .object({ outbreakId: z.string(), isolatingResidents: z.int(), startedOn: isoDate, expectedEndOn: z.nullable(isoDate) })
      .register(z.globalRegistry, { id: 'OutbreakSummary', description: 'A home’s open outbreak, in short.' }),
  ),
  /** Every position that is not green, worst first: the first ones set the home's status. */
  drivers: z.array(positionView),
  /** Every position of the home, worst first, green ones too: only with `?positions=all`. */
  positions: z.optional(z.array(positionView)),
}).register(z.globalRegistry, { id: 'WorklistHome', description: 'A home of the store worklist: its overall status and the positions that need attention (and, with `?positions=all`, every position).' });
export const worklistPage = pageOf(worklistHome).register(z.globalRegistry, { id: 'WorklistPage', description: 'The store worklist: homes worst first.' });

export const worklistQuery = z.strictObject({
  ...pageQueryShape,
  status: z.optional(stockStatus),
  /** `all` adds each home's every position (green ones too) as `positions`; absent, only `drivers`. */
  positions: z.optional(z.enum(['all'])),
});
export const historyQuery = z.strictObject(pageQueryShape);

export const homeSkuParams = z.strictObject({ homeId, sku });
export const storeSkuParams = z.strictObject({ storeId, sku });

export type CountPost = z.infer<typeof countPost>;
export type CountLine = z.infer<typeof countLine>;
export type PositionViewBody = z.infer<typeof positionView>;
export type LocationStock = z.infer<typeof locationStock>;
export type CountsRecorded = z.infer<typeof countsRecorded>;
export type WorklistHome = z.infer<typeof worklistHome>;
export type StockStatusValue = z.infer<typeof stockStatus>;

/** The CSV form of a count post: the columns count-csv.ts reads (the coverage test holds them equal). */
const countCsvBody: CsvBody = {
  columns: [
    { name: 'countedAt', required: true, description: 'When the count was taken: an ISO 8601 instant with an offset. The same on every row: one count per upload.' },
    { name: 'sku', required: true, description: 'A catalogue SKU; one row per SKU.' },
    { name: 'onHand', required: true, description: 'Whole units on hand.' },
    { name: 'reorderLevel', required: false, description: 'Whole units; an empty cell keeps the stored level.' },
    { name: 'targetLevel', required: false, description: 'Whole units, the order-up-to level; an empty cell keeps the stored level.' },
    { name: 'dailyUsage', required: false, description: 'Declared usage in units a day (fractions allowed), used until two counts give an estimate.' },
  ],
  example: 'countedAt,sku,onHand,reorderLevel\n2026-03-10T08:00:00Z,MASK-IIR,1200,400\n2026-03-10T08:00:00Z,GLOVE-NITRILE-M,3000,\n',
  description: 'Row n (from 0) is `lines[n]`, and its faults are named `/lines/<n>/<column>`.',
};

const countDescription = (who: string) =>
  `${who} All lines or none: one bad line refuses the post with every bad line named, and nothing is written. ` +
  'A count older than the position\'s current one goes into history without replacing it (`applied: false`).';

export const operations = {
  'POST /v1/homes/{homeId}/stock-counts': {
    description: countDescription('A home posts its own count; its store may post for it.'),
    params: homeParams,
    body: countPost,
    csv: countCsvBody,
    responses: { 200: countsRecorded },
    problems: {
      404: 'No home has this id.',
      409: 'Other counts for the same positions kept arriving at the same moment; nothing was recorded. Retry the post.',
    },
  },
  'POST /v1/stores/{storeId}/stock-counts': {
    description: countDescription("A store posts the count of its own stock."),
    params: storeParams,
    body: countPost,
    csv: countCsvBody,
    responses: { 200: countsRecorded },
    problems: {
      404: 'No store has this id.',
      409: 'Other counts for the same positions kept arriving at the same moment; nothing was recorded. Retry the post.',
    },
  },
  'GET /v1/homes/{homeId}/stock': {
    description: "Every position of the home projected to now, worst first; `status` is the worst item's.",
    params: homeParams,
    responses: { 200: locationStock },
    problems: { 404: 'No home has this id.' },
  },
  'GET /v1/stores/{storeId}/stock': {
    description: "The store's own positions projected to now, worst first; `status` is the worst item's.",
    params: storeParams,
    responses: { 200: locationStock },
    problems: { 404: 'No store has this id.' },
  },
  'GET /v1/homes/{homeId}/stock/{sku}/history': {
    description: 'Counts, receipts and adjustments of one position, newest first.',
    params: homeSkuParams,
    query: historyQuery,
    responses: { 200: stockHistoryPage },
    problems: { 404: 'No home has this id.' },
  },
  'GET /v1/stores/{storeId}/stock/{sku}/history': {
    description: 'Counts, receipts and adjustments of one store position, newest first.',
    params: storeSkuParams,
    query: historyQuery,
    responses: { 200: stockHistoryPage },
    problems: { 404: 'No store has this id.' },
  },
  'GET /v1/stores/{storeId}/homes': {
    description:
      "The store's morning worklist: the homes it serves, worst status first, each with the positions that drive its status. " +
      '`?status=` keeps the homes of one status. `?positions=all` adds `positions` to each home: every position, green ones too, ' +
      'worst first (the same shape as `drivers`), so a client can chart a whole store in one call.',
    params: storeParams,
    query: worklistQuery,
    responses: { 200: worklistPage },
  },
} as const satisfies OperationFragment;
