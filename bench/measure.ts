/**
 * Small measuring tools shared by the sections: percentiles over raw samples (no histogram
 * rounding: local latencies are a few milliseconds, so whole-millisecond buckets would hide them),
 * and a closed loop that keeps N operations in flight for a fixed time, as autocannon does.
 */

export const round = (value: number, digits = 2) => Number(value.toFixed(digits));

/** Nearest-rank percentile of unsorted samples; NaN when there are none. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1]!;
}

export const median = (samples: readonly number[]) => percentile(samples, 50);

export interface LatencySummary {
  count: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  meanMs: number;
}

export function summarise(latenciesMs: readonly number[], elapsedMs: number): LatencySummary {
  const mean = latenciesMs.reduce((sum, value) => sum + value, 0) / Math.max(1, latenciesMs.length);
  return {
    count: latenciesMs.length,
    requestsPerSecond: round((latenciesMs.length * 1000) / Math.max(1, elapsedMs), 1),
    p50Ms: round(percentile(latenciesMs, 50)),
    p99Ms: round(percentile(latenciesMs, 99)),
    meanMs: round(mean),
  };
}

export interface LoopResult {
  /** Latency of each operation that succeeded, in ms. */
  latenciesMs: number[];
  failures: number;
  /** The first failure, to say why. */
  firstFailure?: string;
  elapsedMs: number;
}

/**
 * Runs `operation(n)` with `concurrency` in flight until `durationMs` has passed (the operations
 * under way then finish). `n` counts up across all workers, so requests can rotate over data.
 * An operation fails by throwing.
 */
export async function closedLoop(
  concurrency: number,
  durationMs: number,
  operation: (n: number) => Promise<void>,
  firstN = 0,
): Promise<LoopResult> {
  const result: LoopResult = { latenciesMs: [], failures: 0, elapsedMs: 0 };
  const started = performance.now();
  const deadline = started + durationMs;
  let next = firstN;
  const worker = async () => {
    while (performance.now() < deadline) {
      const n = next++;
      const t0 = performance.now();
      try {
        await operation(n);
        result.latenciesMs.push(performance.now() - t0);
      } catch (error) {
        result.failures++;
        result.firstFailure ??= error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  result.elapsedMs = performance.now() - started;
  return result;
}

/**
 * One operation at a time, taking turns (a, b, a, b, …) for `durationMs`: the two are measured
 * under the same load of the machine, so a slow moment or a busy neighbour hits both alike.
 */
export async function alternatingLoop(durationMs: number, operations: readonly ((n: number) => Promise<void>)[]): Promise<LoopResult[]> {
  const results: LoopResult[] = operations.map(() => ({ latenciesMs: [], failures: 0, elapsedMs: 0 }));
  const started = performance.now();
  for (let n = 0; performance.now() - started < durationMs; n++) {
    for (const [i, operation] of operations.entries()) {
      const result = results[i]!;
      const t0 = performance.now();
      try {
        await operation(n);
        const ms = performance.now() - t0;
        result.latenciesMs.push(ms);
        result.elapsedMs += ms;
      } catch (error) {
        result.failures++;
        result.elapsedMs += performance.now() - t0;
        result.firstFailure ??= error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      }
    }
  }
  return results;
}

/** Runs `work` over `values` with at most `limit` in flight; results in input order. */
export async function mapInFlight<T, R>(values: readonly T[], limit: number, work: (value: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(values.length);
  let next = 0;
  const worker = async () => {
    while (next < values.length) {
      const index = next++;
      results[index] = await work(values[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, values.length) }, worker));
  return results;
}
