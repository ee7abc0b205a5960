import { DomainError } from '../errors/domain-error';
import { positionExposureRiskCheck } from './position-exposure.risk-check';
import { buildExitOrder, buildIciciOrder, buildIciciRiskContext } from './testing/risk.builders';

const cap = 1_500_000_000; // ₹1.5 Cr in paise

describe('positionExposureRiskCheck', () => {
  it('passes an entry of exactly ₹1.5 Cr', () => {
    expect(positionExposureRiskCheck(buildIciciOrder({ estimatedExposurePaise: cap }), buildIciciRiskContext()).ok).toBe(true);
  });

  it('denies an entry one paisa over ₹1.5 Cr', () => {
    const r = positionExposureRiskCheck(buildIciciOrder({ estimatedExposurePaise: cap + 1 }), buildIciciRiskContext());
    expect(r).toMatchObject({ ok: false, code: 'POSITION_EXPOSURE_EXCEEDED', context: { exposureAfterPaise: cap + 1, capPaise: cap } });
  });

  it('denies averaging that grows the position past the cap', () => {
    const ctx = buildIciciRiskContext({ exposure: { positionPaise: cap - 100, totalPaise: cap - 100 } });
    expect(positionExposureRiskCheck(buildIciciOrder({ purpose: 'AVERAGE', estimatedExposurePaise: 101 }), ctx).ok).toBe(false);
    expect(positionExposureRiskCheck(buildIciciOrder({ purpose: 'AVERAGE', estimatedExposurePaise: 100 }), ctx).ok).toBe(true);
  });

  it('never blocks a reducing exit', () => {
    const ctx = buildIciciRiskContext({ exposure: { positionPaise: cap * 2 } });
    expect(positionExposureRiskCheck(buildExitOrder({ accountId: 'ICICI-1', broker: 'ICICI' }), ctx).ok).toBe(true);
  });

  it('throws for an exposure that is not whole paise', () => {
    expect(() => positionExposureRiskCheck(buildIciciOrder({ estimatedExposurePaise: Number.NaN }), buildIciciRiskContext())).toThrow(DomainError);
  });
});
