/**
 * Idempotency records on the one table, through Powertools' DynamoDB persistence layer:
 *   { PK: IDEMPOTENCY, SK: <route key>#<sha256 of [caller org, method, path, Idempotency-Key]>,
 *     status: INPROGRESS | COMPLETED, ttl (epoch seconds, the table's TTL attribute),
 *     inProgressUntil (epoch ms: the Lambda's deadline), payloadHash, response }
 *
 * Why these semantics hold (read from Powertools 2.35's source, and tested against DynamoDB Local):
 * - the first write is a conditional Put that succeeds when the key is new, when its `ttl` has passed
 *   (`#expiry < :now`) or when an in-progress record outlived its Lambda; so an expired record, which
 *   DynamoDB Local never deletes (and DynamoDB deletes only within a day or two), is ignored;
 * - a failed Put hands the old record back (ALL_OLD): another body (payload hash) → validation
 *   error (422), still in progress → already-in-progress error (409), completed → its response;
 * - when the work throws, the in-progress record is deleted, so a refused request leaves nothing.
 *
 * One layer per route and table: Powertools keeps the key prefix on the layer instance, and the
 * local server runs every route in one process.
 */
import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import { dynamodbClient, tableName } from './dynamodb-client.ts';
import { keys } from './keys.ts';

const layers = new Map<string, DynamoDBPersistenceLayer>();

export function idempotencyStore(routeKey: string): DynamoDBPersistenceLayer {
  const table = tableName();
  const id = `${table}\n${routeKey}`;
  let layer = layers.get(id);
  if (!layer) {
    layer = new DynamoDBPersistenceLayer({
      tableName: table,
      keyAttr: 'PK',
      sortKeyAttr: 'SK',
      staticPkValue: keys.idempotencyPartition,
      expiryAttr: 'ttl',
      inProgressExpiryAttr: 'inProgressUntil',
      dataAttr: 'response',
      validationKeyAttr: 'payloadHash',
      awsSdkV3Client: dynamodbClient,
    });
    layers.set(id, layer);
  }
  return layer;
}
