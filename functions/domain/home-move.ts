/**
 * A home moving to another store, as pure rules: what happens to each of its open requests and
 * planned deliveries, and whether the whole move fits in one transaction.
 *
 * The home takes its open work with it, re-attributed to the new store at the move:
 * - submitted: waits in the new store's queue for its decision;
 * - approved / partially-approved: stays approved (an approval is about the home's need), in the
 *   new store's queue; its allocation is cleared (it shared out the old store's stock, and the
 *   new store allocates its own), so `inbound` falls back to the approved units;
 * - scheduled: back to the status it was scheduled from, off its delivery, allocation cleared
 *   (the old store's van will not go): the new store plans it;
 * - dispatched: the units are on the old store's van; the request joins the new store's queue
 *   of dispatched work, and the home receives it as any delivery.
 * A planned delivery (all of whose requests are scheduled ones, now unscheduled) is cancelled and
 * its slot on the old store's day freed; a dispatched delivery stays as it is.
 * Closed requests and deliveries (delivered, rejected, cancelled) are history: they are not
 * rewritten, and are the new store's to read because access follows the home's current store.
 */
import type { RequestAction, RequestStatus } from './request-lifecycle.ts';

/** DynamoDB's limit of actions in one TransactWriteItems: a move is one transaction or nothing. */
export const MOVE_WRITE_LIMIT = 100;

export const OPEN_REQUEST_STATUSES: readonly RequestStatus[] = ['submitted', 'approved', 'partially-approved', 'scheduled', 'dispatched'];

export interface MovingRequest {
  status: RequestStatus;
  history: readonly { action: string; from: RequestStatus | null; to: RequestStatus }[];
}

/** The status a request has once its home has moved: a scheduled one goes back to what it was scheduled from. */
export function statusAfterMove(request: MovingRequest): RequestStatus {
  if (request.status !== 'scheduled') return request.status;
  const scheduled = [...request.history].reverse().find((entry) => entry.action === ('schedule' satisfies RequestAction) && entry.to === 'scheduled');
  return scheduled?.from === 'partially-approved' ? 'partially-approved' : 'approved';
}

/** Whether the move clears the request's allocation: every open request not yet on the road. */
export const clearsAllocation = (status: RequestStatus): boolean => status !== 'dispatched' && status !== 'submitted';

export interface MoveSize {
  /** Open requests re-attributed. */
  requests: number;
  /** Planned deliveries cancelled (each also frees its day's slot). */
  plannedDeliveries: number;
  /** The home's positions whose inbound changes. */
  inboundPositions: number;
}

/** The transaction's writes: the store check, the home, each request, each cancelled delivery and its slot, each position whose inbound changes. */
export const moveWrites = ({ requests, plannedDeliveries, inboundPositions }: MoveSize): number => 2 + requests + 2 * plannedDeliveries + inboundPositions;

export function moveFits(size: MoveSize): boolean {
  return moveWrites(size) <= MOVE_WRITE_LIMIT;
}
