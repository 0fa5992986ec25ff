/** The daily rollups in the table: the only code that reads or writes them. */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { RollupFigures } from '../domain/rollup.ts';
import { send, tableName } from './dynamodb-client.ts';
import { keys, type RollupScope } from './keys.ts';
import { batchWriteAll, queryAll } from './read-all.ts';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';

/** The region id of the stores in none, in rollup keys (not a slug, so no region can have it). */
export const NO_REGION = '-';

export interface RollupRecord {
  date: string;
  asOf: string;
  scope: RollupScope;
  name: string;
  /** The name in Welsh, when the store or region has one (the nation's and no region's always). */
  nameCy?: string;
  /** A store's region (NO_REGION: none). */
  regionId?: string;
  figures: RollupFigures;
}

function toItem(record: RollupRecord): Record<string, unknown> {
  const { scope, date } = record;
  return {
    ...keys.rollup(date, scope),
    ...keys.rollupSeriesIndex(scope, date),
    ...(scope.kind === 'store' ? keys.rollupRegionStoresIndex(date, record.regionId ?? NO_REGION, scope.id) : {}),
    entity: 'Rollup',
    date,
    asOf: record.asOf,
    scopeKind: scope.kind,
    ...(scope.kind === 'nation' ? {} : { scopeId: scope.id }),
    name: record.name,
    ...(record.nameCy !== undefined ? { nameCy: record.nameCy } : {}),
    ...(record.regionId !== undefined ? { regionId: record.regionId } : {}),
    figures: record.figures,
  };
}

function fromItem(raw: Record<string, unknown>): RollupRecord {
  const kind = raw.scopeKind as RollupScope['kind'];
  const scope: RollupScope = kind === 'nation' ? { kind } : { kind, id: String(raw.scopeId) };
  return {
    date: String(raw.date),
    asOf: String(raw.asOf),
    scope,
    name: String(raw.name),
    ...(typeof raw.nameCy === 'string' ? { nameCy: raw.nameCy } : {}),
    ...(typeof raw.regionId === 'string' ? { regionId: raw.regionId } : {}),
    figures: raw.figures as RollupFigures,
  };
}

/** Puts every rollup of a date whole (25 a BatchWriteItem): a re-run for the date rewrites the same keys. */
export async function putRollups(records: readonly RollupRecord[]): Promise<void> {
  await batchWriteAll(records.map(toItem));
}

/** The nation's rollup and its regions' on a date: one Query of the date's partition. */
export async function nationAndRegions(date: string): Promise<{ nation: RollupRecord | undefined; regions: RollupRecord[] }> {
  const items = await queryAll({
    TableName: tableName(),
    KeyConditionExpression: 'PK = :pk AND SK BETWEEN :from AND :to',
    ExpressionAttributeValues: { ':pk': keys.rollupPartition(date), ':from': keys.rollupNationAndRegions.from, ':to': keys.rollupNationAndRegions.to },
  }).then((list) => list.map(fromItem));
  return { nation: items.find((r) => r.scope.kind === 'nation'), regions: items.filter((r) => r.scope.kind === 'region') };
}

/** A region's rollup and its stores' on a date: one GetItem and one Query (GSI3), in parallel. */
export async function regionAndStores(date: string, regionId: string): Promise<{ region: RollupRecord | undefined; stores: RollupRecord[] }> {
  const [found, stores] = await Promise.all([
    getRollup(date, { kind: 'region', id: regionId }),
    queryAll({
      TableName: tableName(),
      IndexName: 'GSI3',
      KeyConditionExpression: 'GSI3PK = :pk',
      ExpressionAttributeValues: { ':pk': keys.rollupRegionStoresPartition(date, regionId) },
    }),
  ]);
  return { region: found, stores: stores.map(fromItem) };
}

export async function getRollup(date: string, scope: RollupScope): Promise<RollupRecord | undefined> {
  const { Item: found } = await send(new GetCommand({ TableName: tableName(), Key: keys.rollup(date, scope) }));
  return found ? fromItem(found) : undefined;
}

/** The rollups of one nation, region or store from `from` to `to` (inclusive), by date: one Query (GSI1). */
export async function rollupSeries(scope: RollupScope, from: string, to: string): Promise<RollupRecord[]> {
  const items = await queryAll({
    TableName: tableName(),
    IndexName: 'GSI1',
    KeyConditionExpression: 'GSI1PK = :pk AND GSI1SK BETWEEN :from AND :to',
    ExpressionAttributeValues: { ':pk': keys.rollupSeriesPartition(scope), ':from': from, ':to': to },
  });
  return items.map(fromItem);
}

/** The date of the latest rollup of `scope` on or before `date`, if any: one Query of one item. */
export async function latestRollupDate(scope: RollupScope, onOrBefore: string): Promise<string | undefined> {
  const { Items } = await send(
    new QueryCommand({
      TableName: tableName(),
      IndexName: 'GSI1',
      KeyConditionExpression: 'GSI1PK = :pk AND GSI1SK <= :date',
      ExpressionAttributeValues: { ':pk': keys.rollupSeriesPartition(scope), ':date': onOrBefore },
      ScanIndexForward: false,
      Limit: 1,
      ProjectionExpression: '#date',
      ExpressionAttributeNames: { '#date': 'date' },
      ReturnConsumedCapacity: 'TOTAL',
    }),
  );
  const date = Items?.[0]?.date;
  return typeof date === 'string' ? date : undefined;
}
