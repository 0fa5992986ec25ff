/**
 * Reads and writes in bulk, for the repositories to map to and from their records:
 *
 * - `queryAll`: a Query through all its pages (LastEvaluatedKey), for ranges known to be small
 *   (a store's deliveries on a date, its delivery days, one shard of an index).
 * - `batchGetAll`: items by key, one BatchGetItem per 100 keys (DynamoDB's limit). Keys that match
 *   no item are absent; order is not kept.
 * - `batchWriteAll`: Puts, 25 per BatchWriteItem (DynamoDB's limit), the batches in parallel.
 *
 * What DynamoDB leaves unprocessed (throttling, its 16 MB answer limit) is asked for again after a
 * jittered backoff, a bounded number of times (retries.ts), then refused with UnprocessedItemsError.
 * All ask DynamoDB for the capacity consumed (consumed-capacity.ts meters it).
 */
import { BatchGetCommand, BatchWriteCommand, QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { send, tableName } from './dynamodb-client.ts';
import type { TableKey } from './keys.ts';
import { retryUnprocessed } from './retries.ts';

const BATCH_GET_LIMIT = 100;
const BATCH_WRITE_LIMIT = 25;

export async function queryAll(input: QueryCommandInput): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await send(new QueryCommand({ ...input, ExclusiveStartKey: start, ReturnConsumedCapacity: 'TOTAL' }));
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
}

export interface BatchGetOptions {
  /** Strongly consistent reads, for items a write will be conditioned on. */
  consistentRead?: boolean;
  /** Only these attributes (a ProjectionExpression and its names), when the caller needs a few. */
  projection?: { expression: string; names?: Record<string, string> };
}

export async function batchGetAll(itemKeys: readonly TableKey[], { consistentRead = false, projection }: BatchGetOptions = {}): Promise<Record<string, unknown>[]> {
  const found: Record<string, unknown>[] = [];
  const options = {
    ...(consistentRead ? { ConsistentRead: true } : {}),
    ...(projection ? { ProjectionExpression: projection.expression, ...(projection.names ? { ExpressionAttributeNames: projection.names } : {}) } : {}),
  };
  for (let start = 0; start < itemKeys.length; start += BATCH_GET_LIMIT) {
    const request: Record<string, { Keys: Record<string, unknown>[] }> = {
      [tableName()]: { Keys: itemKeys.slice(start, start + BATCH_GET_LIMIT), ...options },
    };
    await retryUnprocessed(request, async (pending) => {
      const result = await send(new BatchGetCommand({ RequestItems: pending, ReturnConsumedCapacity: 'TOTAL' }));
      found.push(...(result.Responses?.[tableName()] ?? []));
      return result.UnprocessedKeys as typeof pending | undefined;
    }, 'keys of a batch read');
  }
  return found;
}

/** Puts every item (whole items, keys included), 25 per BatchWriteItem, the batches in parallel. */
export async function batchWriteAll(items: readonly Record<string, unknown>[]): Promise<void> {
  const batches: Record<string, { PutRequest: { Item: Record<string, unknown> } }[]>[] = [];
  for (let start = 0; start < items.length; start += BATCH_WRITE_LIMIT) {
    batches.push({ [tableName()]: items.slice(start, start + BATCH_WRITE_LIMIT).map((Item) => ({ PutRequest: { Item } })) });
  }
  await Promise.all(
    batches.map((request) =>
      retryUnprocessed(request, async (pending) => {
        const result = await send(new BatchWriteCommand({ RequestItems: pending, ReturnConsumedCapacity: 'TOTAL' }));
        return result.UnprocessedItems as typeof pending | undefined;
      }, 'items of a batch write'),
    ),
  );
}
