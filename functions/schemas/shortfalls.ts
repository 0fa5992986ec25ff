/**
 * Shortfalls: the records the daily job writes (one per home per date), the lists that read them,
 * and the on-demand run of the job with the summary it answers.
 */
import * as z from 'zod/mini';
import { pageQueryShape } from '../data/pagination.ts';
import { dateInput, homeId, instantInput, isoDate, isoInstant, pageOf, sku, storeId } from './common.ts';
import { storeParams } from './registry.ts';
import { stockStatus } from './stock.ts';
import type { OperationFragment } from './operation.ts';

/** Why a home is flagged; `outbreak` is a tag, given with the others when the home has an open outbreak. */
export const shortfallReason = z.enum(['short', 'silent', 'out', 'never-counted', 'outbreak']);
/** Why one item is flagged: the at-risk rule's reason. */
export const itemReason = z.enum(['short', 'silent', 'out', 'never-counted']);

export const shortfallItem = z.object({
  sku,
  /** short: under 7 days of forecast supply or at its reorder level; out: nothing left; silent: count older than 3 days; never-counted. */
  reason: itemReason,
  /** Projected to the job's asOf, 2 decimals; under the shortfall threshold (7 by default) by definition. */
  daysOfSupply: z.nullable(z.number()),
  runoutDate: z.nullable(isoInstant),
  status: stockStatus,
  suggestedOrder: z.int(),
  usageBasis: z.enum(['estimate', 'outbreak']),
}).register(z.globalRegistry, { id: 'ShortfallItem', description: 'One item the at-risk rule flags at a home (any status but green), projected to the job’s asOf.' });

export const shortfall = z.object({
  date: isoDate,
  storeId,
  homeId,
  reasons: z.array(shortfallReason),
  items: z.array(shortfallItem),
}).register(z.globalRegistry, {
  id: 'Shortfall',
  description:
    'One home on one date, flagged when any item it holds is not green (`items`, worst first, each with its reason) or the home ' +
    'itself is silent. Reasons: `short` (under seven days of forecast supply, or at/below the reorder level), `out` (nothing on ' +
    'hand), `silent` (the home, or an item, not counted for more than the staleness limit, 3 days by default), `never-counted` ' +
    '(an item the home holds and has never counted), and the tag `outbreak` when the home has an open outbreak.',
});
export const shortfallPage = pageOf(shortfall).register(z.globalRegistry, { id: 'ShortfallPage', description: 'A page of shortfall records, by store then home.' });

/** `?date=` defaults to today in Europe/London, the job's time zone. */
export const shortfallQuery = z.strictObject({ ...pageQueryShape, date: z.optional(dateInput) });

export const shortfallScanRequest = z
  ._default(z.strictObject({ asOf: z.optional(instantInput) }), {})
  .register(z.globalRegistry, {
    id: 'ShortfallScanRequest',
    examples: [{ asOf: '2026-03-10T07:00:00Z' }, {}],
    description: 'When to project to: `asOf` defaults to now and may not be in the future. The body may be omitted.',
  });

const count = z.int().check(z.minimum(0));

export const shortfallScanSummary = z.object({
  /** The asOf's date in Europe/London: the date of the records. */
  date: isoDate,
  asOf: isoInstant,
  homes: z.object({ short: count, silent: count, flagged: count }).register(z.globalRegistry, { id: 'ShortfallScanHomes', description: "Homes found short (under the days-of-supply threshold), silent (no recent count), and flagged in all." }),
  /** Records are written once per home and date; a re-run finds them already present. */
  records: z.object({ written: count, alreadyPresent: count }).register(z.globalRegistry, { id: 'ShortfallScanRecords', description: "Shortfall records this run wrote, and those an earlier run of the same date had already written." }),
  /** ShortfallDetected events put on the bus, and store digests published, by this run. */
  events: count,
  digests: count,
  /** Positions the run-out index returned: the at-risk positions, and nothing else. */
  positionsAtRisk: count,
  /** DynamoDB capacity units the run consumed (ReturnConsumedCapacity TOTAL). */
  consumedCapacity: z.object({ read: z.number(), write: z.number() }).register(z.globalRegistry, { id: 'ConsumedCapacity', description: "DynamoDB read and write capacity units consumed." }),
}).register(z.globalRegistry, { id: 'ShortfallScanSummary', description: 'What one run of the shortfall job found, wrote and sent.' });

export type ShortfallBody = z.infer<typeof shortfall>;
export type ShortfallItemBody = z.infer<typeof shortfallItem>;
export type ShortfallReason = z.infer<typeof shortfallReason>;
export type ShortfallScanSummary = z.infer<typeof shortfallScanSummary>;

const dateProblem = '`date` is not a calendar date (YYYY-MM-DD), `limit` or `cursor` is not valid, or the query has an unknown parameter.';

export const operations = {
  'POST /v1/jobs/shortfall-scan': {
    description:
      'Runs the daily shortfall job now (it also runs at 07:00 Europe/London). Homes with any item under seven days of projected ' +
      'supply, and homes gone silent, get one record for the date of `asOf`; a record that exists is kept as it is, so a re-run ' +
      'duplicates nothing. Each newly flagged home gets one `ShortfallDetected` event and one `shortfall.flagged` webhook event, and each store with news one digest. ' +
      'Administrators only.',
    body: shortfallScanRequest,
    responses: { 200: shortfallScanSummary },
    problems: {
      400: '`asOf` is not an ISO 8601 instant with an offset, is in the future, or the body has unknown fields.',
      409: 'Another run wrote the alert ledger meanwhile; the records stand. Run it again: it completes what is left.',
    },
  },
  'GET /v1/stores/{storeId}/shortfalls': {
    description: "The store's shortfall records for a date (default: today, Europe/London), by home. The store itself and administrators.",
    params: storeParams,
    query: shortfallQuery,
    responses: { 200: shortfallPage },
    problems: { 400: dateProblem },
  },
  'GET /v1/shortfalls': {
    description: 'Every shortfall record for a date (default: today, Europe/London), by store then home. Administrators only.',
    query: shortfallQuery,
    responses: { 200: shortfallPage },
    problems: { 400: dateProblem },
  },
} as const satisfies OperationFragment;
