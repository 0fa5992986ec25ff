/**
 * What the signed-in person may do, from the scopes in their access token. The page shows an
 * action only to someone whose scopes allow it; the API checks the same scopes again on every call,
 * so hiding a button is a courtesy, not the control.
 */
export const SCOPES = {
  stockWrite: 'carestock/stock.write',
  requestsWrite: 'carestock/requests.write',
  requestsApprove: 'carestock/requests.approve',
  deliveriesSchedule: 'carestock/deliveries.schedule',
} as const;

export interface Permissions {
  /** Post counts and confirm receipts. */
  count: boolean;
  /** Submit and cancel requests. */
  request: boolean;
  /** Approve, reject, allocate. */
  approve: boolean;
  /** Plan and dispatch deliveries. */
  schedule: boolean;
}

export function permissionsFrom(scopes: readonly string[]): Permissions {
  const has = (scope: string) => scopes.includes(scope);
  return { count: has(SCOPES.stockWrite), request: has(SCOPES.requestsWrite), approve: has(SCOPES.requestsApprove), schedule: has(SCOPES.deliveriesSchedule) };
}
