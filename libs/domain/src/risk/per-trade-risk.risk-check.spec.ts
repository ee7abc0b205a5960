import { DomainError } from '../errors/domain-error';
import { perTradeRiskCheck } from './per-trade-risk.risk-check';
import { buildExitOrder, buildIciciOrder, buildIciciRiskContext } from './testing/risk.builders';

const limit = 6_000_000; // ₹60,000 in paise

describe('perTradeRiskCheck', () => {
  it('passes a trade risking exactly ₹60,000', () => {
    expect(perTradeRiskCheck(buildIciciOrder({ estimatedRiskPaise: limit }), buildIciciRiskContext()).ok).toBe(true);
  });

  it('denies a trade risking one paisa more', () => {
    const r = perTradeRiskCheck(buildIciciOrder({ estimatedRiskPaise: limit + 1 }), buildIciciRiskContext());
    expect(r).toMatchObject({ ok: false, code: 'PER_TRADE_RISK_EXCEEDED', context: { riskPaise: limit + 1, limitPaise: limit } });
  });

  it('never blocks a reducing exit', () => {
    expect(perTradeRiskCheck(buildExitOrder({ estimatedRiskPaise: limit * 5 }), buildIciciRiskContext()).ok).toBe(true);
  });

  it('throws for a fractional risk', () => {
    expect(() => perTradeRiskCheck(buildIciciOrder({ estimatedRiskPaise: 1.5 }), buildIciciRiskContext())).toThrow(DomainError);
  });
});
