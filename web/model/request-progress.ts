/**
 * A request's progress as its home reads it: where it is now (a word, as a tag), what happened
 * when, and whether it can still be cancelled (until the van leaves).
 */
import { english, type Translator } from '../i18n/translate.ts';
import type { Item, Line, RequestStatus, SupplyRequest } from './api-types.ts';
import { describeLines } from './deliveries.ts';
import { formatDate, isoDateInZone } from './format.ts';
import { apiNoteLang } from './names.ts';

type Step = 'submit' | 'approve' | 'reject' | 'allocate' | 'schedule' | 'dispatch' | 'deliver' | 'cancel' | 'move';
const STEPS: ReadonlySet<string> = new Set<Step>(['submit', 'approve', 'reject', 'allocate', 'schedule', 'dispatch', 'deliver', 'cancel', 'move']);
/** Steps whose note the API writes (in English); the others' notes are what a person typed. */
const API_NOTES: ReadonlySet<string> = new Set<Step>(['schedule', 'dispatch', 'deliver', 'move']);

export interface ProgressStep {
  /** "approved Thu 3 Dec" */
  text: string;
  note: string | null;
  /** 'en' when the note is the API's English on a Welsh page. */
  noteLang: 'en' | undefined;
}

const CANCELLABLE: ReadonlySet<RequestStatus> = new Set(['submitted', 'approved', 'partially-approved', 'scheduled']);

export interface RequestProgress {
  requestId: string;
  created: string;
  status: RequestStatus;
  statusWord: string;
  contents: string;
  lines: readonly Line[];
  approved: string | null;
  /** The approved lines with a quantity (null before a decision). */
  approvedLines: readonly Line[] | null;
  steps: ProgressStep[];
  cancellable: boolean;
}

export function requestProgress(request: SupplyRequest, items: ReadonlyMap<string, Item>, context: { timeZone: string; today: string; m?: Translator }): RequestProgress {
  const m = context.m ?? english;
  const when = (instant: string) => formatDate(isoDateInZone(instant, context.timeZone), context.today, m);
  const step = (action: string, date: string) =>
    STEPS.has(action) ? m.t(`step.${action as Step}`, { date }) : m.t('step.other', { action, date });
  return {
    requestId: request.requestId,
    created: when(request.createdAt),
    status: request.status,
    statusWord: m.t(`requestStatus.${request.status}`),
    contents: describeLines(request.lines, items, m),
    lines: request.lines,
    approved: request.approvedLines ? describeLines(request.approvedLines.filter((l) => l.quantity > 0), items, m) : null,
    approvedLines: request.approvedLines ? request.approvedLines.filter((l) => l.quantity > 0) : null,
    steps: (request.history ?? []).map((h) => ({
      text: step(h.action, when(h.at)),
      note: h.reason ?? null,
      noteLang: API_NOTES.has(h.action) ? apiNoteLang(m) : undefined,
    })),
    cancellable: CANCELLABLE.has(request.status),
  };
}
