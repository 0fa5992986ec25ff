/** Scheduled daily at 07:00 Europe/London (functions/jobs.ts): the shortfall job, then the day's rollup, as of the scheduled time. */
import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logger } from '../observability/logger.ts';
import { recordBusinessMetrics } from '../observability/business-metrics.ts';
import { scheduledAsOf, type ScheduledJobEvent } from '../scheduled/scheduled-event.ts';
import { runShortfallScan } from '../shortfalls/run-shortfall-scan.ts';
import { writeDailyRollup } from '../overview/write-rollup.ts';
import type { ShortfallScanSummary } from '../schemas/shortfalls.ts';

export const handler = middy<ScheduledJobEvent, ShortfallScanSummary>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .handler(async (event) => {
    const asOf = scheduledAsOf(event, new Date());
    const summary = await runShortfallScan(asOf);
    // Then the day's rollup, which the overview reads: idempotent, so the schedule's retries complete it.
    const rollup = await writeDailyRollup(asOf);
    logger.info('daily rollup written', { rollup });
    // A thrown error fails the invocation: the schedule's retries, then its dead-letter queue, take over.
    logger.info('shortfall scan finished', { summary });
    recordBusinessMetrics({ homesFlaggedShort: summary.homes.short, homesFlaggedSilent: summary.homes.silent });
    return summary;
  });
