/**
 * The request state machine and the per-bed request caps.
 *
 *   submitted ──approve──▶ approved | partially-approved     submitted ──reject──▶ rejected
 *   approved | partially-approved ──schedule──▶ scheduled ──dispatch──▶ dispatched ──deliver──▶ delivered
 *   cancel: from submitted, approved, partially-approved or scheduled; never once the van has left.
 *
 * Pure: the data layer turns `allowedFrom(action)` into a DynamoDB condition (`#status IN (...)`) so a
 * concurrent transition is refused by the table, and uses `nextStatus` to decide what to write.
 * Its messages come in the language of the request being answered (functions/i18n): the one input
 * besides its arguments, and it changes only the words.
 */
import { t } from '../i18n/messages.ts';

export const REQUEST_STATUSES = [
  'submitted',
  'approved',
  'partially-approved',
  'rejected',
  'scheduled',
  'dispatched',
  'delivered',
  'cancelled',
] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

export const REQUEST_ACTIONS = ['approve', 'reject', 'schedule', 'dispatch', 'deliver', 'cancel'] as const;
export type RequestAction = (typeof REQUEST_ACTIONS)[number];

export type ApprovalOutcome = 'approved' | 'partially-approved';

export interface RequestLine {
  sku: string;
  quantity: number;
}

const ALLOWED_FROM: Record<RequestAction, readonly RequestStatus[]> = {
  approve: ['submitted'],
  reject: ['submitted'],
  schedule: ['approved', 'partially-approved'],
  dispatch: ['scheduled'],
  deliver: ['dispatched'],
  cancel: ['submitted', 'approved', 'partially-approved', 'scheduled'],
};

// `approve` is missing on purpose: where it leads depends on the quantities (see approvalOutcome).
const LEADS_TO: Record<Exclude<RequestAction, 'approve'>, RequestStatus> = {
  reject: 'rejected',
  schedule: 'scheduled',
  dispatch: 'dispatched',
  deliver: 'delivered',
  cancel: 'cancelled',
};

/** The states an action may start from; a fresh array, safe to hand to a query builder. */
export function allowedFrom(action: RequestAction): RequestStatus[] {
  return [...ALLOWED_FROM[action]];
}

export interface TransitionOptions {
  /** Needed for `approve` only: the lines as submitted and as approved. */
  requested?: readonly RequestLine[];
  approved?: readonly RequestLine[];
}

export type TransitionResult =
  | { ok: true; status: RequestStatus }
  | { ok: false; current: RequestStatus; action: RequestAction; message: string };

export function nextStatus(
  current: RequestStatus,
  action: RequestAction,
  opts: TransitionOptions = {},
): TransitionResult {
  const from = ALLOWED_FROM[action];
  if (!from.includes(current)) {
    return {
      ok: false,
      current,
      action,
      message: t('request.allowedOnlyFrom', { current, action, from: listInWords(from) }),
    };
  }
  if (action !== 'approve') return { ok: true, status: LEADS_TO[action] };

  if (!opts.requested || !opts.approved) {
    return {
      ok: false,
      current,
      action,
      message: t('request.approvalNeedsLines'),
    };
  }
  const outcome = approvalOutcome(opts.requested, opts.approved);
  if (!outcome.ok) return { ok: false, current, action, message: outcome.message };
  return { ok: true, status: outcome.outcome };
}

/** One problem with one approved line; `index` points into the approved lines for field-level errors. */
export interface ApprovalLineProblem {
  index: number;
  sku: string;
  message: string;
}

export type ApprovalOutcomeResult =
  | { ok: true; outcome: ApprovalOutcome }
  | { ok: false; message: string; problems: ApprovalLineProblem[] };

/**
 * Approved when every requested unit is approved; partially-approved when some are cut.
 * Repeated SKUs are summed on both sides. A SKU requested but absent from the approved lines is
 * approved at zero. Approving nothing at all is refused: that is a rejection and should say so.
 */
export function approvalOutcome(
  requested: readonly RequestLine[],
  approved: readonly RequestLine[],
): ApprovalOutcomeResult {
  const requestedBySku = totalsBySku(requested);
  const approvedSoFar = new Map<string, number>();
  const problems: ApprovalLineProblem[] = [];

  approved.forEach((line, index) => {
    const asked = requestedBySku.get(line.sku);
    if (asked === undefined) {
      problems.push({ index, sku: line.sku, message: t('request.notRequested', { sku: line.sku }) });
      return;
    }
    if (!Number.isInteger(line.quantity) || line.quantity < 0) {
      problems.push({ index, sku: line.sku, message: t('request.approvedWhole') });
      return;
    }
    const total = (approvedSoFar.get(line.sku) ?? 0) + line.quantity;
    approvedSoFar.set(line.sku, total);
    if (total > asked) {
      problems.push({
        index,
        sku: line.sku,
        message: t('request.approvedTooMany', { total, sku: line.sku, asked }),
      });
    }
  });

  if (problems.length > 0) {
    return { ok: false, message: problems.map((p) => p.message).join(' '), problems };
  }
  const approvedTotal = [...approvedSoFar.values()].reduce((a, b) => a + b, 0);
  if (approvedTotal === 0) {
    return { ok: false, message: t('request.nothingApproved'), problems: [] };
  }
  const everything = [...requestedBySku].every(([sku, asked]) => (approvedSoFar.get(sku) ?? 0) === asked);
  return { ok: true, outcome: everything ? 'approved' : 'partially-approved' };
}

export interface CapCheck {
  lines: readonly RequestLine[];
  beds: number;
  /** Units per occupied bed per week, per SKU; a SKU without an entry is not capped. */
  capsPerBedPerWeek: Readonly<Record<string, number>>;
  /**
   * Accepted for the caller's convenience but deliberately not used: a request is always judged
   * against one week, so "needed within 30 days" cannot unlock a month's stock, and "within 1 day"
   * does not shrink the cap (the delivery still has to last until the next rota day).
   */
  neededWithinDays?: number;
}

export interface CapExcess {
  sku: string;
  requested: number;
  /** Whole units allowed for one week: floor(beds × cap per bed). */
  cap: number;
}

/** Whole units a home may have in a week: floor(beds × cap per bed). */
export function weeklyCapUnits(beds: number, perBed: number): number {
  // The epsilon keeps 100 × 0.29 (28.999…) from losing a unit to binary floating point.
  return Math.floor(Math.max(0, beds) * Math.max(0, perBed) + 1e-9);
}

/** Lines (summed per SKU) asking for more than beds × weekly cap, sorted by SKU. */
export function capExceeded(input: CapCheck): CapExcess[] {
  const excesses: CapExcess[] = [];
  for (const [sku, requested] of totalsBySku(input.lines)) {
    if (!Object.hasOwn(input.capsPerBedPerWeek, sku)) continue;
    const cap = weeklyCapUnits(input.beds, input.capsPerBedPerWeek[sku] ?? 0);
    if (requested > cap) excesses.push({ sku, requested, cap });
  }
  return excesses.sort((a, b) => compareText(a.sku, b.sku));
}

function totalsBySku(lines: readonly RequestLine[]): Map<string, number> {
  const totals = new Map<string, number>();
  for (const line of lines) totals.set(line.sku, (totals.get(line.sku) ?? 0) + line.quantity);
  return totals;
}

function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${t('words.or')} ${items[items.length - 1]}`;
}

// Code-unit order, not locale order, so output is the same on every machine.
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
