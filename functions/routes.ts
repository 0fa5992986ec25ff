/**
 * The one route table. The CDK API construct makes one function and one HTTP API route per entry;
 * the local runtime serves the same entries with the same handlers. Plain data: no imports of
 * handler code, so the stack, the local server and each handler's scope check can all read it.
 */
import { scopes, type Scope } from './scopes.ts';

export type HttpMethod = 'GET' | 'PUT' | 'POST' | 'PATCH' | 'DELETE';

export interface RouteDefinition {
  readonly method: HttpMethod;
  readonly path: string;
  /** File under functions/handlers/, without extension; exports `handler`. */
  readonly handler: string;
  /** Required scope; null for the two public routes (health, OpenAPI document). */
  readonly scope: Scope | null;
  /** Table access the function is granted: least privilege. */
  readonly table: 'none' | 'read' | 'readwrite';
  /** Extra grants: publish to the alerts bus and topic. */
  readonly alerts?: boolean;
  /** Extra grants: create and disable people in the identity directory (Cognito's admin user API). */
  readonly directory?: boolean;
  readonly summary: string;
  readonly tag: 'system' | 'catalogue' | 'regions' | 'stores' | 'homes' | 'stock' | 'requests' | 'deliveries' | 'shortfalls' | 'overview' | 'members' | 'webhooks';
}

const r = (
  method: HttpMethod,
  path: string,
  handler: string,
  scope: Scope | null,
  table: RouteDefinition['table'],
  tag: RouteDefinition['tag'],
  summary: string,
  extra: Partial<RouteDefinition> = {},
): RouteDefinition => ({ method, path, handler, scope, table, tag, summary, ...extra });

export const routes: readonly RouteDefinition[] = [
  r('GET', '/v1/health', 'health', null, 'none', 'system', 'Liveness check'),
  r('GET', '/v1/openapi.json', 'openapi-document', null, 'none', 'system', 'This API described in OpenAPI 3.1'),

  r('GET', '/v1/items', 'list-items', scopes.read, 'read', 'catalogue', 'List the catalogue'),
  r('GET', '/v1/items/{sku}', 'get-item', scopes.read, 'read', 'catalogue', 'Read a catalogue item'),
  r('PUT', '/v1/items/{sku}', 'put-item', scopes.admin, 'readwrite', 'catalogue', 'Create or replace a catalogue item'),
  r('PUT', '/v1/items/{sku}/per-case-usage', 'put-item-per-case-usage', scopes.admin, 'readwrite', 'catalogue', 'Set the units of an item one isolating resident uses a day'),

  r('GET', '/v1/regions', 'list-regions', scopes.read, 'read', 'regions', 'List regions'),
  r('GET', '/v1/regions/{regionId}', 'get-region', scopes.read, 'read', 'regions', 'Read a region'),
  r('PUT', '/v1/regions/{regionId}', 'put-region', scopes.admin, 'readwrite', 'regions', 'Create or replace a region'),

  r('GET', '/v1/stores', 'list-stores', scopes.admin, 'read', 'stores', 'List stores'),
  r('GET', '/v1/stores/{storeId}', 'get-store', scopes.read, 'read', 'stores', 'Read a store'),
  r('PUT', '/v1/stores/{storeId}', 'put-store', scopes.admin, 'readwrite', 'stores', 'Create or replace a store'),
  r('POST', '/v1/stores/import', 'import-stores', scopes.admin, 'readwrite', 'stores', 'Create or replace up to 1,000 stores from CSV or JSON, all or nothing'),
  r('GET', '/v1/stores/{storeId}/homes', 'list-store-homes', scopes.read, 'read', 'stores', 'The homes a store serves, worst status first (the morning worklist)'),

  r('GET', '/v1/homes/{homeId}', 'get-home', scopes.read, 'read', 'homes', 'Read a home'),
  r('POST', '/v1/homes/import', 'import-homes', scopes.admin, 'readwrite', 'homes', 'Create or replace up to 1,000 homes from CSV or JSON, all or nothing'),
  r('PUT', '/v1/homes/{homeId}', 'put-home', scopes.admin, 'readwrite', 'homes', 'Create or replace a home'),
  r('PUT', '/v1/homes/{homeId}/outbreak', 'put-home-outbreak', scopes.stockWrite, 'readwrite', 'homes', 'Declare an outbreak at a home, or change the open one'),
  r('DELETE', '/v1/homes/{homeId}/outbreak', 'delete-home-outbreak', scopes.stockWrite, 'readwrite', 'homes', 'End a home’s open outbreak (kept in its history)'),
  r('GET', '/v1/homes/{homeId}/outbreaks', 'list-home-outbreaks', scopes.read, 'read', 'homes', 'A home’s outbreaks, newest first'),

  r('POST', '/v1/homes/{homeId}/stock-counts', 'post-home-stock-counts', scopes.stockWrite, 'readwrite', 'stock', 'Post a home’s stock count (JSON or CSV)'),
  r('POST', '/v1/stores/{storeId}/stock-counts', 'post-store-stock-counts', scopes.stockWrite, 'readwrite', 'stock', 'Post a store’s stock count (JSON or CSV)'),
  r('GET', '/v1/homes/{homeId}/stock', 'get-home-stock', scopes.read, 'read', 'stock', 'A home’s stock: days of supply, run-out dates, status'),
  r('GET', '/v1/stores/{storeId}/stock', 'get-store-stock', scopes.read, 'read', 'stock', 'A store’s own stock: days of supply, run-out dates, status'),
  r('GET', '/v1/homes/{homeId}/stock/{sku}/history', 'get-home-stock-history', scopes.read, 'read', 'stock', 'Counts, receipts and adjustments of a home’s position'),
  r('GET', '/v1/stores/{storeId}/stock/{sku}/history', 'get-store-stock-history', scopes.read, 'read', 'stock', 'Counts, receipts and adjustments of a store’s position'),
  r('GET', '/v1/stores/{storeId}/export.csv', 'export-store-stock', scopes.read, 'read', 'stock', 'Every home × item of a store as a spreadsheet (CSV)'),

  r('POST', '/v1/homes/{homeId}/requests', 'post-home-request', scopes.requestsWrite, 'readwrite', 'requests', 'Request PPE for a home (Idempotency-Key makes retries safe)'),
  r('GET', '/v1/homes/{homeId}/requests', 'list-home-requests', scopes.read, 'read', 'requests', 'A home’s requests, newest first'),
  r('GET', '/v1/requests/{requestId}', 'get-request', scopes.read, 'read', 'requests', 'Read a request and its history'),
  r('GET', '/v1/stores/{storeId}/requests', 'list-store-requests', scopes.read, 'read', 'requests', 'A store’s request queue by status: oldest or most urgent first'),
  r('POST', '/v1/requests/{requestId}/approve', 'approve-request', scopes.requestsApprove, 'readwrite', 'requests', 'Approve a request, in full or in part'),
  r('POST', '/v1/requests/{requestId}/reject', 'reject-request', scopes.requestsApprove, 'readwrite', 'requests', 'Reject a request'),
  r('POST', '/v1/requests/{requestId}/cancel', 'cancel-request', scopes.requestsWrite, 'readwrite', 'requests', 'Cancel a request before dispatch'),
  r('POST', '/v1/stores/{storeId}/allocations', 'post-store-allocations', scopes.requestsApprove, 'readwrite', 'requests', 'Allocate the store’s stock to approved requests, fewest days of supply first'),
  r('GET', '/v1/homes/{homeId}/request-caps', 'get-home-request-caps', scopes.read, 'read', 'requests', 'A home’s weekly request caps in units'),
  r('GET', '/v1/stores/{storeId}/request-caps', 'get-store-request-caps', scopes.read, 'read', 'requests', 'A store’s request caps per bed per week'),
  r('PUT', '/v1/stores/{storeId}/request-caps', 'put-store-request-caps', scopes.requestsApprove, 'readwrite', 'requests', 'Set a store’s request caps per bed per week'),

  r('POST', '/v1/stores/{storeId}/delivery-plans', 'post-delivery-plan', scopes.deliveriesSchedule, 'readwrite', 'deliveries', 'Plan the store’s approved requests onto its rota: earliest rota day with capacity, run-outs brought forward'),
  r('GET', '/v1/stores/{storeId}/deliveries', 'list-store-deliveries', scopes.read, 'read', 'deliveries', 'The driver’s manifest for a date: deliveries by home, totals per SKU'),
  r('GET', '/v1/homes/{homeId}/deliveries', 'list-home-deliveries', scopes.read, 'read', 'deliveries', 'A home’s deliveries, latest date first'),
  r('GET', '/v1/deliveries/{deliveryId}', 'get-delivery', scopes.read, 'read', 'deliveries', 'Read a delivery'),
  r('POST', '/v1/deliveries/{deliveryId}/dispatch', 'dispatch-delivery', scopes.deliveriesSchedule, 'readwrite', 'deliveries', 'Dispatch a delivery: units leave the store’s stock, once'),
  r('POST', '/v1/deliveries/{deliveryId}/receipt', 'receive-delivery', scopes.stockWrite, 'readwrite', 'deliveries', 'Confirm receipt: units reach the home’s stock, discrepancies recorded'),
  r('POST', '/v1/jobs/delivery-plan', 'post-delivery-planning', scopes.admin, 'readwrite', 'deliveries', 'Run the daily delivery planning job now'),

  r('POST', '/v1/jobs/shortfall-scan', 'post-shortfall-scan', scopes.admin, 'readwrite', 'shortfalls', 'Run the shortfall job now', { alerts: true }),
  r('GET', '/v1/stores/{storeId}/shortfalls', 'list-store-shortfalls', scopes.read, 'read', 'shortfalls', 'A store’s shortfall records for a date'),
  r('GET', '/v1/shortfalls', 'list-shortfalls', scopes.read, 'read', 'shortfalls', 'Every shortfall record for a date'),

  r('GET', '/v1/overview', 'get-overview', scopes.read, 'read', 'overview', 'The nation on a date: totals and one row per region, from the daily rollup'),
  r('GET', '/v1/regions/{regionId}/overview', 'get-region-overview', scopes.read, 'read', 'overview', 'A region on a date: totals and one row per store, from the daily rollup'),
  r('GET', '/v1/overview/trend', 'get-overview-trend', scopes.read, 'read', 'overview', 'Homes red, amber, unknown and silent per day or ISO week, for the nation or a region'),
  r('GET', '/v1/overview/export.csv', 'export-overview', scopes.read, 'read', 'overview', 'The national table as a spreadsheet (CSV)'),
  r('GET', '/v1/regions/{regionId}/export.csv', 'export-region-overview', scopes.read, 'read', 'overview', 'A region’s table of stores as a spreadsheet (CSV)'),

  r('GET', '/v1/stores/{storeId}/members', 'list-store-members', scopes.membersManage, 'read', 'members', 'A store’s members'),
  r('POST', '/v1/stores/{storeId}/members', 'invite-store-member', scopes.membersManage, 'readwrite', 'members', 'Invite a person into a store', { directory: true }),
  r('GET', '/v1/homes/{homeId}/members', 'list-home-members', scopes.membersManage, 'read', 'members', 'A home’s members'),
  r('POST', '/v1/homes/{homeId}/members', 'invite-home-member', scopes.membersManage, 'readwrite', 'members', 'Invite a person into a home', { directory: true }),
  r('GET', '/v1/regions/{regionId}/members', 'list-region-members', scopes.membersManage, 'read', 'members', 'A region’s members'),
  r('POST', '/v1/regions/{regionId}/members', 'invite-region-member', scopes.membersManage, 'readwrite', 'members', 'Invite a person into a region', { directory: true }),
  r('GET', '/v1/admin/members', 'list-admin-members', scopes.membersManage, 'read', 'members', 'The administrators'),
  r('POST', '/v1/admin/members', 'invite-admin-member', scopes.membersManage, 'readwrite', 'members', 'Invite an administrator', { directory: true }),
  r('PATCH', '/v1/members/{memberId}', 'change-member', scopes.membersManage, 'readwrite', 'members', 'Change a member’s role or name'),
  r('DELETE', '/v1/members/{memberId}', 'remove-member', scopes.membersManage, 'readwrite', 'members', 'Remove a member: no organisation and no scopes from their next token', { directory: true }),

  r('POST', '/v1/homes/{homeId}/webhooks', 'post-home-webhook', scopes.webhooksManage, 'readwrite', 'webhooks', 'Subscribe an HTTPS endpoint to the home’s events (the secret is shown once)'),
  r('GET', '/v1/homes/{homeId}/webhooks', 'list-home-webhooks', scopes.webhooksManage, 'read', 'webhooks', 'A home’s webhook subscriptions'),
  r('POST', '/v1/stores/{storeId}/webhooks', 'post-store-webhook', scopes.webhooksManage, 'readwrite', 'webhooks', 'Subscribe an HTTPS endpoint to the events of the homes the store serves (the secret is shown once)'),
  r('GET', '/v1/stores/{storeId}/webhooks', 'list-store-webhooks', scopes.webhooksManage, 'read', 'webhooks', 'A store’s webhook subscriptions'),
  r('DELETE', '/v1/webhooks/{webhookId}', 'delete-webhook', scopes.webhooksManage, 'readwrite', 'webhooks', 'Delete a webhook subscription: nothing more is sent to it'),
  r('GET', '/v1/webhooks/{webhookId}/deliveries', 'list-webhook-deliveries', scopes.webhooksManage, 'read', 'webhooks', 'A webhook subscription’s delivery log, newest first'),
];

/** API Gateway's route key for a route, e.g. `GET /v1/items/{sku}`. */
export const routeKey = (route: Pick<RouteDefinition, 'method' | 'path'>) => `${route.method} ${route.path}`;

export function findRouteByKey(key: string): RouteDefinition | undefined {
  return routes.find((route) => routeKey(route) === key);
}
