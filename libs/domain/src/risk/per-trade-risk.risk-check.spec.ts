import { DomainError } from '../errors/domain-error';
import { perTradeRiskCheck } from './per-trade-risk.risk-check';
import { buildExitIntent, buildIciciIntent, buildIciciRiskContext } from './testing/risk.builders';

const limit = 6_000_000; // ₹60,000 in paise

describe('perTradeRiskCheck', () => {
  it('passes a trade risking exactly ₹60,000', () => {
    expect(perTradeRiskCheck(buildIciciIntent({ estimatedRiskPaise: limit }), buildIciciRiskContext()).ok).toBe(true);
  });

  it('denies a trade risking one paisa more', () => {
    const r = perTradeRiskCheck(buildIciciIntent({ estimatedRiskPaise: limit + 1 }), buildIciciRiskContext());
    expect(r).toMatchObject({ ok: false, code: 'PER_TRADE_RISK_EXCEEDED', context: { riskPaise: limit + 1, limitPaise: limit } });
  });

  it('never blocks a reducing exit', () => {
    expect(perTradeRiskCheck(buildExitIntent({ estimatedRiskPaise: limit * 5 }), buildIciciRiskContext()).ok).toBe(true);
  });

  it('throws for a fractional risk', () => {
    expect(() => perTradeRiskCheck(buildIciciIntent({ estimatedRiskPaise: 1.5 }), buildIciciRiskContext())).toThrow(DomainError);
  });
});
