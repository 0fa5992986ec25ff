/** Scheduled daily at 07:30 Europe/London (functions/jobs.ts), after the shortfall job: plans every store's next days. */
import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { runDeliveryPlanning } from '../deliveries/run-delivery-planning.ts';
import { logger } from '../observability/logger.ts';
import { scheduledAsOf, type ScheduledJobEvent } from '../scheduled/scheduled-event.ts';
import type { DeliveryPlanJobSummary } from '../schemas/deliveries.ts';

export const handler = middy<ScheduledJobEvent, DeliveryPlanJobSummary>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .handler(async (event) => {
    const summary = await runDeliveryPlanning(scheduledAsOf(event, new Date()));
    logger.info('delivery planning finished', { summary });
    // Fail the invocation when a store failed: the schedule's retries run it again (planning again is safe), then its DLQ.
    if (summary.failed.length > 0) throw new Error(`delivery planning failed for ${summary.failed.map((f) => f.storeId).join(', ')}`);
    return summary;
  });
