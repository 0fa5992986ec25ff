/** A home's move to another store, as pure rules: what each open request becomes, and whether the move fits one transaction. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clearsAllocation, MOVE_WRITE_LIMIT, moveFits, moveWrites, OPEN_REQUEST_STATUSES, statusAfterMove } from '../../functions/domain/home-move.ts';
import { inboundDelta, inboundUnits, sumDeltas } from '../../functions/domain/request-inbound.ts';
import { REQUEST_STATUSES, type RequestStatus } from '../../functions/domain/request-lifecycle.ts';

const scheduledFrom = (from: RequestStatus) => ({
  status: 'scheduled' as const,
  history: [
    { action: 'submit', from: null, to: 'submitted' as const },
    { action: 'approve', from: 'submitted' as const, to: from },
    { action: 'schedule', from, to: 'scheduled' as const },
  ],
});

describe('statusAfterMove', () => {
  it('sends a scheduled request back to the status it was scheduled from', () => {
    expect(statusAfterMove(scheduledFrom('approved'))).toBe('approved');
    expect(statusAfterMove(scheduledFrom('partially-approved'))).toBe('partially-approved');
  });

  it('leaves every other status as it is (a dispatched request stays on the van)', () => {
    for (const status of REQUEST_STATUSES.filter((s) => s !== 'scheduled')) expect(statusAfterMove({ status, history: [] })).toBe(status);
  });

  it('only ever yields an open status from an open one', () => {
    fc.assert(
      fc.property(fc.constantFrom(...OPEN_REQUEST_STATUSES), fc.constantFrom<RequestStatus>('approved', 'partially-approved'), (status, from) => {
        const after = statusAfterMove(status === 'scheduled' ? scheduledFrom(from) : { status, history: [] });
        expect(OPEN_REQUEST_STATUSES).toContain(after);
        expect(after).not.toBe('scheduled');
      }),
    );
  });
});

describe('what the move does to inbound', () => {
  it('falls back from the old store\'s allocation to the approval, for every request not yet on the road; a dispatched one keeps what is on the van', () => {
    const line = fc.record({ sku: fc.constantFrom('A', 'B', 'C'), quantity: fc.nat(500) });
    const request = fc.record({
      status: fc.constantFrom(...OPEN_REQUEST_STATUSES),
      approvedLines: fc.array(line, { minLength: 1, maxLength: 3 }),
      allocated: fc.option(fc.array(fc.record({ sku: fc.constantFrom('A', 'B', 'C'), allocated: fc.nat(500) }), { maxLength: 3 }), { nil: null }),
    });
    fc.assert(
      fc.property(fc.array(request, { maxLength: 8 }), (requests) => {
        const before = requests.map((r) => ({ status: r.status, approvedLines: r.approvedLines, allocatedLines: r.allocated }));
        const after = before.map((r) => ({
          status: statusAfterMove({ status: r.status, history: r.status === 'scheduled' ? scheduledFrom('approved').history : [] }),
          approvedLines: r.approvedLines,
          allocatedLines: clearsAllocation(r.status) ? null : r.allocatedLines,
        }));
        // inbound after = inbound before + the move's delta, SKU by SKU: nothing is lost or made up.
        const was = sumDeltas(before.map(inboundUnits));
        const delta = sumDeltas(before.map((b, i) => inboundDelta(b, after[i]!)));
        const now = sumDeltas(after.map(inboundUnits));
        for (const sku of ['A', 'B', 'C']) expect((was.get(sku) ?? 0) + (delta.get(sku) ?? 0)).toBe(now.get(sku) ?? 0);
        // Dispatched requests carry exactly what they carried.
        before.forEach((b, i) => b.status === 'dispatched' && expect(inboundUnits(after[i]!)).toEqual(inboundUnits(b)));
      }),
    );
  });
});

describe('the move\'s size', () => {
  it('counts the store check, the home, each request, each cancelled delivery and its slot, each position whose inbound changes', () => {
    expect(moveWrites({ requests: 0, plannedDeliveries: 0, inboundPositions: 0 })).toBe(2);
    expect(moveWrites({ requests: 4, plannedDeliveries: 1, inboundPositions: 3 })).toBe(11);
  });

  it('fits one transaction up to the limit, not beyond', () => {
    expect(moveFits({ requests: MOVE_WRITE_LIMIT - 2, plannedDeliveries: 0, inboundPositions: 0 })).toBe(true);
    expect(moveFits({ requests: MOVE_WRITE_LIMIT - 1, plannedDeliveries: 0, inboundPositions: 0 })).toBe(false);
    expect(moveFits({ requests: 90, plannedDeliveries: 4, inboundPositions: 1 })).toBe(false);
  });
});
