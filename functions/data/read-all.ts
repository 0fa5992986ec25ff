/**
 * Reads that go on until they have everything, for the repositories to map to their records:
 *
 * - `queryAll`: a Query through all its pages (LastEvaluatedKey), for ranges known to be small
 *   (a store's deliveries on a date, its delivery days, one shard of an index).
 * - `batchGetAll`: items by key, one BatchGetItem per 100 keys (DynamoDB's limit), what DynamoDB
 *   leaves unprocessed (throttling, its 16 MB answer limit) asked for again after a jittered
 *   backoff, as DynamoDB recommends. Keys that match no item are absent; order is not kept.
 *
 * Both ask DynamoDB for the capacity consumed (consumed-capacity.ts meters it).
 */
import { BatchGetCommand, QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { documentClient, tableName } from './dynamodb-client.ts';
import type { TableKey } from './keys.ts';

const BATCH_GET_LIMIT = 100;

export async function queryAll(input: QueryCommandInput): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await documentClient.send(new QueryCommand({ ...input, ExclusiveStartKey: start, ReturnConsumedCapacity: 'TOTAL' }));
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
    let request: Record<string, { Keys: Record<string, unknown>[] }> | undefined = {
      [tableName()]: { Keys: itemKeys.slice(start, start + BATCH_GET_LIMIT), ...options },
    };
    for (let attempt = 0; request && Object.keys(request).length > 0; attempt++) {
      if (attempt > 0) await backoff(attempt);
      const result = await documentClient.send(new BatchGetCommand({ RequestItems: request, ReturnConsumedCapacity: 'TOTAL' }));
      found.push(...(result.Responses?.[tableName()] ?? []));
      request = result.UnprocessedKeys as typeof request;
    }
  }
  return found;
}

const backoff = (attempt: number) => new Promise((resolve) => setTimeout(resolve, Math.min(1000, 25 * 2 ** attempt) * Math.random()));
