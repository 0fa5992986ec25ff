/**
 * Fault paths, with the SDK mocked (aws-sdk-client-mock) and the handlers called in-process:
 * throttling that outlasted the SDK's retries → 503 with Retry-After; a cancelled transaction or a
 * failed condition → the right 409 naming the current state, or a retry when only a version
 * moved — never a 500.
 */
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import {
  ConditionalCheckFailedException,
  DynamoDBClient,
  PutItemCommand,
  ProvisionedThroughputExceededException,
  TransactionCanceledException,
} from '@aws-sdk/client-dynamodb';
import { BatchGetCommand, DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { handler as approve } from '../../functions/handlers/approve-request.ts';
import { handler as cancel } from '../../functions/handlers/cancel-request.ts';
import { handler as getRequest } from '../../functions/handlers/get-request.ts';
import { handler as postRequest } from '../../functions/handlers/post-home-request.ts';
import { handler as reject } from '../../functions/handlers/reject-request.ts';
import { handler as allocations } from '../../functions/handlers/post-store-allocations.ts';
import { MAX_CONFLICT_ATTEMPTS } from '../../functions/data/retries.ts';
import { invoke } from '../support/lambda-event.ts';

const documents = mockClient(DynamoDBDocumentClient);
const lowLevel = mockClient(DynamoDBClient);
afterAll(() => {
  documents.restore();
  lowLevel.restore();
});

const ID = '0f0f0f0f-1111-4222-8333-444455556666';
const at = '2026-03-10T08:00:00.000Z';
const actor = { subject: 'someone', org: 'home:h1' };

function storedRequest(status: string, version = 1) {
  const approved = status !== 'submitted';
  return {
    PK: `REQUEST#${ID}`, SK: 'REQUEST', entity: 'Request', requestId: ID, homeId: 'h1', storeId: 's1', status,
    lines: [{ sku: 'APRON', quantity: 10, daysOfSupplyAtSubmission: 2 }], neededBy: null, note: null,
    approvedLines: approved ? [{ sku: 'APRON', quantity: 10 }] : null, override: null, allocatedLines: null, allocatedAt: null,
    createdAt: at, updatedAt: at, version,
    history: [{ action: 'submit', from: null, to: 'submitted', at, actor, reason: null }],
  };
}

/** What a failed condition hands back (ALL_OLD): AttributeValue form, even through the document client. */
const oldItem = (status: string, version = 2) => ({ status: { S: status }, version: { N: String(version) } });

const throttled = () =>
  Object.assign(new ProvisionedThroughputExceededException({ message: 'Rate of requests exceeds the allowed throughput.', $metadata: {} }), {
    $metadata: { httpStatusCode: 400, attempts: 3, totalRetryDelay: 420 },
  });

const cancelled = (...codes: { Code: string; Item?: Record<string, unknown> }[]) =>
  new TransactionCanceledException({ message: 'Transaction cancelled', $metadata: {}, CancellationReasons: codes as never });

function readsFor(status: string) {
  documents.on(GetCommand).resolves({});
  documents.on(GetCommand, { Key: { PK: `REQUEST#${ID}`, SK: 'REQUEST' } }).resolves({ Item: storedRequest(status) });
  documents.on(GetCommand, { Key: { PK: 'HOME#h1', SK: 'PROFILE' } }).resolves({ Item: { homeId: 'h1', storeId: 's1', beds: 30, name: 'H', deliveryDays: [] } });
  documents.on(BatchGetCommand).resolves({ Responses: {} });
}

const approveCall = () =>
  invoke(approve, {
    routeKey: 'POST /v1/requests/{requestId}/approve', path: `/v1/requests/${ID}/approve`, pathParameters: { requestId: ID },
    org: 'store:s1', body: { lines: [{ sku: 'APRON', quantity: 10 }] },
  });

beforeEach(() => {
  documents.reset();
  lowLevel.reset();
});

describe('a cancelled transaction or a failed condition → the right 409, never a 500', () => {
  it('approve, cancelled on the request (now cancelled) → 409 naming cancelled', async () => {
    readsFor('submitted');
    documents.on(TransactWriteCommand).rejects(cancelled({ Code: 'ConditionalCheckFailed', Item: oldItem('cancelled') }, { Code: 'None' }));
    const response = await approveCall();
    expect(response.status).toBe(409);
    expect(response.body).toMatchObject({ detail: 'Request is cancelled; approve is allowed only from submitted.', currentStatus: 'cancelled' });
  });

  it('cancel of an approved request, cancelled on the request (dispatched meanwhile) → 409 naming dispatched', async () => {
    readsFor('approved');
    documents.on(TransactWriteCommand).rejects(cancelled({ Code: 'ConditionalCheckFailed', Item: oldItem('dispatched') }, { Code: 'None' }));
    const response = await invoke(cancel, { routeKey: 'POST /v1/requests/{requestId}/cancel', path: `/v1/requests/${ID}/cancel`, pathParameters: { requestId: ID }, org: 'home:h1' });
    expect(response.status).toBe(409);
    expect(response.body.detail).toBe('Request is dispatched; cancel is allowed only from submitted, approved, partially-approved or scheduled.');
  });

  it('reject, a failed condition on the request (approved meanwhile) → 409 naming approved', async () => {
    readsFor('submitted');
    // One transaction: the request's update and its request.rejected webhook event (the outbox).
    documents.on(TransactWriteCommand).rejects(cancelled({ Code: 'ConditionalCheckFailed', Item: oldItem('approved') }, { Code: 'None' }));
    const response = await invoke(reject, {
      routeKey: 'POST /v1/requests/{requestId}/reject', path: `/v1/requests/${ID}/reject`, pathParameters: { requestId: ID }, org: 'store:s1', body: { reason: 'No' },
    });
    expect(response.status).toBe(409);
    expect(response.body.currentStatus).toBe('approved');
  });

  it('only a position moved (a count landed) → re-read and retried, then 200', async () => {
    readsFor('submitted');
    documents.on(TransactWriteCommand).rejectsOnce(cancelled({ Code: 'None' }, { Code: 'ConditionalCheckFailed' })).resolves({});
    const response = await approveCall();
    expect(response.status).toBe(200);
    expect(response.body.status).toBe('approved');
    expect(documents.commandCalls(TransactWriteCommand)).toHaveLength(2);
  });

  it('the request\'s version moved but its state still allows the action → retried; a race that never ends → 409', async () => {
    readsFor('submitted');
    documents.on(TransactWriteCommand).rejects(cancelled({ Code: 'ConditionalCheckFailed', Item: oldItem('submitted', 7) }, { Code: 'TransactionConflict' }));
    const response = await approveCall();
    expect(response.status).toBe(409);
    expect(response.body.detail).toContain('kept changing');
    expect(documents.commandCalls(TransactWriteCommand)).toHaveLength(MAX_CONFLICT_ATTEMPTS);
  });
});

describe('throttling that outlasts the SDK\'s retries → 503 with Retry-After', () => {
  it('on the transition\'s transaction', async () => {
    readsFor('submitted');
    documents.on(TransactWriteCommand).rejects(throttled());
    const response = await approveCall();
    expect(response.status).toBe(503);
    expect(response.headers['retry-after']).toBe('1');
    expect(response.headers['content-type']).toBe('application/problem+json');
  });

  it('as a cancellation reason of the transaction', async () => {
    readsFor('submitted');
    documents.on(TransactWriteCommand).rejects(cancelled({ Code: 'None' }, { Code: 'ThrottlingError' }));
    expect((await approveCall()).status).toBe(503);
  });

  it('on a read', async () => {
    documents.on(GetCommand).rejects(throttled());
    const response = await invoke(getRequest, { routeKey: 'GET /v1/requests/{requestId}', path: `/v1/requests/${ID}`, pathParameters: { requestId: ID }, org: 'home:h1' });
    expect(response.status).toBe(503);
    expect(response.headers['retry-after']).toBe('1');
  });

  const submitCall = (headers?: Record<string, string>) =>
    invoke(postRequest, {
      routeKey: 'POST /v1/homes/{homeId}/requests', path: '/v1/homes/h1/requests', pathParameters: { homeId: 'h1' }, org: 'home:h1',
      body: { lines: [{ sku: 'APRON', quantity: 10 }] }, ...(headers ? { headers } : {}),
    });

  it('on the submission\'s write', async () => {
    documents.on(GetCommand).resolves({ Item: { homeId: 'h1', storeId: 's1', beds: 30 } });
    documents.on(QueryCommand).resolves({ Items: [{ sku: 'APRON', name: 'Apron', unit: 'apron', packSize: 200 }] }); // the catalogue
    documents.on(BatchGetCommand).resolves({ Responses: {} }); // no positions yet
    documents.on(PutCommand).rejects(throttled());
    expect((await submitCall()).status).toBe(503);
  });

  it('on the idempotency record (Powertools wraps the SDK error; its cause is answered)', async () => {
    lowLevel.on(PutItemCommand).rejects(throttled());
    const response = await submitCall({ 'idempotency-key': 'throttled-key-0001' });
    expect(response.status).toBe(503);
    expect(response.headers['retry-after']).toBe('1');
    expect(documents.commandCalls(PutCommand)).toHaveLength(0);
  });

  it('on the allocation\'s queue reads', async () => {
    documents.on(QueryCommand).rejects(throttled());
    const response = await invoke(allocations, { routeKey: 'POST /v1/stores/{storeId}/allocations', path: '/v1/stores/s1/allocations', pathParameters: { storeId: 's1' }, org: 'store:s1' });
    expect(response.status).toBe(503);
  });
});
