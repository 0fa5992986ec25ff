/** Scheduled daily at 07:00 Europe/London (functions/jobs.ts): the shortfall job, as of the scheduled time. */
import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logger } from '../observability/logger.ts';
import { recordBusinessMetrics } from '../observability/business-metrics.ts';
import { scheduledAsOf, type ScheduledJobEvent } from '../scheduled/scheduled-event.ts';
import { runShortfallScan } from '../shortfalls/run-shortfall-scan.ts';
import type { ShortfallScanSummary } from '../schemas/shortfalls.ts';

export const handler = middy<ScheduledJobEvent, ShortfallScanSummary>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .handler(async (event) => {
    const summary = await runShortfallScan(scheduledAsOf(event, new Date()));
    // A thrown error fails the invocation: the schedule's retries, then its dead-letter queue, take over.
    logger.info('shortfall scan finished', { summary });
    recordBusinessMetrics({ homesFlaggedShort: summary.homes.short, homesFlaggedSilent: summary.homes.silent });
    return summary;
  });
