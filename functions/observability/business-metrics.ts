/**
 * What the service did, as CloudWatch metrics in the embedded metric format (Powertools Metrics):
 * one JSON log line per call, turned into metrics by CloudWatch Logs, with no API call and no
 * client in the bundle. Handlers and job entry points record here after a use case succeeded; the
 * domain and use cases know nothing of metrics. Outside Lambda (npm start, tests) nothing is
 * written: the local server's output stays readable.
 */
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';

export const BUSINESS_NAMESPACE = 'Carestock';

/** Metric names, as the dashboard (lib/constructs/observability.ts) reads them. */
export const businessMetric = {
  stockCountsPosted: 'StockCountsPosted',
  stockCountLines: 'StockCountLines',
  requestsSubmitted: 'RequestsSubmitted',
  requestsApproved: 'RequestsApproved',
  deliveriesDispatched: 'DeliveriesDispatched',
  deliveriesReceived: 'DeliveriesReceived',
  receiptsWithDiscrepancies: 'ReceiptsWithDiscrepancies',
  homesFlaggedShort: 'HomesFlaggedShort',
  homesFlaggedSilent: 'HomesFlaggedSilent',
} as const;

export type BusinessMetric = keyof typeof businessMetric;

let metrics: Metrics | undefined;

/** The `stack` dimension keeps Carestock-dev's figures apart from Carestock-prod's in one account. */
function instance(): Metrics {
  metrics ??= new Metrics({
    namespace: BUSINESS_NAMESPACE,
    serviceName: 'carestock',
    defaultDimensions: { stack: process.env.CARESTOCK_STACK ?? 'unknown' },
  });
  return metrics;
}

export function recordBusinessMetrics(values: Partial<Record<BusinessMetric, number>>): void {
  if (!process.env.AWS_LAMBDA_FUNCTION_NAME) return;
  const target = instance();
  for (const [name, value] of Object.entries(values)) {
    if (value !== undefined) target.addMetric(businessMetric[name as BusinessMetric], MetricUnit.Count, value);
  }
  target.publishStoredMetrics();
}
