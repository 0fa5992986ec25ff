/**
 * One Idempotency-Key per form submission. The key is made when the person submits; a second
 * submit of the same body before the API has answered (a double click, or a retry after the
 * connection dropped, when nobody knows whether the first one arrived) carries the same key, so the
 * API applies it once. Once the API has answered, the submission is over: the next one, even with
 * the same figures, is a new request and gets a new key.
 */
export interface PendingSubmission {
  body: string;
  key: string;
}

export function keyFor(pending: PendingSubmission | null, body: string, makeKey: () => string): PendingSubmission {
  return pending && pending.body === body ? pending : { body, key: makeKey() };
}

/** After an answer: 2xx and 4xx close the submission; no answer at all (status 0) or a 5xx keeps its key for the retry. */
export function afterAnswer(pending: PendingSubmission, status: number): PendingSubmission | null {
  return status === 0 || status >= 500 ? pending : null;
}
