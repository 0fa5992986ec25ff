import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  REQUEST_ACTIONS,
  REQUEST_STATUSES,
  allowedFrom,
  approvalOutcome,
  capExceeded,
  nextStatus,
  type RequestAction,
  type RequestStatus,
} from '../../functions/domain/request-lifecycle.ts';

const requested = [
  { sku: 'GLOVE-NITRILE-M', quantity: 1000 },
  { sku: 'APRON', quantity: 200 },
];
const approveAll = { requested, approved: requested };

describe('nextStatus', () => {
  it.each<[RequestStatus, RequestAction, RequestStatus]>([
    ['submitted', 'reject', 'rejected'],
    ['approved', 'schedule', 'scheduled'],
    ['partially-approved', 'schedule', 'scheduled'],
    ['scheduled', 'dispatch', 'dispatched'],
    ['dispatched', 'deliver', 'delivered'],
    ['submitted', 'cancel', 'cancelled'],
    ['approved', 'cancel', 'cancelled'],
    ['partially-approved', 'cancel', 'cancelled'],
    ['scheduled', 'cancel', 'cancelled'],
  ])('%s --%s--> %s', (current, action, expected) => {
    expect(nextStatus(current, action)).toEqual({ ok: true, status: expected });
  });

  it('approve leads to approved when every requested unit is approved', () => {
    expect(nextStatus('submitted', 'approve', approveAll)).toEqual({ ok: true, status: 'approved' });
  });

  it('approve leads to partially-approved when a line is cut', () => {
    const approved = [{ sku: 'GLOVE-NITRILE-M', quantity: 400 }, { sku: 'APRON', quantity: 200 }];
    expect(nextStatus('submitted', 'approve', { requested, approved })).toEqual({
      ok: true,
      status: 'partially-approved',
    });
  });

  it('names the current state and the states the action is allowed from', () => {
    expect(nextStatus('cancelled', 'approve', approveAll)).toEqual({
      ok: false,
      current: 'cancelled',
      action: 'approve',
      message: 'Request is cancelled; approve is allowed only from submitted.',
    });
    expect(nextStatus('dispatched', 'cancel')).toMatchObject({
      ok: false,
      message:
        'Request is dispatched; cancel is allowed only from submitted, approved, partially-approved or scheduled.',
    });
  });

  it('never cancels after dispatch', () => {
    for (const status of ['dispatched', 'delivered'] as const) {
      expect(nextStatus(status, 'cancel').ok).toBe(false);
    }
  });

  it('refuses approve without the lines, and with lines that do not fit the request', () => {
    expect(nextStatus('submitted', 'approve')).toMatchObject({ ok: false, current: 'submitted', action: 'approve' });
    const tooMany = [{ sku: 'APRON', quantity: 201 }];
    expect(nextStatus('submitted', 'approve', { requested, approved: tooMany })).toMatchObject({
      ok: false,
      message: 'Approved 201 units of APRON, more than the 200 requested.',
    });
  });

  it('allowedFrom agrees with nextStatus for every state and action (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...REQUEST_STATUSES), fc.constantFrom(...REQUEST_ACTIONS), (current, action) => {
        const result = nextStatus(current, action, approveAll);
        expect(result.ok).toBe(allowedFrom(action).includes(current));
      }),
    );
  });

  it('no path skips a state or goes back (property)', () => {
    // Rank along the main path; a successful transition must move exactly one step forward,
    // or leave the path for a final state.
    const rank: Record<RequestStatus, number> = {
      submitted: 0,
      approved: 1,
      'partially-approved': 1,
      rejected: 9,
      scheduled: 2,
      dispatched: 3,
      delivered: 4,
      cancelled: 9,
    };
    const finalStates: RequestStatus[] = ['rejected', 'delivered', 'cancelled'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...REQUEST_ACTIONS), { maxLength: 12 }), (actions) => {
        let status: RequestStatus = 'submitted';
        for (const action of actions) {
          const result = nextStatus(status, action, approveAll);
          if (!result.ok) {
            expect(result.current).toBe(status);
            expect(result.message).toContain(`Request is ${status};`);
            continue;
          }
          if (finalStates.includes(status)) throw new Error(`left final state ${status}`);
          const step = rank[result.status] - rank[status];
          expect(step === 1 || rank[result.status] === 9).toBe(true);
          status = result.status;
        }
      }),
    );
  });

  it('allowedFrom hands out a copy', () => {
    allowedFrom('cancel').pop();
    expect(allowedFrom('cancel')).toHaveLength(4);
  });
});

describe('approvalOutcome', () => {
  it('treats a requested SKU missing from the approval as approved at zero', () => {
    expect(approvalOutcome(requested, [{ sku: 'APRON', quantity: 200 }])).toEqual({
      ok: true,
      outcome: 'partially-approved',
    });
  });

  it('sums repeated SKUs on both sides', () => {
    const split = [
      { sku: 'APRON', quantity: 150 },
      { sku: 'APRON', quantity: 50 },
    ];
    expect(approvalOutcome([{ sku: 'APRON', quantity: 200 }], split)).toEqual({ ok: true, outcome: 'approved' });
    expect(approvalOutcome(split, [{ sku: 'APRON', quantity: 200 }])).toEqual({ ok: true, outcome: 'approved' });
  });

  it('points at each approved line that names an unrequested SKU or exceeds the request', () => {
    const result = approvalOutcome(requested, [
      { sku: 'VISOR', quantity: 5 },
      { sku: 'APRON', quantity: 150 },
      { sku: 'APRON', quantity: 60 },
      { sku: 'GLOVE-NITRILE-M', quantity: 2.5 },
    ]);
    expect(result).toMatchObject({
      ok: false,
      problems: [
        { index: 0, sku: 'VISOR', message: 'VISOR was not requested.' },
        { index: 2, sku: 'APRON', message: 'Approved 210 units of APRON, more than the 200 requested.' },
        { index: 3, sku: 'GLOVE-NITRILE-M' },
      ],
    });
  });

  it('refuses an approval of nothing: that is a rejection', () => {
    expect(approvalOutcome(requested, [{ sku: 'APRON', quantity: 0 }])).toMatchObject({ ok: false, problems: [] });
  });

  it('is approved exactly when approved equals requested per SKU (property)', () => {
    const lines = fc.uniqueArray(
      fc.record({ sku: fc.constantFrom('A', 'B', 'C', 'D'), quantity: fc.integer({ min: 1, max: 500 }) }),
      { selector: (l) => l.sku, minLength: 1 },
    );
    fc.assert(
      fc.property(lines, fc.array(fc.double({ min: 0, max: 1, noNaN: true })), (asked, cuts) => {
        const approved = asked.map((l, i) => ({ sku: l.sku, quantity: Math.floor(l.quantity * (cuts[i] ?? 1)) }));
        const result = approvalOutcome(asked, approved);
        if (approved.every((l) => l.quantity === 0)) {
          expect(result.ok).toBe(false);
          return;
        }
        const full = approved.every((l, i) => l.quantity === asked[i]!.quantity);
        expect(result).toEqual({ ok: true, outcome: full ? 'approved' : 'partially-approved' });
      }),
    );
  });
});

describe('capExceeded', () => {
  const caps = { 'MASK-IIR': 14, APRON: 0.5, VISOR: 0.29 };

  it('lists SKUs above beds × weekly cap, summing repeated lines, sorted by SKU', () => {
    const lines = [
      { sku: 'MASK-IIR', quantity: 300 },
      { sku: 'MASK-IIR', quantity: 300 },
      { sku: 'APRON', quantity: 21 },
      { sku: 'GOWN-FR', quantity: 10_000 },
    ];
    expect(capExceeded({ lines, beds: 40, capsPerBedPerWeek: caps })).toEqual([
      { sku: 'APRON', requested: 21, cap: 20 },
      { sku: 'MASK-IIR', requested: 600, cap: 560 },
    ]);
  });

  it('allows exactly the cap, and rounds the cap down to whole units without losing one to floating point', () => {
    expect(capExceeded({ lines: [{ sku: 'VISOR', quantity: 29 }], beds: 100, capsPerBedPerWeek: caps })).toEqual([]);
    expect(capExceeded({ lines: [{ sku: 'APRON', quantity: 11 }], beds: 21, capsPerBedPerWeek: caps })).toEqual([
      { sku: 'APRON', requested: 11, cap: 10 },
    ]);
  });

  it('judges every request against one week whatever neededWithinDays says', () => {
    const lines = [{ sku: 'MASK-IIR', quantity: 600 }];
    for (const neededWithinDays of [1, 7, 30]) {
      expect(capExceeded({ lines, beds: 40, capsPerBedPerWeek: caps, neededWithinDays })).toEqual([
        { sku: 'MASK-IIR', requested: 600, cap: 560 },
      ]);
    }
  });

  it('ignores inherited keys: a SKU called "constructor" is not capped', () => {
    expect(capExceeded({ lines: [{ sku: 'constructor', quantity: 5 }], beds: 1, capsPerBedPerWeek: {} })).toEqual([]);
  });

  it('flags a SKU exactly when its total exceeds beds × cap (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ sku: fc.constantFrom('A', 'B', 'C'), quantity: fc.nat(2000) })),
        fc.nat(200),
        fc.record({ A: fc.nat(30), B: fc.nat(30) }),
        (lines, beds, capsPerBedPerWeek) => {
          const flagged = capExceeded({ lines, beds, capsPerBedPerWeek });
          for (const sku of ['A', 'B', 'C'] as const) {
            const total = lines.filter((l) => l.sku === sku).reduce((s, l) => s + l.quantity, 0);
            const cap = sku === 'C' ? Infinity : beds * capsPerBedPerWeek[sku];
            expect(flagged.some((f) => f.sku === sku)).toBe(total > cap);
          }
        },
      ),
    );
  });
});
