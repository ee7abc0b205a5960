import { DomainError } from '../errors/domain-error';
import { profitTargetRiskCheck } from './profit-target.risk-check';
import { buildExitOrder, buildRiskCheckedOrder, buildRiskContext } from './testing/risk.builders';

const weekly = 17_500_000; // ₹1.75 L in paise (the builder's Kotak target)
const monthly = 70_000_000; // ₹7 L

describe('profitTargetRiskCheck', () => {
  it('pauses entries once the weekly target is reached exactly', () => {
    const r = profitTargetRiskCheck(buildRiskCheckedOrder(), buildRiskContext({ pnl: { weekPaise: weekly } }));
    expect(r).toMatchObject({ ok: false, code: 'PROFIT_TARGET_REACHED', context: { period: 'WEEK', pnlPaise: weekly, targetPaise: weekly } });
  });

  it('allows entries one paisa short of the weekly target', () => {
    expect(profitTargetRiskCheck(buildRiskCheckedOrder(), buildRiskContext({ pnl: { weekPaise: weekly - 1 } })).ok).toBe(true);
  });

  it('pauses entries once the monthly target is reached', () => {
    const r = profitTargetRiskCheck(buildRiskCheckedOrder(), buildRiskContext({ pnl: { monthPaise: monthly } }));
    expect(r).toMatchObject({ ok: false, code: 'PROFIT_TARGET_REACHED', context: { period: 'MONTH' } });
  });

  it('does not pause when the setting is off', () => {
    expect(profitTargetRiskCheck(buildRiskCheckedOrder(), buildRiskContext({ pnl: { weekPaise: weekly * 2 }, limits: { pauseOnTarget: false } })).ok).toBe(true);
  });

  it('never blocks exits or averaging', () => {
    const ctx = buildRiskContext({ pnl: { weekPaise: weekly, monthPaise: monthly } });
    expect(profitTargetRiskCheck(buildExitOrder(), ctx).ok).toBe(true);
    expect(profitTargetRiskCheck(buildRiskCheckedOrder({ purpose: 'AVERAGE' }), ctx).ok).toBe(true);
  });

  it('throws for a P&L that is not whole paise', () => {
    expect(() => profitTargetRiskCheck(buildRiskCheckedOrder(), buildRiskContext({ pnl: { weekPaise: 0.5 } }))).toThrow(DomainError);
  });
});
