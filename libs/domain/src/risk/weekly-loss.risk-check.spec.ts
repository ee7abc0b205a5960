import { DomainError } from '../errors/domain-error';
import { buildExitOrder, buildRiskCheckedOrder, buildRiskContext } from './testing/risk.builders';
import { weeklyLossRiskCheck } from './weekly-loss.risk-check';

const limit = 50_000_000; // ₹5 L in paise (the builder's weekly limit)

describe('weeklyLossRiskCheck', () => {
  it('passes an entry with a weekly loss exactly at the limit', () => {
    expect(weeklyLossRiskCheck(buildRiskCheckedOrder(), buildRiskContext({ pnl: { weekPaise: -limit } })).ok).toBe(true);
  });

  it('denies an entry one paisa beyond the weekly limit', () => {
    const r = weeklyLossRiskCheck(buildRiskCheckedOrder(), buildRiskContext({ pnl: { weekPaise: -limit - 1 } }));
    expect(r).toMatchObject({ ok: false, code: 'WEEKLY_LOSS_LIMIT_BREACHED', context: { lossPaise: limit + 1 } });
  });

  it('lets an exit out when the weekly limit is breached', () => {
    expect(weeklyLossRiskCheck(buildExitOrder(), buildRiskContext({ pnl: { weekPaise: -limit - 1 } })).ok).toBe(true);
  });

  it('throws for a negative limit', () => {
    expect(() => weeklyLossRiskCheck(buildRiskCheckedOrder(), buildRiskContext({ limits: { weeklyLossLimitPaise: -1 } }))).toThrow(DomainError);
  });
});
