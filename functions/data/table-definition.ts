/**
 * The one definition of Carestock's DynamoDB table: key attributes, indexes and TTL.
 * The CDK data construct and the local runtime (DynamoDB Local) both build the table from this,
 * so the keys the code writes and the indexes that serve them can never drift apart.
 * No AWS imports here: it is plain data.
 */
export interface IndexDefinition {
  readonly indexName: string;
  readonly partitionKey: string;
  readonly sortKey: string;
  /** Why the index exists: the access patterns it serves. */
  readonly serves: string;
}

export const tableDefinition = {
  partitionKey: 'PK',
  sortKey: 'SK',
  /** Expiring records (idempotency keys). DynamoDB Local does not enforce TTL: readers filter on it. */
  timeToLiveAttribute: 'ttl',
  indexes: [
    {
      indexName: 'GSI1',
      partitionKey: 'GSI1PK',
      sortKey: 'GSI1SK',
      serves: 'parent → children lists: catalogue, stores, a store’s homes, a home’s requests, a store’s deliveries by date',
    },
    {
      indexName: 'GSI2',
      partitionKey: 'GSI2PK',
      sortKey: 'GSI2SK',
      serves: 'sparse, write-sharded time indexes: positions by run-out date (usage > 0 only), homes by last count',
    },
    {
      indexName: 'GSI3',
      partitionKey: 'GSI3PK',
      sortKey: 'GSI3SK',
      serves: 'queues: a store’s requests by status (oldest first), a home’s deliveries by date',
    },
  ] satisfies IndexDefinition[],
} as const;

export type IndexName = (typeof tableDefinition.indexes)[number]['indexName'];

/** Every key attribute is a string; this lists them for CreateTable's AttributeDefinitions. */
export function keyAttributeNames(): string[] {
  const names: string[] = [tableDefinition.partitionKey, tableDefinition.sortKey];
  for (const index of tableDefinition.indexes) names.push(index.partitionKey, index.sortKey);
  return names;
}

/** Number of write shards of the sparse time indexes: enough to spread a morning burst of counts. */
export const TIME_INDEX_SHARDS = 8;
