/**
 * The two bounded retries of the data layer, with one backoff (full jitter, as AWS recommends):
 *
 * - `retryOnConflict`: every optimistic write (read, compute, write conditioned on what was read)
 *   re-reads and re-applies when the write lost a race (WriteConflictError), at most
 *   MAX_CONFLICT_ATTEMPTS times in all, then gives up with ConflictRetriesExhaustedError (409).
 * - `retryUnprocessed`: a BatchGetItem / BatchWriteItem asks again for what DynamoDB left
 *   unprocessed, at most MAX_BATCH_ATTEMPTS times in all, then gives up with
 *   UnprocessedItemsError (503 + Retry-After). Unbounded, a Lambda would run to its timeout and the
 *   caller would get API Gateway's bare 5xx instead of a problem.
 */
import { ConflictRetriesExhaustedError, UnprocessedItemsError, WriteConflictError } from '../domain/failures.ts';

export const MAX_CONFLICT_ATTEMPTS = 5;
export const MAX_BATCH_ATTEMPTS = 6;

/** A random pause of up to min(cap, base · 2^(attempt − 1)) ms before retry number `attempt` (1, 2, …). */
export const backoff = (attempt: number, baseMs = 25, capMs = 1000) =>
  new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(capMs, baseMs * 2 ** (attempt - 1))));

export interface ConflictRetry {
  /** The detail of the 409 when the race outlasts the attempts: what kept changing, and that nothing (or what) was written. */
  exhausted: string;
  attempts?: number;
}

/**
 * Runs `attempt` (given its number, from 1) until it does not lose a race. Anything but a
 * WriteConflictError (a refusal, throttling, a bug) passes straight through.
 */
export async function retryOnConflict<T>(attempt: (n: number) => Promise<T>, { exhausted, attempts = MAX_CONFLICT_ATTEMPTS }: ConflictRetry): Promise<T> {
  for (let n = 1; ; n++) {
    try {
      return await attempt(n);
    } catch (error) {
      if (!(error instanceof WriteConflictError)) throw error;
      if (n >= attempts) throw new ConflictRetriesExhaustedError(exhausted, { cause: error });
      await backoff(n);
    }
  }
}

/**
 * Sends `request`, then what each answer left unprocessed, until nothing is left or the attempts
 * run out. `send` answers what is left (undefined or empty: done).
 */
export async function retryUnprocessed<R extends object>(request: R, send: (request: R) => Promise<R | undefined>, what: string): Promise<void> {
  let pending: R | undefined = request;
  for (let n = 1; pending && Object.keys(pending).length > 0; n++) {
    if (n > MAX_BATCH_ATTEMPTS) throw new UnprocessedItemsError(`DynamoDB left ${what} unprocessed after ${MAX_BATCH_ATTEMPTS} attempts`);
    if (n > 1) await backoff(n - 1);
    pending = await send(pending);
  }
}
