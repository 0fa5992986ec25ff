/**
 * How a PPE request looks in the table, both ways. Pure (no SDK).
 *
 * Request item (one per request):
 *   { PK: REQUEST#<id>, SK: REQUEST, entity: 'Request', ...RequestView, version,
 *     GSI1PK: HOME#<homeId>#REQUESTS,           GSI1SK: <createdAt>#<id>   ← a home's requests, newest first
 *     GSI3PK: STORE#<storeId>#REQUESTS#<status>, GSI3SK: <createdAt>#<id>   ← the store's queue of that status, oldest first }
 *
 * Every write after the first is a conditional update on status and version (request-repository.ts)
 * that also rewrites GSI3PK, so the request moves between the store's queues in the same write.
 */
import type { RequestStatus } from '../domain/request-lifecycle.ts';
import { REQUEST_STATUSES } from '../domain/request-lifecycle.ts';
import type { RequestView } from '../schemas/requests.ts';
import { keys } from './keys.ts';

export const REQUEST_ENTITY = 'Request';

/** A stored request: its view and the version every write conditions on (1 on creation). */
export interface RequestRecord extends RequestView {
  version: number;
  /**
   * The delivery the planner put it on (set with `scheduled`, kept through dispatch and receipt);
   * null before planning and once cancelled. Lets a cancel take the request off its delivery
   * without searching for it. Internal, like the version.
   */
  deliveryId: string | null;
}

export function requestItem(record: RequestRecord): Record<string, unknown> {
  return {
    ...keys.request(record.requestId),
    ...keys.homeRequestsIndex(record.homeId, record.createdAt, record.requestId),
    ...keys.storeRequestQueueIndex(record.storeId, record.status, record.createdAt, record.requestId),
    entity: REQUEST_ENTITY,
    ...record,
  };
}

export function toRequestRecord(raw: Record<string, unknown>): RequestRecord {
  return {
    requestId: raw.requestId as string,
    homeId: raw.homeId as string,
    storeId: raw.storeId as string,
    status: raw.status as RequestStatus,
    lines: (raw.lines as RequestView['lines']) ?? [],
    neededBy: (raw.neededBy as string | null) ?? null,
    note: (raw.note as string | null) ?? null,
    approvedLines: (raw.approvedLines as RequestView['approvedLines']) ?? null,
    override: (raw.override as RequestView['override']) ?? null,
    allocatedLines: (raw.allocatedLines as RequestView['allocatedLines']) ?? null,
    allocatedAt: (raw.allocatedAt as string | null) ?? null,
    createdAt: raw.createdAt as string,
    updatedAt: raw.updatedAt as string,
    history: (raw.history as RequestView['history']) ?? [],
    version: Number(raw.version ?? 0),
    deliveryId: (raw.deliveryId as string | null | undefined) ?? null,
  };
}

/** The API's view: the version and the delivery id stay internal. */
export function toRequestView({ version: _version, deliveryId: _deliveryId, ...view }: RequestRecord): RequestView {
  return view;
}

/**
 * Status and version of the item DynamoDB hands back on a failed condition (ALL_OLD). It arrives
 * in AttributeValue form even through the document client, so only the two fields needed are read.
 */
export function failedConditionState(item: unknown): { status: RequestStatus | undefined; version: number | undefined } {
  const raw = (item ?? {}) as Record<string, { S?: string; N?: string } | string | number | undefined>;
  const read = (value: (typeof raw)[string]) => (value !== null && typeof value === 'object' ? (value.S ?? value.N) : value);
  const status = read(raw.status);
  const version = read(raw.version);
  return {
    status: REQUEST_STATUSES.includes(status as RequestStatus) ? (status as RequestStatus) : undefined,
    version: version === undefined ? undefined : Number(version),
  };
}
