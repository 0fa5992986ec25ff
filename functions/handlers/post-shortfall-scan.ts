/** POST /v1/jobs/shortfall-scan — an administrator runs the shortfall job (and the day's rollup) now, optionally as of an earlier instant. */
import { httpHandler } from '../http/http-handler.ts';
import { recordBusinessMetrics } from '../observability/business-metrics.ts';
import { authorize } from '../access/authorize.ts';
import { requestedAsOf } from '../scheduled/requested-as-of.ts';
import { shortfallScanRequest } from '../schemas/shortfalls.ts';
import { runShortfallScan } from '../shortfalls/run-shortfall-scan.ts';
import { writeDailyRollup } from '../overview/write-rollup.ts';

export const handler = httpHandler({ body: shortfallScanRequest }, async ({ body, principal }) => {
  authorize(principal, 'manage', { kind: 'nation' });
  const asOf = requestedAsOf(body.asOf, new Date());
  const summary = await runShortfallScan(asOf);
  // The day's rollup (the overview's figures), after the records: a failure answers 503, and a re-run completes it.
  await writeDailyRollup(asOf);
  recordBusinessMetrics({ homesFlaggedShort: summary.homes.short, homesFlaggedSilent: summary.homes.silent });
  return { body: summary };
});
