import { buildExitOrder, buildIciciOrder, buildIciciRiskContext, buildRiskCheckedOrder, buildRiskContext } from './testing/risk.builders';
import { totalExposureRiskCheck } from './total-exposure.risk-check';

const cap = 6_000_000_000; // ₹6 Cr in paise

describe('totalExposureRiskCheck', () => {
  const open = buildIciciRiskContext({ exposure: { totalPaise: cap - 1_000_000 } });

  it('passes when open plus new exposure is exactly ₹6 Cr', () => {
    expect(totalExposureRiskCheck(buildIciciOrder({ estimatedExposurePaise: 1_000_000 }), open).ok).toBe(true);
  });

  it('denies when it would be one paisa over ₹6 Cr', () => {
    const r = totalExposureRiskCheck(buildIciciOrder({ estimatedExposurePaise: 1_000_001 }), open);
    expect(r).toMatchObject({ ok: false, code: 'TOTAL_EXPOSURE_EXCEEDED', context: { exposureAfterPaise: cap + 1, capPaise: cap } });
  });

  it('is not enforced without a cap (the Kotak account)', () => {
    expect(totalExposureRiskCheck(buildRiskCheckedOrder({ estimatedExposurePaise: cap * 10 }), buildRiskContext()).ok).toBe(true);
  });

  it('never blocks a reducing exit', () => {
    expect(totalExposureRiskCheck(buildExitOrder({ estimatedExposurePaise: cap }), open).ok).toBe(true);
  });
});
