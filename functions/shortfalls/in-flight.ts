/**
 * `map` over `values` with at most `limit` calls in flight. Fails fast: after the first failure no
 * new call starts (a crashed run should stop writing, as a Lambda that threw would), and the
 * promise rejects with that failure once the calls in flight have settled.
 */
export async function mapInFlight<T, R>(values: readonly T[], limit: number, map: (value: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(values.length);
  let next = 0;
  let failure: { error: unknown } | undefined;
  const worker = async () => {
    while (next < values.length && !failure) {
      const index = next++;
      try {
        results[index] = await map(values[index]!);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, values.length) }, worker));
  if (failure) throw failure.error;
  return results;
}
