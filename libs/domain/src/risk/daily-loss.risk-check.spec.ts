import { DomainError } from '../errors/domain-error';
import { dailyLossRiskCheck } from './daily-loss.risk-check';
import { buildExitOrder, buildRiskCheckedOrder, buildRiskContext } from './testing/risk.builders';

const limit = 20_000_000; // ₹2 L in paise (the builder's Kotak limit)

describe('dailyLossRiskCheck', () => {
  it('passes an entry with a loss exactly at the daily limit', () => {
    expect(dailyLossRiskCheck(buildRiskCheckedOrder(), buildRiskContext({ pnl: { todayPaise: -limit } })).ok).toBe(true);
  });

  it('denies an entry one paisa beyond the daily limit', () => {
    const r = dailyLossRiskCheck(buildRiskCheckedOrder(), buildRiskContext({ pnl: { todayPaise: -limit - 1 } }));
    expect(r).toMatchObject({ ok: false, code: 'DAILY_LOSS_LIMIT_BREACHED', context: { lossPaise: limit + 1, limitPaise: limit } });
  });

  it('lets an exit out when the daily limit is breached', () => {
    expect(dailyLossRiskCheck(buildExitOrder(), buildRiskContext({ pnl: { todayPaise: -limit * 3 } })).ok).toBe(true);
  });

  it('ignores profits', () => {
    expect(dailyLossRiskCheck(buildRiskCheckedOrder(), buildRiskContext({ pnl: { todayPaise: limit * 3 } })).ok).toBe(true);
  });

  it('throws for NaN P&L', () => {
    expect(() => dailyLossRiskCheck(buildRiskCheckedOrder(), buildRiskContext({ pnl: { todayPaise: Number.NaN } }))).toThrow(DomainError);
  });
});
