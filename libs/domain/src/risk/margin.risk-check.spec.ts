import { DomainError } from '../errors/domain-error';
import { marginRiskCheck } from './margin.risk-check';
import { buildExitOrder, buildRiskCheckedOrder, buildRiskContext } from './testing/risk.builders';

const usable = 1_200_000_000; // ₹1.2 Cr = 50% × min(₹3 Cr, 40% × ₹6 Cr)

describe('marginRiskCheck', () => {
  it('passes an entry that needs exactly the usable margin', () => {
    expect(marginRiskCheck(buildRiskCheckedOrder({ estimatedMarginPaise: usable }), buildRiskContext()).ok).toBe(true);
  });

  it('denies an entry that needs one paisa more than the usable margin', () => {
    const r = marginRiskCheck(buildRiskCheckedOrder({ estimatedMarginPaise: usable + 1 }), buildRiskContext());
    expect(r).toMatchObject({ ok: false, code: 'MARGIN_EXCEEDS_USABLE', context: { requiredPaise: usable + 1, usablePaise: usable } });
  });

  it('denies when the broker has less available than the usable figure', () => {
    const ctx = buildRiskContext({ margins: { availablePaise: 100, usablePaise: 1000 } });
    expect(marginRiskCheck(buildRiskCheckedOrder({ estimatedMarginPaise: 500 }), ctx).ok).toBe(false);
  });

  it('applies to averaging', () => {
    expect(marginRiskCheck(buildRiskCheckedOrder({ purpose: 'AVERAGE', estimatedMarginPaise: usable + 1 }), buildRiskContext()).ok).toBe(false);
  });

  it('never blocks a reducing exit', () => {
    expect(marginRiskCheck(buildExitOrder({ estimatedMarginPaise: usable * 10 }), buildRiskContext({ margins: { usablePaise: 0 } })).ok).toBe(true);
  });

  it('denies new risk whose margin the gateway could not compute, but never an exit', () => {
    const r = marginRiskCheck(buildRiskCheckedOrder({ estimatedMarginPaise: 0, marginUnknownReason: 'no spot for NIFTY' }), buildRiskContext());
    expect(r).toMatchObject({ ok: false, code: 'MARGIN_UNKNOWN', context: { reason: 'no spot for NIFTY' } });
    expect(marginRiskCheck(buildExitOrder({ marginUnknownReason: 'no spot for NIFTY' }), buildRiskContext()).ok).toBe(true);
  });

  it('throws for a margin that is not whole paise', () => {
    expect(() => marginRiskCheck(buildRiskCheckedOrder({ estimatedMarginPaise: Number.NaN }), buildRiskContext())).toThrow(DomainError);
  });
});
