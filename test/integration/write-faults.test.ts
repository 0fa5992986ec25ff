/**
 * Regression tests for the failures that used to escape as 500s, with the SDK mocked
 * (aws-sdk-client-mock) and the handlers called in-process. Each was classified by hand in one
 * repository and not in another; now functions/data/failures.ts classifies every failure once:
 * - a stock count whose transaction DynamoDB cancelled for throttling answered 500 without
 *   Retry-After (the same fault on approve answered 503);
 * - `putHome` and `putRequestCaps` turned a transaction conflict (another transaction on the same
 *   items) into a 500;
 * - a BatchGetItem that kept leaving keys unprocessed was retried forever (in Lambda: until the
 *   timeout, and API Gateway's bare 5xx).
 */
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { BatchGetCommand, BatchWriteCommand, DynamoDBDocumentClient, GetCommand, QueryCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { handler as postHomeCounts } from '../../functions/handlers/post-home-stock-counts.ts';
import { handler as putHome } from '../../functions/handlers/put-home.ts';
import { handler as putCaps } from '../../functions/handlers/put-store-request-caps.ts';
import { handler as approve } from '../../functions/handlers/approve-request.ts';
import { MAX_BATCH_ATTEMPTS, MAX_CONFLICT_ATTEMPTS } from '../../functions/data/retries.ts';
import { invoke } from '../support/lambda-event.ts';

const documents = mockClient(DynamoDBDocumentClient);
afterAll(() => documents.restore());
beforeEach(() => documents.reset());

const cancelled = (...codes: string[]) =>
  new TransactionCanceledException({ message: 'Transaction cancelled', $metadata: {}, CancellationReasons: codes.map((Code) => ({ Code })) as never });

const home = { PK: 'HOME#h1', SK: 'PROFILE', entity: 'Home', homeId: 'h1', storeId: 's1', name: 'Tŷ Gwyn', beds: 30, deliveryDays: ['MON'] };
const apron = { PK: 'ITEM#APRON', SK: 'ITEM', entity: 'Item', sku: 'APRON', name: 'Apron', unit: 'apron', packSize: 200 };

function homeAndCatalogue() {
  documents.on(GetCommand).resolves({ Item: home });
  documents.on(QueryCommand).resolves({ Items: [home] }); // the home's profile and (no) positions
  documents.on(QueryCommand, { IndexName: 'GSI1' }).resolves({ Items: [apron] }); // the catalogue
}

const countCall = () =>
  invoke(postHomeCounts, {
    routeKey: 'POST /v1/homes/{homeId}/stock-counts', path: '/v1/homes/h1/stock-counts', pathParameters: { homeId: 'h1' }, org: 'home:h1',
    body: { countedAt: new Date(Date.now() - 3_600_000).toISOString(), lines: [{ sku: 'APRON', onHand: 400, dailyUsage: 20 }] },
  });

const homeCall = () =>
  invoke(putHome, {
    routeKey: 'PUT /v1/homes/{homeId}', path: '/v1/homes/h1', pathParameters: { homeId: 'h1' }, org: 'admin',
    body: { name: 'Tŷ Gwyn', storeId: 's1', beds: 30, deliveryDays: ['MON'] },
  });

const capsCall = () =>
  invoke(putCaps, {
    routeKey: 'PUT /v1/stores/{storeId}/request-caps', path: '/v1/stores/s1/request-caps', pathParameters: { storeId: 's1' }, org: 'store:s1',
    body: { capsPerBedPerWeek: { APRON: 10 } },
  });

describe('a stock count whose transaction is cancelled for throttling', () => {
  it('answers 503 with Retry-After, as approve does (it answered 500)', async () => {
    homeAndCatalogue();
    documents.on(TransactWriteCommand).rejects(cancelled('ThrottlingError'));
    const response = await countCall();
    expect(response.status).toBe(503);
    expect(response.headers['retry-after']).toBe('1');
    expect(response.headers['content-type']).toBe('application/problem+json');
    // Nothing follows a refused commit: no history, no last-count update.
    expect(documents.commandCalls(BatchWriteCommand)).toHaveLength(0);
    expect(documents.commandCalls(UpdateCommand)).toHaveLength(0);
  });
});

describe('a transaction conflict on a registry write with a store check', () => {
  // putHome reads the home first (a store change is a move): here it exists, at the same store.
  beforeEach(() => {
    documents.on(GetCommand, { Key: { PK: 'HOME#h1', SK: 'PROFILE' } }).resolves({ Item: home });
  });

  it('putHome: another transaction on the same items once → retried, then 200 (it answered 500)', async () => {
    documents.on(TransactWriteCommand).rejectsOnce(cancelled('None', 'TransactionConflict')).resolves({});
    const response = await homeCall();
    expect(response.status).toBe(200);
    expect(documents.commandCalls(TransactWriteCommand)).toHaveLength(2);
  });

  it('putHome: a conflict that never ends → 409 after the bounded attempts, never 500', async () => {
    documents.on(TransactWriteCommand).rejects(cancelled('TransactionConflict', 'None'));
    const response = await homeCall();
    expect(response.status).toBe(409);
    expect(response.headers['content-type']).toBe('application/problem+json');
    expect(documents.commandCalls(TransactWriteCommand)).toHaveLength(MAX_CONFLICT_ATTEMPTS);
  });

  it('putHome: the store check failing is still the 400 naming the store', async () => {
    documents.on(TransactWriteCommand).rejects(cancelled('ConditionalCheckFailed', 'None'));
    const response = await homeCall();
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([expect.objectContaining({ in: 'body', path: '/storeId' })]);
  });

  it('putRequestCaps: another transaction on the same items once → retried, then 200 (it answered 500)', async () => {
    documents.on(QueryCommand, { IndexName: 'GSI1' }).resolves({ Items: [apron] });
    documents.on(TransactWriteCommand).rejectsOnce(cancelled('TransactionConflict', 'TransactionConflict')).resolves({});
    const response = await capsCall();
    expect(response.status).toBe(200);
    expect(response.body.capsPerBedPerWeek).toEqual({ APRON: 10 });
  });

  it('putRequestCaps: the store gone → 404, as before', async () => {
    documents.on(QueryCommand, { IndexName: 'GSI1' }).resolves({ Items: [apron] });
    documents.on(TransactWriteCommand).rejects(cancelled('ConditionalCheckFailed', 'None'));
    expect((await capsCall()).status).toBe(404);
  });
});

describe('batches are bounded', () => {
  it('a BatchGet that leaves its keys unprocessed forever → 503 with Retry-After after the bounded attempts', async () => {
    const id = '0f0f0f0f-1111-4222-8333-444455556666';
    const at = '2026-03-10T08:00:00.000Z';
    documents.on(GetCommand).resolves({ Item: home });
    documents.on(GetCommand, { Key: { PK: `REQUEST#${id}`, SK: 'REQUEST' } }).resolves({
      Item: {
        PK: `REQUEST#${id}`, SK: 'REQUEST', entity: 'Request', requestId: id, homeId: 'h1', storeId: 's1', status: 'submitted',
        lines: [{ sku: 'APRON', quantity: 10, daysOfSupplyAtSubmission: 2 }], neededBy: null, note: null, approvedLines: null, override: null,
        allocatedLines: null, allocatedAt: null, createdAt: at, updatedAt: at, version: 1,
        history: [{ action: 'submit', from: null, to: 'submitted', at, actor: { subject: 's', org: 'home:h1' }, reason: null }],
      },
    });
    documents.on(BatchGetCommand).callsFake((input) => ({ Responses: {}, UnprocessedKeys: input.RequestItems }));
    const response = await invoke(approve, {
      routeKey: 'POST /v1/requests/{requestId}/approve', path: `/v1/requests/${id}/approve`, pathParameters: { requestId: id },
      org: 'store:s1', body: { lines: [{ sku: 'APRON', quantity: 10 }] },
    });
    expect(response.status).toBe(503);
    expect(response.headers['retry-after']).toBe('1');
    expect(documents.commandCalls(BatchGetCommand)).toHaveLength(MAX_BATCH_ATTEMPTS);
    expect(documents.commandCalls(TransactWriteCommand)).toHaveLength(0);
  });

  it('a BatchWrite of a count\'s history that leaves items unprocessed forever → 503 with Retry-After, bounded', async () => {
    homeAndCatalogue();
    documents.on(TransactWriteCommand).resolves({});
    documents.on(UpdateCommand).resolves({});
    documents.on(BatchWriteCommand).callsFake((input) => ({ UnprocessedItems: input.RequestItems }));
    const response = await countCall();
    expect(response.status).toBe(503);
    expect(response.headers['retry-after']).toBe('1');
    expect(documents.commandCalls(BatchWriteCommand)).toHaveLength(MAX_BATCH_ATTEMPTS);
  });
});
