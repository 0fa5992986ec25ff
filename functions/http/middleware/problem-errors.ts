/**
 * middy onError: every failure leaves as problem+json. This is the one place that maps the typed
 * failures to answers: the access policy's refusal (AccessDenied) → 403; of the failures of
 * functions/domain/failures.ts (which functions/data/failures.ts makes of every DynamoDB failure),
 * throttling and batches left unprocessed → 503 with Retry-After (the client should come back,
 * nothing was lost), a race or a state that refuses the action → 409, a foreign cursor → 400.
 * Anything else is logged and answered 500 without internals.
 */
import type middy from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { AccessDenied } from '../../access/authorize.ts';
import {
  ConflictRetriesExhaustedError,
  InvalidCursorError,
  PreconditionFailedError,
  StateConflictError,
  ThrottledError,
  WriteConflictError,
} from '../../domain/failures.ts';
import { logger } from '../../observability/logger.ts';
import { t } from '../../i18n/messages.ts';
import { forbidden, HttpProblem, invalidTransition, problemResponse, writeConflict } from '../problem.ts';

export function toProblem(error: unknown): HttpProblem {
  if (error instanceof HttpProblem) return error;
  if (error instanceof AccessDenied) return forbidden(error.message);
  if (error instanceof ThrottledError) {
    return new HttpProblem('throttled', t('failure.throttled'), { headers: { 'retry-after': String(error.retryAfterSeconds) } });
  }
  if (error instanceof ConflictRetriesExhaustedError) return writeConflict(error.message);
  if (error instanceof StateConflictError) {
    return error.current === undefined ? writeConflict(error.message) : invalidTransition(error.message, error.current);
  }
  if (error instanceof WriteConflictError) return writeConflict(t('failure.writeConflict'));
  if (error instanceof PreconditionFailedError) return new HttpProblem('precondition-failed', error.message);
  if (error instanceof InvalidCursorError) {
    return new HttpProblem('invalid-cursor', error.message, { errors: [{ in: 'query', path: 'cursor', message: t('failure.invalidCursor.field') }] });
  }
  return new HttpProblem('internal', t('failure.internal'));
}

export function problemErrors(): middy.MiddlewareObj<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2> {
  return {
    onError: async (request) => {
      const problem = toProblem(request.error);
      if (problem.status >= 500) logger.error('request failed', { error: request.error as Error });
      else logger.info('request refused', { status: problem.status, detail: problem.message });
      request.response = problemResponse(problem, request.context?.awsRequestId);
    },
  };
}
