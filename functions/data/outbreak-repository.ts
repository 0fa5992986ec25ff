/**
 * Outbreaks in the table: the only code that reads or writes them.
 *
 * Outbreak item (one per outbreak, its home's history, newest first by SK):
 *   { PK: OUTBREAKS#HOME#<id>, SK: <declaredAt>#<outbreakId>, entity: 'Outbreak', ...Outbreak }
 * The open one is also on the home item (`outbreak`: id, declaredAt, residents, dates), so the
 * worklist and the count writer see it with the reads they make anyway.
 *
 * Declaring, changing or ending an outbreak is ONE transaction: the home item (conditioned on the
 * open outbreak it was read with), the outbreak record, and every position of the home rewritten
 * whole with its forecast (conditioned on its version), so the at-risk index entry of each
 * position moves in the same write and the next shortfall job sees it.
 */
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { randomUUID } from 'node:crypto';
import type { Outbreak } from '../schemas/outbreaks.ts';
import { send, tableName, type TransactItem } from './dynamodb-client.ts';
import { keys } from './keys.ts';
import type { Page, PageRequest } from './pagination.ts';
import { queryPartitionPage } from './query-page.ts';
import type { OpenOutbreak } from './registry-repository.ts';
import { positionPut, type PositionRecord } from './stock-repository.ts';
import type { PositionState } from '../domain/stock-position.ts';

const OUTBREAK_ENTITY = 'Outbreak';

/** DynamoDB's limit of actions in one transaction, less the home and the record. */
export const MAX_OUTBREAK_POSITIONS = 98;

export const outbreakRecordItem = (record: Outbreak) => ({ ...keys.outbreak(record.homeId, record.declaredAt, record.outbreakId), entity: OUTBREAK_ENTITY, ...record });

export function toOutbreak(raw: Record<string, unknown>): Outbreak {
  return {
    outbreakId: String(raw.outbreakId),
    homeId: String(raw.homeId),
    status: raw.status === 'ended' ? 'ended' : 'open',
    isolatingResidents: Number(raw.isolatingResidents),
    startedOn: String(raw.startedOn),
    expectedEndOn: typeof raw.expectedEndOn === 'string' ? raw.expectedEndOn : null,
    note: typeof raw.note === 'string' ? raw.note : null,
    declaredAt: String(raw.declaredAt),
    declaredBy: String(raw.declaredBy),
    updatedAt: String(raw.updatedAt),
    endedAt: typeof raw.endedAt === 'string' ? raw.endedAt : null,
    endedBy: typeof raw.endedBy === 'string' ? raw.endedBy : null,
    items: ((raw.items as Outbreak['items'] | undefined) ?? []).map((i) => ({ sku: String(i.sku), baselineUsage: Number(i.baselineUsage), surgeUsage: Number(i.surgeUsage) })),
  };
}

export async function getOutbreak(homeId: string, declaredAt: string, outbreakId: string): Promise<Outbreak | undefined> {
  const page = await queryPartitionPage({
    partition: keys.outbreaksPartition(homeId),
    sortKeyPrefix: keys.outbreak(homeId, declaredAt, outbreakId).SK,
    page: { limit: 1 },
    map: toOutbreak,
  });
  return page.items[0];
}

export const listOutbreaks = (homeId: string, page: PageRequest): Promise<Page<Outbreak>> =>
  queryPartitionPage({ partition: keys.outbreaksPartition(homeId), descending: true, page, map: toOutbreak });

export const newOutbreakId = () => `ob-${randomUUID()}`;

export interface OutbreakCommit {
  homeId: string;
  /** The open outbreak's id the home was read with (null: none was open). */
  expectedOpenId: string | null;
  /** What the home item carries afterwards (null: no open outbreak). */
  open: OpenOutbreak | null;
  record: Outbreak;
  positions: readonly { record: PositionRecord; state: PositionState }[];
}

/** One transaction: home, record, positions. A WriteConflictError when any of them moved since it was read. */
export async function commitOutbreak(commit: OutbreakCommit): Promise<void> {
  const homeCondition =
    commit.expectedOpenId === null
      ? 'attribute_exists(PK) AND (attribute_not_exists(outbreak) OR attribute_type(outbreak, :nullType))'
      : 'attribute_exists(PK) AND outbreak.outbreakId = :expected';
  const home: TransactItem = {
    Update: {
      TableName: tableName(),
      Key: keys.home(commit.homeId),
      UpdateExpression: 'SET outbreak = :open',
      ConditionExpression: homeCondition,
      ExpressionAttributeValues: {
        ':open': commit.open,
        ...(commit.expectedOpenId === null ? { ':nullType': 'NULL' } : { ':expected': commit.expectedOpenId }),
      },
    },
  };
  await send(
    new TransactWriteCommand({
      TransactItems: [
        home,
        { Put: { TableName: tableName(), Item: outbreakRecordItem(commit.record) } },
        ...commit.positions.map(({ record, state }) => positionPut(record.location, state, record.version, record.attribution)),
      ],
      ClientRequestToken: randomUUID(),
      ReturnConsumedCapacity: 'TOTAL',
    }),
  );
}
