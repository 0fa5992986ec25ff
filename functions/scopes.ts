/**
 * OAuth scopes, one per capability. The Cognito resource server declares them, the API's JWT
 * authorizer requires them per route, handlers check them again, and the local token command
 * grants them per role. Defined once, here.
 */
export const RESOURCE_SERVER = 'carestock';

export const scopes = {
  read: `${RESOURCE_SERVER}/read`,
  stockWrite: `${RESOURCE_SERVER}/stock.write`,
  requestsWrite: `${RESOURCE_SERVER}/requests.write`,
  requestsApprove: `${RESOURCE_SERVER}/requests.approve`,
  deliveriesSchedule: `${RESOURCE_SERVER}/deliveries.schedule`,
  admin: `${RESOURCE_SERVER}/admin`,
} as const;

export type Scope = (typeof scopes)[keyof typeof scopes];

export const scopeDescriptions: Record<Scope, string> = {
  [scopes.read]: 'Read stock, requests, deliveries and shortfalls within your organisation',
  [scopes.stockWrite]: 'Post stock counts and confirm receipt of deliveries',
  [scopes.requestsWrite]: 'Submit and cancel PPE requests',
  [scopes.requestsApprove]: 'Approve, reject and allocate requests; set request caps',
  [scopes.deliveriesSchedule]: 'Plan and dispatch deliveries',
  [scopes.admin]: 'Manage the catalogue, stores and homes; run jobs; read everything',
};

export type Role = 'admin' | 'store' | 'home';

/** What each role may do by default (the local token command grants these unless told otherwise). */
export const roleScopes: Record<Role, Scope[]> = {
  admin: Object.values(scopes),
  store: [scopes.read, scopes.stockWrite, scopes.requestsWrite, scopes.requestsApprove, scopes.deliveriesSchedule],
  home: [scopes.read, scopes.stockWrite, scopes.requestsWrite],
};
