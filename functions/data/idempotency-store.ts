/**
 * Idempotency records on the one table, through Powertools' DynamoDB persistence layer:
 *   { PK: IDEMPOTENCY#<route key>#<caller org>,
 *     SK: <route key>#<sha256 of [caller org, method, path, Idempotency-Key]>,
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
 * A partition per route and caller organisation (Powertools partitions per function; one static
 * partition for every route and tenant would be a hot key at national scale). Powertools keeps the
 * partition value and the key prefix on the layer instance, so there is one layer per table, route
 * and organisation, made on first use (the local server runs every route in one process).
 */
import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import { dynamodbClient, tableName } from './dynamodb-client.ts';
import { keys } from './keys.ts';

const layers = new Map<string, DynamoDBPersistenceLayer>();

export function idempotencyStore(routeKey: string, org: string): DynamoDBPersistenceLayer {
  const table = tableName();
  const id = `${table}\n${routeKey}\n${org}`;
  let layer = layers.get(id);
  if (!layer) {
    layer = new DynamoDBPersistenceLayer({
      tableName: table,
      keyAttr: 'PK',
      sortKeyAttr: 'SK',
      staticPkValue: keys.idempotencyPartition(routeKey, org),
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
