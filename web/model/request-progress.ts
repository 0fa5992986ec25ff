/**
 * A request's progress as its home reads it: where it is now (a word, as a tag), what happened
 * when, and whether it can still be cancelled (until the van leaves).
 */
import type { Item, RequestStatus, SupplyRequest } from './api-types.ts';
import { describeLines } from './deliveries.ts';
import { formatDate, isoDateInZone } from './format.ts';

const STEP_WORDS: Record<string, string> = {
  submit: 'sent',
  approve: 'approved',
  reject: 'rejected',
  allocate: 'allocated',
  schedule: 'planned for delivery',
  dispatch: 'dispatched',
  deliver: 'received',
  cancel: 'cancelled',
  move: 'moved to another store',
};

const CANCELLABLE: ReadonlySet<RequestStatus> = new Set(['submitted', 'approved', 'partially-approved', 'scheduled']);

export interface RequestProgress {
  requestId: string;
  created: string;
  status: RequestStatus;
  statusWord: string;
  contents: string;
  approved: string | null;
  steps: string[];
  cancellable: boolean;
}

export function requestProgress(request: SupplyRequest, items: ReadonlyMap<string, Item>, context: { timeZone: string; today: string }): RequestProgress {
  const when = (instant: string) => formatDate(isoDateInZone(instant, context.timeZone), context.today);
  return {
    requestId: request.requestId,
    created: when(request.createdAt),
    status: request.status,
    statusWord: request.status.replace(/-/g, ' '),
    contents: describeLines(request.lines, items),
    approved: request.approvedLines ? describeLines(request.approvedLines.filter((l) => l.quantity > 0), items) : null,
    steps: (request.history ?? []).map((h) => `${STEP_WORDS[h.action] ?? h.action} ${when(h.at)}${h.reason ? `: ${h.reason}` : ''}`),
    cancellable: CANCELLABLE.has(request.status),
  };
}
