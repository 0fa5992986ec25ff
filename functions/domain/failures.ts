/**
 * Failures in the application's own terms: what the data layer throws (functions/data/failures.ts
 * classifies every DynamoDB failure into one of these) and what use cases catch. No AWS names here;
 * only the HTTP edge (functions/http/middleware/problem-errors.ts) turns them into answers:
 *
 * | error                           | meaning                                                        | answer             |
 * |---------------------------------|----------------------------------------------------------------|--------------------|
 * | WriteConflictError              | what a conditional write was conditioned on moved (a race)      | retried, else 409  |
 * | StateConflictError              | the thing is in a state the action cannot start from            | 409 naming it      |
 * | PreconditionFailedError         | something the write requires is missing (a home's store)        | the use case's 4xx |
 * | ConflictRetriesExhaustedError   | the race went on past the bounded retries                       | 409                |
 * | ThrottledError                  | DynamoDB throttled, past the SDK's own retries                  | 503 + Retry-After  |
 * | UnprocessedItemsError           | a batch left items unprocessed past the bounded retries         | 503 + Retry-After  |
 */

/** One item's outcome in a cancelled transaction (or the single item of a failed conditional write). */
export interface CancellationReason {
  /** DynamoDB's code: ConditionalCheckFailed, TransactionConflict, None, ThrottlingError, … */
  code: string;
  /** The item as it was, when the write asked for it (ReturnValuesOnConditionCheckFailure: ALL_OLD). */
  item?: unknown;
}

/** What a conditional write was conditioned on moved since it was read: re-read and re-apply (retryOnConflict). */
export class WriteConflictError extends Error {
  override readonly name: string = 'WriteConflictError';
  constructor(
    message: string,
    /** Per action of the write, in order (one entry for a single-item write; empty when not known). */
    readonly reasons: readonly CancellationReason[] = [],
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }

  /** Whether action `index`'s own condition failed (not merely a concurrent transaction on it). */
  conditionFailed(index = 0): boolean {
    return this.reasons[index]?.code === 'ConditionalCheckFailed';
  }
}

/** The thing is in a state the action cannot start from (`current`, undefined when it is gone). */
export class StateConflictError extends WriteConflictError {
  override readonly name: string = 'StateConflictError';
  constructor(
    message: string,
    readonly current: string | undefined,
  ) {
    super(message);
  }
}

/** Something the write requires does not hold (e.g. the store a home names does not exist). */
export class PreconditionFailedError extends Error {
  override readonly name: string = 'PreconditionFailedError';
}

/** A write kept losing races past the bounded retries; `message` says what kept changing. */
export class ConflictRetriesExhaustedError extends Error {
  override readonly name = 'ConflictRetriesExhaustedError';
}

/** DynamoDB throttled the call (or a transaction's item) past the SDK's own retries; nothing was lost. */
export class ThrottledError extends Error {
  override readonly name: string = 'ThrottledError';
  readonly retryAfterSeconds: number = 1;
  constructor(
    message: string,
    options?: { cause?: unknown },
    /** A transaction's reasons: a condition that failed besides the throttling still decides the answer. */
    readonly reasons: readonly CancellationReason[] = [],
  ) {
    super(message, options);
  }
}

/** A batch still had unprocessed items after the bounded retries (throttling, in practice). */
export class UnprocessedItemsError extends ThrottledError {
  override readonly name = 'UnprocessedItemsError';
}

/** A cursor that is not one of this list's (from another list, another tenant, or made up). */
export class InvalidCursorError extends Error {
  override readonly name = 'InvalidCursorError';
}
