/**
 * middy onError: every failure leaves as problem+json. Known problems keep their status; the access
 * policy's refusal (AccessDenied) is 403; DynamoDB throttling that outlasted the SDK's retries becomes
 * 503 with Retry-After (the client should come back, nothing was lost); anything else is logged and
 * answered 500 without internals.
 */
import type middy from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { logger } from '../../observability/logger.ts';
import { AccessDenied } from '../../access/authorize.ts';
import { forbidden, HttpProblem, problemResponse } from '../problem.ts';

const THROTTLING = new Set([
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'RequestLimitExceeded',
  'LimitExceededException',
]);

export function toProblem(error: unknown): HttpProblem {
  if (error instanceof HttpProblem) return error;
  if (error instanceof AccessDenied) return forbidden(error.message);
  const name = (error as { name?: string } | null)?.name ?? '';
  if (THROTTLING.has(name)) {
    return new HttpProblem(503, 'The data store is busy; retry after the interval given.', { headers: { 'retry-after': '1' } });
  }
  return new HttpProblem(500, 'Something went wrong on our side. It has been logged.');
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
