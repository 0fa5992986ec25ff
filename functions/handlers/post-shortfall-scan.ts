/** POST /v1/jobs/shortfall-scan — an administrator runs the shortfall job now, optionally as of an earlier instant. */
import { httpHandler } from '../http/http-handler.ts';
import { authorize } from '../access/authorize.ts';
import { shortfallScanRequest } from '../schemas/shortfalls.ts';
import { requestedAsOf, runShortfallScan } from '../shortfalls/run-shortfall-scan.ts';

export const handler = httpHandler({ body: shortfallScanRequest }, async ({ body, principal }) => {
  authorize(principal, 'manage', { kind: 'nation' });
  return { body: await runShortfallScan(requestedAsOf(body.asOf, new Date())) };
});
