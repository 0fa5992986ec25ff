/** POST /v1/jobs/shortfall-scan — an administrator runs the shortfall job now, optionally as of an earlier instant. */
import { httpHandler } from '../http/http-handler.ts';
import { recordBusinessMetrics } from '../observability/business-metrics.ts';
import { authorize } from '../access/authorize.ts';
import { requestedAsOf } from '../scheduled/requested-as-of.ts';
import { shortfallScanRequest } from '../schemas/shortfalls.ts';
import { runShortfallScan } from '../shortfalls/run-shortfall-scan.ts';

export const handler = httpHandler({ body: shortfallScanRequest }, async ({ body, principal }) => {
  authorize(principal, 'manage', { kind: 'nation' });
  const summary = await runShortfallScan(requestedAsOf(body.asOf, new Date()));
  recordBusinessMetrics({ homesFlaggedShort: summary.homes.short, homesFlaggedSilent: summary.homes.silent });
  return { body: summary };
});
