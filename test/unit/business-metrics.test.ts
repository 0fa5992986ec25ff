/**
 * Business metrics in the embedded metric format: in a Lambda environment one call writes one EMF
 * line to stdout whose metrics are the counts asked for, in the Carestock namespace, with the
 * service and stack dimensions the dashboard reads; outside Lambda nothing is written.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';

const emitted = async (values: Record<string, number>, env: Record<string, string | undefined>) => {
  vi.resetModules();
  for (const [key, value] of Object.entries(env)) vi.stubEnv(key, value as string);
  const lines: string[] = [];
  const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    lines.push(String(chunk));
    return true;
  });
  try {
    const { recordBusinessMetrics } = await import('../../functions/observability/business-metrics.ts');
    recordBusinessMetrics(values);
  } finally {
    write.mockRestore();
  }
  return lines.flatMap((l) => l.split('\n')).filter((l) => l.trim().startsWith('{')).map((l) => JSON.parse(l) as Record<string, any>);
};

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('business metrics', () => {
  it('writes one EMF record with the counts, the Carestock namespace and the service and stack dimensions', async () => {
    const [record, ...rest] = await emitted({ stockCountsPosted: 1, stockCountLines: 15 }, { AWS_LAMBDA_FUNCTION_NAME: 'fn', CARESTOCK_STACK: 'Carestock-prod' });
    expect(rest).toEqual([]);
    const [directive] = record!._aws.CloudWatchMetrics;
    expect(directive.Namespace).toBe('Carestock');
    expect(directive.Dimensions.flat()).toEqual(expect.arrayContaining(['service', 'stack']));
    expect(directive.Metrics.map((m: { Name: string }) => m.Name).sort()).toEqual(['StockCountLines', 'StockCountsPosted']);
    expect(record).toMatchObject({ service: 'carestock', stack: 'Carestock-prod', StockCountsPosted: 1, StockCountLines: 15 });
  });

  it('writes nothing outside Lambda (npm start, tests)', async () => {
    expect(await emitted({ requestsSubmitted: 1 }, { AWS_LAMBDA_FUNCTION_NAME: undefined })).toEqual([]);
  });
});
