/**
 * The one classifier of DynamoDB failures. Every call the repositories make goes through `send`
 * (dynamodb-client.ts), which hands what DynamoDB threw to `classifyFailure`:
 *
 * - throttling that outlasted the SDK's retries, outside a transaction or as any item's
 *   cancellation reason → ThrottledError (nothing was written: a transaction is all or nothing);
 * - a failed condition (a single write's ConditionalCheckFailedException, or a transaction cancelled
 *   only by ConditionalCheckFailed / TransactionConflict reasons), or a plain write meeting a
 *   transaction in flight (TransactionConflictException) → WriteConflictError, carrying each
 *   action's reason and the old item, for the repository to explain (a state conflict, a missing
 *   store) or the use case to retry (retryOnConflict);
 * - anything else is a fault of ours (a malformed expression, a transaction too big): unchanged,
 *   answered 500 and alarmed on.
 *
 * When a transaction is cancelled both by a condition and by throttling, the conditions are kept
 * on the ThrottledError's `reasons` too: a state that refuses the action is the answer either way.
 */
import { ThrottledError, WriteConflictError, type CancellationReason } from '../domain/failures.ts';

/** Error names of throttling, outside a transaction. */
const THROTTLING_ERRORS = new Set(['ProvisionedThroughputExceededException', 'ThrottlingException', 'RequestLimitExceeded', 'LimitExceededException']);
/** Cancellation reason codes of throttling, inside a transaction. */
const THROTTLING_REASONS = new Set(['ThrottlingError', 'ProvisionedThroughputExceeded', 'RequestLimitExceeded']);
const CONFLICT_REASONS = new Set(['ConditionalCheckFailed', 'TransactionConflict']);

interface SdkError {
  name?: string;
  message?: string;
  Item?: unknown;
  CancellationReasons?: { Code?: string; Item?: unknown }[];
}

export function classifyFailure(error: unknown): unknown {
  if (error instanceof WriteConflictError || error instanceof ThrottledError) return error;
  const e = (error ?? {}) as SdkError;
  if (THROTTLING_ERRORS.has(e.name ?? '')) return new ThrottledError('DynamoDB throttled the request', { cause: error });
  if (e.name === 'ConditionalCheckFailedException') {
    return new WriteConflictError('A conditional write found the item changed', [{ code: 'ConditionalCheckFailed', item: e.Item }], { cause: error });
  }
  if (e.name === 'TransactionConflictException') {
    return new WriteConflictError('A write met a transaction in flight on the same item', [{ code: 'TransactionConflict' }], { cause: error });
  }
  if (e.name !== 'TransactionCanceledException') return error;
  const reasons: CancellationReason[] = (e.CancellationReasons ?? []).map((r) => ({ code: r.Code ?? 'None', ...(r.Item ? { item: r.Item } : {}) }));
  const codes = reasons.map((r) => r.code).filter((code) => code !== 'None');
  if (codes.some((code) => THROTTLING_REASONS.has(code))) {
    return new ThrottledError('DynamoDB throttled the transaction', { cause: error }, reasons);
  }
  if (codes.length > 0 && codes.every((code) => CONFLICT_REASONS.has(code))) {
    return new WriteConflictError('A transaction found an item changed', reasons, { cause: error });
  }
  return error;
}
