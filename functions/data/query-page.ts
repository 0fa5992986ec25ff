/**
 * One page of one partition, the shape of every list the API serves: `limit` items, an opaque
 * cursor bound to that partition (and, for a prefix query, to that prefix), so a cursor from
 * another list or another tenant's is refused (InvalidCursorError) before it reaches DynamoDB.
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { InvalidCursorError } from '../domain/failures.ts';
import { send, tableName } from './dynamodb-client.ts';
import type { IndexName } from './table-definition.ts';
import { decodeCursor, DEFAULT_PAGE_SIZE, encodeCursor, type Page, type PageRequest } from './pagination.ts';
import { t } from '../i18n/messages.ts';

export interface PartitionPageQuery<T> {
  /** The index to read; the table itself when omitted. */
  index?: IndexName;
  partition: string;
  /** Only sort keys beginning with this (e.g. one store's records of a date). */
  sortKeyPrefix?: string;
  /** Newest (highest sort key) first. */
  descending?: boolean;
  page: PageRequest;
  map: (raw: Record<string, unknown>) => T;
}

export async function queryPartitionPage<T>(query: PartitionPageQuery<T>): Promise<Page<T>> {
  const partitionAttribute = query.index ? `${query.index}PK` : 'PK';
  const sortAttribute = query.index ? `${query.index}SK` : 'SK';
  const start = decodeCursor(query.page.cursor, { attribute: partitionAttribute, value: query.partition });
  const prefix = query.sortKeyPrefix;
  // A start key must be exactly the key DynamoDB handed out (the index's and the table's key
  // attributes): any other shape, even of the right partition, makes the Query itself fail.
  const keyAttributes = new Set(query.index ? [partitionAttribute, sortAttribute, 'PK', 'SK'] : ['PK', 'SK']);
  // Key values are non-empty and within DynamoDB's 1 KB sort-key limit, or the Query fails the same way.
  const wrongShape =
    start &&
    (Object.keys(start).length !== keyAttributes.size ||
      !Object.entries(start).every(([k, v]) => keyAttributes.has(k) && v !== '' && Buffer.byteLength(v) <= 1024));
  if (wrongShape || (start && prefix !== undefined && !String(start[sortAttribute] ?? '').startsWith(prefix))) {
    throw new InvalidCursorError(t('failure.invalidCursor'));
  }
  const result = await send(
    new QueryCommand({
      TableName: tableName(),
      ...(query.index ? { IndexName: query.index } : {}),
      KeyConditionExpression: prefix === undefined ? '#pk = :pk' : '#pk = :pk AND begins_with(#sk, :prefix)',
      ExpressionAttributeNames: { '#pk': partitionAttribute, ...(prefix === undefined ? {} : { '#sk': sortAttribute }) },
      ExpressionAttributeValues: { ':pk': query.partition, ...(prefix === undefined ? {} : { ':prefix': prefix }) },
      ScanIndexForward: !query.descending,
      Limit: query.page.limit ?? DEFAULT_PAGE_SIZE,
      ExclusiveStartKey: start,
      ReturnConsumedCapacity: 'TOTAL',
    }),
  );
  return { items: (result.Items ?? []).map(query.map), nextCursor: encodeCursor(result.LastEvaluatedKey) };
}
