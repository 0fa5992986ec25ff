/**
 * `map` over `values` with at most `limit` calls in flight, results in the order of `values`: the
 * one bounded-concurrency helper for fanning reads and writes out over homes, stores or records.
 *
 * Fails fast: after the first failure no new call starts (a crashed run should stop writing, as a
 * Lambda that threw would), and the promise rejects with that failure once the calls already in
 * flight have settled, so nothing is still writing when the caller hears of it.
 */
export async function mapWithConcurrency<T, R>(values: readonly T[], limit: number, map: (value: T, index: number) => Promise<R>): Promise<R[]> {
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`limit must be a whole number of at least 1, got ${limit}`);
  const results = new Array<R>(values.length);
  let next = 0;
  let failure: { error: unknown } | undefined;
  const worker = async () => {
    while (next < values.length && !failure) {
      const index = next++;
      try {
        results[index] = await map(values[index]!, index);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, values.length) }, worker));
  if (failure) throw failure.error;
  return results;
}
