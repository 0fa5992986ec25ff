/**
 * The one module that knows how every item's keys are spelled. Nothing else in the code base
 * concatenates key strings: repositories ask this module for keys and index values by name.
 * Each builder documents the access pattern (ARCHITECTURE.md §3) it serves.
 */
import { TIME_INDEX_SHARDS } from './table-definition.ts';

export type LocationKind = 'home' | 'store';
export interface LocationRef {
  readonly kind: LocationKind;
  readonly id: string;
}

export type TableKey = {
  PK: string;
  SK: string;
};

const PROFILE = 'PROFILE';
const WEBHOOK_OUTBOX = 'WEBHOOK-OUTBOX';
const WEBHOOK_DUE = 'WEBHOOK-DUE';

/** FNV-1a: a cheap, stable hash to pick a write shard (no crypto needed, no bundle cost). */
export function shardOf(value: string, shards = TIME_INDEX_SHARDS): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < value.length; i++) {
    hash ^= value.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % shards;
}

export const locationPk = (location: LocationRef): string =>
  `${location.kind === 'home' ? 'HOME' : 'STORE'}#${location.id}`;

export const keys = {
  // 1. catalogue, stores, homes, and the homes a store serves
  item: (sku: string): TableKey => ({ PK: `ITEM#${sku}`, SK: 'ITEM' }),
  catalogueIndex: (sku: string) => ({ GSI1PK: 'CATALOGUE', GSI1SK: sku }),
  cataloguePartition: 'CATALOGUE',

  store: (storeId: string): TableKey => ({ PK: locationPk({ kind: 'store', id: storeId }), SK: PROFILE }),
  storeListIndex: (storeId: string) => ({ GSI1PK: 'STORES', GSI1SK: storeId }),
  storeListPartition: 'STORES',

  region: (regionId: string): TableKey => ({ PK: `REGION#${regionId}`, SK: PROFILE }),
  regionListIndex: (regionId: string) => ({ GSI1PK: 'REGIONS', GSI1SK: regionId }),
  regionListPartition: 'REGIONS',

  home: (homeId: string): TableKey => ({ PK: locationPk({ kind: 'home', id: homeId }), SK: PROFILE }),
  storeHomesIndex: (storeId: string, homeId: string) => ({ GSI1PK: `STORE#${storeId}#HOMES`, GSI1SK: homeId }),
  storeHomesPartition: (storeId: string) => `STORE#${storeId}#HOMES`,

  // 2. every stock position of a location (one Query on PK, SK begins_with POS#), or one position
  position: (location: LocationRef, sku: string): TableKey => ({ PK: locationPk(location), SK: `POS#${sku}` }),
  positionPrefix: 'POS#',
  /**
   * A location's positions and its profile in one Query (`SK BETWEEN from AND to`): every `POS#…`
   * sorts before `PROFILE` ('O' < 'R'), and nothing else lives in a location's partition.
   */
  locationStockRange: (location: LocationRef) => ({ PK: locationPk(location), from: 'POS#', to: PROFILE }),

  // 3. count / receipt / adjustment history of a position, newest first
  stockEvent: (location: LocationRef, sku: string, at: string, eventId: string): TableKey => ({
    PK: `HIST#${locationPk(location)}#${sku}`,
    SK: `${at}#${eventId}`,
  }),
  stockHistoryPartition: (location: LocationRef, sku: string) => `HIST#${locationPk(location)}#${sku}`,

  // 4. the write-sharded at-risk index: every position, keyed by the earliest instant the at-risk
  //    rule can turn it non-green (domain/at-risk.ts `riskFrom`), rewritten with every Put
  atRiskIndex: (location: LocationRef, sku: string, riskFrom: string) => ({
    GSI2PK: `RUNOUT#${shardOf(`${locationPk(location)}#${sku}`)}`,
    GSI2SK: `${riskFrom}#${locationPk(location)}#${sku}`,
  }),
  atRiskShardPartition: (shard: number) => `RUNOUT#${shard}`,

  // 7b. homes by last count (never counted sorts first), sharded like the run-out index
  lastCountIndex: (homeId: string, lastCountedAt: string | null) => ({
    GSI2PK: `LASTCOUNT#${shardOf(homeId)}`,
    GSI2SK: `${lastCountedAt ?? NEVER}#${homeId}`,
  }),
  lastCountShardPartition: (shard: number) => `LASTCOUNT#${shard}`,

  // 4b. a home's outbreaks, newest first (its own partition; the open one is also on the home item)
  outbreak: (homeId: string, declaredAt: string, outbreakId: string): TableKey => ({ PK: `OUTBREAKS#HOME#${homeId}`, SK: `${declaredAt}#${outbreakId}` }),
  outbreaksPartition: (homeId: string) => `OUTBREAKS#HOME#${homeId}`,

  // 5. requests: by id; a home's newest first (GSI1); a store's queue by status, oldest first (GSI3)
  request: (requestId: string): TableKey => ({ PK: `REQUEST#${requestId}`, SK: 'REQUEST' }),
  homeRequestsIndex: (homeId: string, createdAt: string, requestId: string) => ({
    GSI1PK: `HOME#${homeId}#REQUESTS`,
    GSI1SK: `${createdAt}#${requestId}`,
  }),
  homeRequestsPartition: (homeId: string) => `HOME#${homeId}#REQUESTS`,
  storeRequestQueueIndex: (storeId: string, status: string, createdAt: string, requestId: string) => ({
    GSI3PK: `STORE#${storeId}#REQUESTS#${status}`,
    GSI3SK: `${createdAt}#${requestId}`,
  }),
  storeRequestQueuePartition: (storeId: string, status: string) => `STORE#${storeId}#REQUESTS#${status}`,
  /** A store's request caps (units per bed per week, per SKU): its own partition, not the store's stock partition. */
  requestCaps: (storeId: string): TableKey => ({ PK: `REQUEST-CAPS#STORE#${storeId}`, SK: 'REQUEST-CAPS' }),

  // 6. deliveries: by id; a store's by date (GSI1); a home's by date (GSI3)
  delivery: (deliveryId: string): TableKey => ({ PK: `DELIVERY#${deliveryId}`, SK: 'DELIVERY' }),
  storeDeliveriesIndex: (storeId: string, date: string, homeId: string) => ({
    GSI1PK: `STORE#${storeId}#DELIVERIES`,
    GSI1SK: `${date}#${homeId}`,
  }),
  storeDeliveriesPartition: (storeId: string) => `STORE#${storeId}#DELIVERIES`,
  homeDeliveriesIndex: (homeId: string, date: string, deliveryId: string) => ({
    GSI3PK: `HOME#${homeId}#DELIVERIES`,
    GSI3SK: `${date}#${deliveryId}`,
  }),
  homeDeliveriesPartition: (homeId: string) => `HOME#${homeId}#DELIVERIES`,
  /**
   * 6b. a store's delivery day: the homes it delivers to on that date (its capacity in use). Its own
   * partition per store, one item per date, read strongly consistent as a date range (SK BETWEEN).
   */
  deliveryDay: (storeId: string, date: string): TableKey => ({ PK: `DELIVERY-DAY#STORE#${storeId}`, SK: date }),
  deliveryDayPartition: (storeId: string) => `DELIVERY-DAY#STORE#${storeId}`,

  // 7a. shortfalls by date, and by store and date (SK begins_with storeId#)
  shortfall: (date: string, storeId: string, homeId: string): TableKey => ({
    PK: `SHORTFALL#${date}`,
    SK: `${storeId}#${homeId}`,
  }),
  shortfallPartition: (date: string) => `SHORTFALL#${date}`,
  shortfallStorePrefix: (storeId: string) => `${storeId}#`,
  /** 7c. the alert ledger: per store and date, the homes it has been alerted about (its own partition, so lists stay records only). */
  shortfallAlerts: (date: string, storeId: string): TableKey => ({ PK: `SHORTFALL-ALERTS#${date}`, SK: `STORE#${storeId}` }),
  shortfallAlertsPartition: (date: string) => `SHORTFALL-ALERTS#${date}`,

  // 9. daily rollups. One partition per date: the nation (`NATION`), each region (`REGION#<id>`) and
  //    each store (`STORE#<id>`), so a date's national table is one Query (NATION … REGION#~). Over
  //    time, per nation, region or store on GSI1 (SK the date: the trend is one Query). A region's
  //    stores on a date on GSI3 (an index entry moves with the store's region when rewritten).
  rollup: (date: string, scope: RollupScope): TableKey => ({ PK: `ROLLUP#${date}`, SK: rollupSk(scope) }),
  rollupPartition: (date: string) => `ROLLUP#${date}`,
  /** SK bounds of the nation and its regions within a date's partition ('~' sorts after every slug). */
  rollupNationAndRegions: { from: 'NATION', to: 'REGION#~' },
  rollupSeriesIndex: (scope: RollupScope, date: string) => ({ GSI1PK: rollupSeriesPartition(scope), GSI1SK: date }),
  rollupSeriesPartition: (scope: RollupScope) => rollupSeriesPartition(scope),
  rollupRegionStoresIndex: (date: string, regionId: string, storeId: string) => ({ GSI3PK: `ROLLUP#${date}#REGION#${regionId}`, GSI3SK: storeId }),
  rollupRegionStoresPartition: (date: string, regionId: string) => `ROLLUP#${date}#REGION#${regionId}`,

  // 10. webhooks (issue #21). A subscription by id; an organisation's subscriptions (GSI1, oldest
  //     first) and its count (one item per org, conditioned on the limit); the outbox: one event
  //     per change, written in the change's own transaction, on the sparse GSI2 partition
  //     `WEBHOOK-OUTBOX` until it is fanned out; per subscription its delivery log, newest first,
  //     each pending delivery on the sparse GSI2 partition `WEBHOOK-DUE` by its next attempt time.
  webhook: (subscriptionId: string): TableKey => ({ PK: `WEBHOOK#${subscriptionId}`, SK: 'WEBHOOK' }),
  orgWebhooksIndex: (org: string, createdAt: string, subscriptionId: string) => ({ GSI1PK: `ORG#${org}#WEBHOOKS`, GSI1SK: `${createdAt}#${subscriptionId}` }),
  orgWebhooksPartition: (org: string) => `ORG#${org}#WEBHOOKS`,
  orgWebhookCount: (org: string): TableKey => ({ PK: `ORG#${org}#WEBHOOKS`, SK: 'COUNT' }),
  webhookEvent: (eventId: string): TableKey => ({ PK: `WEBHOOK-EVENT#${eventId}`, SK: 'EVENT' }),
  webhookOutboxIndex: (timestamp: string, eventId: string) => ({ GSI2PK: WEBHOOK_OUTBOX, GSI2SK: `${timestamp}#${eventId}` }),
  webhookOutboxPartition: WEBHOOK_OUTBOX,
  webhookDelivery: (subscriptionId: string, eventTimestamp: string, eventId: string): TableKey => ({ PK: `WEBHOOK-DELIVERIES#${subscriptionId}`, SK: `${eventTimestamp}#${eventId}` }),
  webhookDeliveriesPartition: (subscriptionId: string) => `WEBHOOK-DELIVERIES#${subscriptionId}`,
  webhookDueIndex: (nextAttemptAt: string, subscriptionId: string, eventId: string) => ({ GSI2PK: WEBHOOK_DUE, GSI2SK: `${nextAttemptAt}#${subscriptionId}#${eventId}` }),
  webhookDuePartition: WEBHOOK_DUE,

  // idempotency records (Powertools persistence layer on the same table): a partition per route and
  // caller organisation, so no one partition takes every route's and every tenant's retries.
  idempotencyPartition: (routeKey: string, org: string) => `IDEMPOTENCY#${routeKey}#${org}`,
  // 8. memberships: a member by id; an organisation's current members (GSI1, by email); the two
  //    lookups that must be strongly consistent and unique, each its own item: an email's one
  //    membership (one email → one org), and an identity subject's (Cognito `sub`, or a machine
  //    client's id) membership, which the pre-token-generation trigger reads.
  member: (memberId: string): TableKey => ({ PK: `MEMBER#${memberId}`, SK: 'MEMBER' }),
  orgMembersIndex: (org: string, sortName: string, memberId: string) => ({
    GSI1PK: `ORG#${org}#MEMBERS`,
    GSI1SK: `${sortName}#${memberId}`,
  }),
  orgMembersPartition: (org: string) => `ORG#${org}#MEMBERS`,
  memberEmail: (email: string): TableKey => ({ PK: `MEMBER-EMAIL#${email}`, SK: 'MEMBER-EMAIL' }),
  memberSubject: (subject: string): TableKey => ({ PK: `MEMBER-SUBJECT#${subject}`, SK: 'MEMBER-SUBJECT' }),
  /** A machine client's identity subject: its app client id, in a namespace no Cognito `sub` can reach. */
  machineSubject: (clientId: string) => `client:${clientId}`,
} as const;

/** What a rollup is of: the nation, a region (`-`: the stores in none) or a store. */
export type RollupScope = { kind: 'nation' } | { kind: 'region'; id: string } | { kind: 'store'; id: string };

const rollupSk = (scope: RollupScope) => (scope.kind === 'nation' ? 'NATION' : `${scope.kind === 'region' ? 'REGION' : 'STORE'}#${scope.id}`);
const rollupSeriesPartition = (scope: RollupScope) => `ROLLUP#${rollupSk(scope)}`;

/** Sorts before every ISO timestamp, so never-counted homes come first in "older than" queries. */
const NEVER = '0000-00-00T00:00:00.000Z';
