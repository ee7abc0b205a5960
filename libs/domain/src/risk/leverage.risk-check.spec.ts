import { DomainError } from '../errors/domain-error';
import { leverageRiskCheck } from './leverage.risk-check';
import { buildExitOrder, buildIciciOrder, buildIciciRiskContext, buildRiskCheckedOrder, buildRiskContext } from './testing/risk.builders';

const capital = 1_200_000_000; // ₹1.2 Cr in paise

describe('leverageRiskCheck', () => {
  it('passes at exactly 5× the allocated capital', () => {
    const ctx = buildIciciRiskContext({ exposure: { totalPaise: 5 * capital - 1000 } });
    expect(leverageRiskCheck(buildIciciOrder({ estimatedExposurePaise: 1000 }), ctx).ok).toBe(true);
  });

  it('denies one paisa beyond 5×', () => {
    const ctx = buildIciciRiskContext({ exposure: { totalPaise: 5 * capital - 1000 } });
    const r = leverageRiskCheck(buildIciciOrder({ estimatedExposurePaise: 1001 }), ctx);
    expect(r).toMatchObject({ ok: false, code: 'LEVERAGE_EXCEEDED', context: { exposureAfterPaise: 5 * capital + 1, allocatedCapitalPaise: capital, maxLeverage: 5 } });
  });

  it('binds before the ₹6 Cr cap on a smaller account', () => {
    const ctx = buildIciciRiskContext({ account: { allocatedCapitalPaise: capital / 2 } });
    expect(leverageRiskCheck(buildIciciOrder({ estimatedExposurePaise: 5 * (capital / 2) + 1 }), ctx).ok).toBe(false);
  });

  it('is not enforced without a maximum (the Kotak account)', () => {
    expect(leverageRiskCheck(buildRiskCheckedOrder({ estimatedExposurePaise: 10 ** 12 }), buildRiskContext()).ok).toBe(true);
  });

  it('never blocks a reducing exit', () => {
    const ctx = buildIciciRiskContext({ exposure: { totalPaise: 10 * capital } });
    expect(leverageRiskCheck(buildExitOrder(), ctx).ok).toBe(true);
  });

  it('throws for capital ≤ 0', () => {
    expect(() => leverageRiskCheck(buildIciciOrder(), buildIciciRiskContext({ account: { allocatedCapitalPaise: 0 } }))).toThrow(DomainError);
  });
});
