/**
 * The problem-type catalogue: one stable `type` URI per distinct cause, so a client can switch on
 * `type` and know what to do. Every problem the API sends names one of these (HttpProblem takes a
 * slug from here, not a status); the OpenAPI document gives each its own schema
 * (functions/schemas/problem.ts), the local server a page (`GET /problems/<slug>`), and
 * docs/integrating.md a row. A new cause is a new entry: adding one is a compatible change, so
 * clients must treat an unknown `type` by its `status`.
 */
export const PROBLEM_TYPE_BASE = 'https://carestock.example/problems/';

export interface ProblemTypeInfo {
  readonly status: number;
  readonly title: string;
  /** What happened, in a sentence. */
  readonly meaning: string;
  /** What the client should do about it. */
  readonly action: string;
  /** Extra members beyond type, title, status, detail, instance, and what they hold. */
  readonly members?: Readonly<Record<string, string>>;
  /** Response headers this type is sent with. */
  readonly headers?: Readonly<Record<string, string>>;
}

export const PROBLEM_TYPES = {
  validation: {
    status: 400,
    title: 'Request is not valid',
    meaning: 'One or more fields of the body, query, path or headers are not valid. Nothing was written.',
    action: 'Fix every field `errors` lists (all faults come at once), then send it again.',
    members: { errors: 'every invalid field: `in` (body, query, path, header), `path` (JSON Pointer or name) and `message`' },
  },
  'malformed-body': {
    status: 400,
    title: 'Body cannot be read',
    meaning: 'The body is not well-formed JSON, or not well-formed CSV (an unterminated quote, a ragged row). Nothing was written.',
    action: 'Send a well-formed body; for CSV, `errors` names the physical line (`/line/<n>`).',
    members: { errors: 'for CSV, where the file broke (optional)' },
  },
  'invalid-cursor': {
    status: 400,
    title: 'Cursor is not valid for this list',
    meaning: 'The `cursor` did not come from this list for this caller (another list, another organisation, or altered).',
    action: 'Pass back the `nextCursor` of the previous page exactly as received, or start again without a cursor.',
    members: { errors: 'names the `cursor` query parameter' },
  },
  unauthenticated: {
    status: 401,
    title: 'Authentication required',
    meaning: 'No valid bearer token, or the token names no organisation (`org` claim) or no valid role.',
    action: 'Get a new access token (client credentials, or sign in again) and send it as `Authorization: Bearer <token>`.',
    headers: { 'WWW-Authenticate': '`Bearer`' },
  },
  'scope-missing': {
    status: 403,
    title: 'Token lacks the scope',
    meaning: "The token does not carry the scope this operation needs. Your role decides your scopes, whatever the client asks for.",
    action: 'Ask for the scope named in `requiredScope`; if your role does not hold it, the operation is not yours to call.',
    members: { requiredScope: 'the scope the operation needs, e.g. `carestock/requests.approve`' },
  },
  'tenant-forbidden': {
    status: 403,
    title: 'Belongs to another organisation',
    meaning: 'The resource is outside your organisation (answered the same whether or not it exists), or your role may not act on it.',
    action: 'Check the id; a home sees only itself, a store itself and the homes it serves. Do not retry.',
  },
  'not-found': {
    status: 404,
    title: 'Not found',
    meaning: 'Nothing exists at this address: an unknown id within your organisation, no such route, or a method the path does not take (the local server then lists those in `Allow`).',
    action: 'Check the id, path and method. Do not retry.',
  },
  'request-in-flight': {
    status: 409,
    title: 'Same Idempotency-Key still in progress',
    meaning: 'A request with this Idempotency-Key is still being processed.',
    action: 'Wait `Retry-After` seconds and retry with the same key and body: you then get the first answer.',
    headers: { 'Retry-After': 'seconds to wait before retrying' },
  },
  'invalid-transition': {
    status: 409,
    title: 'Not allowed in the current state',
    meaning: 'The action does not apply to the resource in the state it is in now (e.g. approving a request that is already approved). Nothing changed.',
    action: 'Read the resource: if `currentStatus` is where you wanted it, an earlier try succeeded; otherwise do not retry.',
    members: { currentStatus: 'the state the request, delivery or member is in now' },
  },
  'insufficient-stock': {
    status: 409,
    title: 'Store does not hold the units',
    meaning: "The store's stock does not cover what this delivery carries. Nothing moved.",
    action: 'Post a fresh stock count for the store, or allocate again, then dispatch.',
    members: { currentStatus: 'the delivery\'s state (planned)', shortfall: 'per SKU: `required` and `available` units' },
  },
  'write-conflict': {
    status: 409,
    title: 'Changed while being written',
    meaning: 'What this change was computed from changed while it was written (a concurrent writer), even after bounded retries. Nothing changed.',
    action: 'Retry the same request; for a create, with the same Idempotency-Key.',
  },
  'too-much-to-move': {
    status: 409,
    title: 'Too much open work to move in one step',
    meaning: "Moving this home to another store would rewrite more than one transaction holds (its open requests, planned deliveries and positions whose inbound changes). Nothing changed.",
    action: "Let the store it is leaving finish or decide some of the home's open work (dispatch planned deliveries, approve or reject submitted requests), or cancel some, then move the home again.",
    members: { writes: 'the writes the move needs', limit: 'the most one move may write', requests: 'open requests', plannedDeliveries: 'planned deliveries', inboundPositions: 'positions whose inbound changes' },
  },
  'precondition-failed': {
    status: 409,
    title: 'Something it depends on is gone',
    meaning: 'A record this write depends on (such as the store a home belongs to) did not exist when it was written. Nothing changed.',
    action: 'Check that what the request names still exists, then retry.',
  },
  'already-member': {
    status: 409,
    title: 'Email belongs to another organisation',
    meaning: 'The email is already a member of another organisation; one email belongs to one organisation.',
    action: 'Remove the member from `existingOrg` first, or use another email.',
    members: { existingOrg: 'the organisation the email belongs to' },
  },
  'machine-member': {
    status: 409,
    title: 'Machine client membership',
    meaning: "The member is a machine client, whose membership the deployment sets (cdk.json's `carestock:machineClients`).",
    action: 'Change it in the deployment, not through the API.',
  },
  'webhook-limit-reached': {
    status: 409,
    title: 'Too many webhook subscriptions',
    meaning: 'Your organisation already has the most webhook subscriptions it may hold. Nothing was created.',
    action: 'Delete a subscription you no longer use (one subscription can take several event types), then create it again.',
    members: { limit: 'the most subscriptions an organisation may hold' },
  },
  'payload-too-large': {
    status: 413,
    title: 'Request body too large',
    meaning: 'The body is over the size limit (64 KiB unless configured otherwise).',
    action: 'Send fewer lines per request (a count takes at most 100).',
  },
  'unsupported-media-type': {
    status: 415,
    title: 'Unsupported content type',
    meaning: 'The Content-Type is not one this operation accepts.',
    action: 'Send `application/json`, or `text/csv` where the operation lists a CSV form.',
  },
  'cap-exceeded': {
    status: 422,
    title: "Above the store's request cap",
    meaning: "The approved quantities exceed the store's weekly request cap for this home. Nothing changed.",
    action: 'Approve less, or approve again with an `overrideReason`.',
    members: { capExceeded: 'per SKU over its cap: `requested` and `cap` in units' },
  },
  'nothing-approved': {
    status: 422,
    title: 'Nothing would be approved',
    meaning: 'Every approved quantity is 0. Nothing changed.',
    action: 'Reject the request instead, with a reason.',
  },
  'receipt-mismatch': {
    status: 422,
    title: 'Receipt lines do not match the delivery',
    meaning: 'A receipt must list every SKU of the delivery (0 for one that did not arrive) and nothing else. Nothing was added.',
    action: 'List each SKU in `missing`, drop each in `unexpected`, and send it again.',
    members: { missing: "the delivery's SKUs the receipt left out", unexpected: 'SKUs the receipt lists that are not on the delivery' },
  },
  'webhook-url-refused': {
    status: 422,
    title: 'Webhook URL refused',
    meaning: 'The subscriber URL is not one Carestock will call: not https, carrying credentials, or a host that is (or resolves to) a private, link-local, loopback or reserved address. Nothing was created.',
    action: 'Give a public https URL of your own endpoint; `errors` says what is wrong with it.',
    members: { errors: 'names `/url` and why it was refused' },
  },
  'idempotency-key-reused': {
    status: 422,
    title: 'Idempotency-Key reused with another body',
    meaning: 'The Idempotency-Key was used in the last 24 hours with a different body.',
    action: 'Use a new key for a new request; a retry must repeat the first body exactly.',
  },
  internal: {
    status: 500,
    title: 'Internal error',
    meaning: 'Something failed on our side; it has been logged.',
    action: 'Retry later; quote `instance` when reporting it.',
  },
  throttled: {
    status: 503,
    title: 'Service temporarily busy',
    meaning: 'The data store or the sign-in directory is throttling, or left work unprocessed after bounded retries. Nothing was lost.',
    action: 'Wait `Retry-After` seconds and retry; for a create, with the same Idempotency-Key.',
    headers: { 'Retry-After': 'seconds to wait before retrying' },
  },
} as const satisfies Record<string, ProblemTypeInfo>;

export type ProblemSlug = keyof typeof PROBLEM_TYPES;
export const PROBLEM_SLUGS = Object.keys(PROBLEM_TYPES) as ProblemSlug[];
export const problemTypeUri = (slug: ProblemSlug) => PROBLEM_TYPE_BASE + slug;
export type ProblemStatusOf<S extends ProblemSlug> = (typeof PROBLEM_TYPES)[S]['status'];

/** The slug of a catalogued type URI, or undefined for one the catalogue does not list. */
export function problemSlugOf(type: unknown): ProblemSlug | undefined {
  if (typeof type !== 'string' || !type.startsWith(PROBLEM_TYPE_BASE)) return undefined;
  const slug = type.slice(PROBLEM_TYPE_BASE.length);
  return Object.hasOwn(PROBLEM_TYPES, slug) ? (slug as ProblemSlug) : undefined;
}
