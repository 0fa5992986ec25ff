/** Units a request makes inbound at its home, and the change each write makes to them. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { inboundDelta, inboundUnits, sumDeltas, type InboundSource } from '../../functions/domain/request-inbound.ts';
import { REQUEST_STATUSES } from '../../functions/domain/request-lifecycle.ts';

const approved = (status: InboundSource['status'], allocated?: number): InboundSource => ({
  status,
  approvedLines: [{ sku: 'MASK-IIR', quantity: 100 }, { sku: 'APRON', quantity: 0 }],
  allocatedLines: allocated === undefined ? null : [{ sku: 'MASK-IIR', allocated }, { sku: 'APRON', allocated: 0 }],
});

describe('inbound units of a request', () => {
  it('approved, partially approved, scheduled and dispatched requests count their approval, or their allocation once allocated', () => {
    for (const status of ['approved', 'partially-approved', 'scheduled', 'dispatched'] as const) {
      expect(inboundUnits(approved(status))).toEqual(new Map([['MASK-IIR', 100]]));
      expect(inboundUnits(approved(status, 40))).toEqual(new Map([['MASK-IIR', 40]]));
    }
  });

  it('submitted, rejected, cancelled and delivered requests count nothing', () => {
    for (const status of ['submitted', 'rejected', 'cancelled', 'delivered'] as const) expect(inboundUnits(approved(status, 40)).size).toBe(0);
  });

  it('approve adds the approval; allocation replaces it; cancel takes off what was promised', () => {
    const submitted = { ...approved('submitted'), approvedLines: null };
    expect(inboundDelta(submitted, approved('approved'))).toEqual(new Map([['MASK-IIR', 100]]));
    expect(inboundDelta(approved('approved'), approved('approved', 40))).toEqual(new Map([['MASK-IIR', -60]]));
    expect(inboundDelta(approved('approved', 40), approved('cancelled', 40))).toEqual(new Map([['MASK-IIR', -40]]));
    expect(inboundDelta(approved('approved', 40), approved('approved', 40)).size).toBe(0);
  });

  it('the deltas of any walk through the states add up to the units of where it ends', () => {
    const state = fc.record({
      status: fc.constantFrom(...REQUEST_STATUSES),
      approvedLines: fc.option(fc.array(fc.record({ sku: fc.constantFrom('A', 'B', 'C'), quantity: fc.nat(500) }), { maxLength: 3 }), { nil: null }),
      allocatedLines: fc.option(fc.array(fc.record({ sku: fc.constantFrom('A', 'B', 'C'), allocated: fc.nat(500) }), { maxLength: 3 }), { nil: null }),
    });
    fc.assert(
      fc.property(fc.array(state, { minLength: 1, maxLength: 6 }), (walk) => {
        const steps = walk.slice(1).map((after, i) => inboundDelta(walk[i]!, after));
        const total = sumDeltas([inboundUnits(walk[0]!), ...steps]);
        expect(total).toEqual(sumDeltas([inboundUnits(walk.at(-1)!)]));
      }),
    );
  });
});
