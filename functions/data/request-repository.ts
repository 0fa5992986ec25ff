/**
 * PPE requests and request caps in the table: the only code that reads or writes them.
 *
 * Write protocol: a request is created once (Put, `attribute_not_exists`); every later change is an
 * UpdateItem conditioned on `#status IN (<states the action is allowed from>) AND #version = :read`,
 * which in the same write moves it to the new status's store queue (GSI3PK), bumps the version and
 * appends to `history`. When the change moves units inbound at the home, the update and the
 * home's position Puts (version-conditioned, see stock-repository.ts) go in one TransactWriteItems.
 * A failed condition hands the item back (ALL_OLD): a status the action is not allowed from is a
 * RequestStateConflict (the caller answers 409 naming it); anything else is a WriteConflictError
 * (re-read and retry: retryOnConflict).
 */
import { GetCommand, PutCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { StateConflictError, ThrottledError, WriteConflictError } from '../domain/failures.ts';
import { batchGetAll, queryAll } from './read-all.ts';
import type { RequestStatus } from '../domain/request-lifecycle.ts';
import { send, tableName, type TransactItem } from './dynamodb-client.ts';
import { keys } from './keys.ts';
import type { Page } from './pagination.ts';
import { queryPartitionPage } from './query-page.ts';
import { transactWithStore, type PageRequest } from './registry-repository.ts';
import { failedConditionState, requestItem, toRequestRecord, type RequestRecord } from './request-items.ts';

export { toRequestView, type RequestRecord } from './request-items.ts';

/** The request is in a state the action is not allowed from (undefined: it is gone). */
export class RequestStateConflict extends StateConflictError {
  override readonly name = 'RequestStateConflict';
  constructor(
    readonly requestId: string,
    override readonly current: RequestStatus | undefined,
  ) {
    super(`request ${requestId} is ${current ?? 'gone'}`, current);
  }
}

export async function createRequest(record: RequestRecord): Promise<void> {
  await send(
    new PutCommand({
      TableName: tableName(),
      Item: requestItem(record),
      ConditionExpression: 'attribute_not_exists(PK)',
      ReturnConsumedCapacity: 'TOTAL',
    }),
  );
}

/** Strongly consistent: transitions condition on the version read here. */
export async function getRequest(requestId: string): Promise<RequestRecord | undefined> {
  const { Item } = await send(
    new GetCommand({ TableName: tableName(), Key: keys.request(requestId), ConsistentRead: true, ReturnConsumedCapacity: 'TOTAL' }),
  );
  return Item ? toRequestRecord(Item) : undefined;
}

/** Strongly consistent (moves condition on what is read), 100 keys per BatchGet; unknown ids are absent. */
export async function getRequests(requestIds: readonly string[]): Promise<RequestRecord[]> {
  return (await batchGetAll(requestIds.map((id) => keys.request(id)), { consistentRead: true })).map(toRequestRecord);
}

/** A home's requests, newest first. */
export function listHomeRequests(homeId: string, page: PageRequest): Promise<Page<RequestRecord>> {
  return queryPage('GSI1', keys.homeRequestsPartition(homeId), false, page);
}

/**
 * The ids of a home's requests in these statuses: one Query of the home's requests (its index,
 * filtered on status), all pages. The index is eventually consistent: callers that write on what
 * they find re-read the requests by id (getRequests) and condition on what that read.
 */
export async function homeRequestIdsIn(homeId: string, statuses: readonly RequestStatus[]): Promise<string[]> {
  const names = statuses.map((_, i) => `:s${i}`);
  const items = await queryAll({
    TableName: tableName(),
    IndexName: 'GSI1',
    KeyConditionExpression: 'GSI1PK = :pk',
    FilterExpression: `#status IN (${names.join(', ')})`,
    ProjectionExpression: 'requestId',
    ExpressionAttributeNames: { '#status': 'status' },
    ExpressionAttributeValues: { ':pk': keys.homeRequestsPartition(homeId), ...Object.fromEntries(statuses.map((s, i) => [names[i], s])) },
  });
  return items.map((item) => item.requestId as string);
}

/** A store's queue of one status, oldest first. */
export function listStoreQueue(storeId: string, status: RequestStatus, page: PageRequest): Promise<Page<RequestRecord>> {
  return queryPage('GSI3', keys.storeRequestQueuePartition(storeId, status), true, page);
}

/**
 * The whole of a store's queue of one status, oldest first, every page: allocation, planning and
 * the urgency order must see every request, not the first thousand. A queue is a store's open
 * requests of one status, hundreds at most; each 1 MB page is one Query.
 */
export async function allInStoreQueue(storeId: string, status: RequestStatus): Promise<RequestRecord[]> {
  const items = await queryAll({
    TableName: tableName(),
    IndexName: 'GSI3',
    KeyConditionExpression: 'GSI3PK = :pk',
    ExpressionAttributeValues: { ':pk': keys.storeRequestQueuePartition(storeId, status) },
  });
  return items.map(toRequestRecord);
}

export const queuePartition = keys.storeRequestQueuePartition;

function queryPage(index: 'GSI1' | 'GSI3', partition: string, oldestFirst: boolean, page: PageRequest): Promise<Page<RequestRecord>> {
  return queryPartitionPage({ index, partition, descending: !oldestFirst, page, map: toRequestRecord });
}

/** One request going from `before` (as read) to `after`, allowed only from `allowedFrom`. */
export interface RequestChange {
  before: RequestRecord;
  after: RequestRecord;
  allowedFrom: readonly RequestStatus[];
}

/**
 * Writes the changes and the writes that go with them (position Puts, a delivery, a day's booking):
 * one UpdateItem when there is a single change and nothing else, else one TransactWriteItems
 * (≤ 100 actions: callers chunk). The request updates come first, so a cancellation reason's index
 * names its change.
 */
export async function commitRequestChanges(changes: readonly RequestChange[], items: readonly TransactItem[] = []): Promise<void> {
  const updates = changes.map(requestUpdate);
  try {
    if (updates.length === 1 && items.length === 0) {
      await send(new UpdateCommand({ ...updates[0]!, ReturnConsumedCapacity: 'TOTAL' }));
      return;
    }
    await send(
      new TransactWriteCommand({
        TransactItems: [...updates.map((Update) => ({ Update })), ...items],
        ReturnConsumedCapacity: 'TOTAL',
      }),
    );
  } catch (error) {
    throw explainFailure(error, changes);
  }
}

/**
 * A change as one entry of the caller's own transaction (a home's move writes its requests beside
 * the home): the same conditional update commitRequestChanges sends.
 */
export const requestChangeItem = (change: RequestChange): TransactItem => ({ Update: requestUpdate(change) });

/** The store it serves (storeId, and so its queue) is written too: a home's move re-attributes its open requests. */
function requestUpdate({ before, after, allowedFrom }: RequestChange) {
  const queue = keys.storeRequestQueueIndex(after.storeId, after.status, after.createdAt, after.requestId);
  const from = allowedFrom.map((_, i) => `:from${i}`);
  return {
    TableName: tableName(),
    Key: keys.request(after.requestId),
    UpdateExpression:
      'SET #status = :status, #approvedLines = :approvedLines, #override = :override, #allocatedLines = :allocatedLines, ' +
      '#allocatedAt = :allocatedAt, #deliveryId = :deliveryId, #storeId = :storeId, #updatedAt = :updatedAt, #version = :version, #gsi3pk = :gsi3pk, ' +
      '#history = list_append(#history, :appended)',
    ConditionExpression: `#status IN (${from.join(', ')}) AND #version = :expected`,
    ExpressionAttributeNames: {
      '#status': 'status',
      '#approvedLines': 'approvedLines',
      '#override': 'override',
      '#allocatedLines': 'allocatedLines',
      '#allocatedAt': 'allocatedAt',
      '#deliveryId': 'deliveryId',
      '#storeId': 'storeId',
      '#updatedAt': 'updatedAt',
      '#version': 'version',
      '#gsi3pk': 'GSI3PK',
      '#history': 'history',
    },
    ExpressionAttributeValues: {
      ':status': after.status,
      ':approvedLines': after.approvedLines,
      ':override': after.override,
      ':allocatedLines': after.allocatedLines,
      ':allocatedAt': after.allocatedAt,
      ':deliveryId': after.deliveryId,
      ':storeId': after.storeId,
      ':updatedAt': after.updatedAt,
      ':version': before.version + 1,
      ':gsi3pk': queue.GSI3PK,
      ':appended': after.history.slice(before.history.length),
      ':expected': before.version,
      ...Object.fromEntries(allowedFrom.map((status, i) => [from[i], status])),
    },
    ReturnValuesOnConditionCheckFailure: 'ALL_OLD' as const,
  };
}

/**
 * A failed write, explained: a request whose condition failed on a status the action is not
 * allowed from is a RequestStateConflict, whatever else happened to the transaction; otherwise the
 * classified failure stands (a race: WriteConflictError; throttling: ThrottledError).
 */
function explainFailure(error: unknown, changes: readonly RequestChange[]): unknown {
  if (!(error instanceof WriteConflictError || error instanceof ThrottledError)) return error;
  for (const [index, change] of changes.entries()) {
    const reason = error.reasons[index];
    if (reason?.code !== 'ConditionalCheckFailed') continue;
    const { status } = failedConditionState(reason.item);
    if (status === undefined || !change.allowedFrom.includes(status)) return new RequestStateConflict(change.after.requestId, status);
  }
  return error;
}

export interface StoredRequestCaps {
  capsPerBedPerWeek: Record<string, number>;
  updatedAt: string;
}

export async function getRequestCaps(storeId: string): Promise<StoredRequestCaps | undefined> {
  const { Item } = await send(new GetCommand({ TableName: tableName(), Key: keys.requestCaps(storeId), ReturnConsumedCapacity: 'TOTAL' }));
  return Item ? { capsPerBedPerWeek: (Item.capsPerBedPerWeek as Record<string, number>) ?? {}, updatedAt: Item.updatedAt as string } : undefined;
}

/** Replaces a store's caps, in one transaction with a check that the store exists (UnknownStoreError). */
export async function putRequestCaps(storeId: string, caps: StoredRequestCaps): Promise<void> {
  await transactWithStore(storeId, [{ Put: { TableName: tableName(), Item: { ...keys.requestCaps(storeId), entity: 'RequestCaps', storeId, ...caps } } }]);
}
