import { DomainError } from '../errors/domain-error';
import { maxDrawdownRiskCheck } from './max-drawdown.risk-check';
import { buildExitOrder, buildRiskCheckedOrder, buildRiskContext } from './testing/risk.builders';

const peak = 6_000_000_000; // ₹6 Cr in paise
const fifteenPct = 900_000_000; // 15% of it, ₹90 L

describe('maxDrawdownRiskCheck', () => {
  it('passes an entry at a drawdown of exactly 15%', () => {
    expect(maxDrawdownRiskCheck(buildRiskCheckedOrder(), buildRiskContext({ pnl: { equityPeakPaise: peak, equityPaise: peak - fifteenPct } })).ok).toBe(true);
  });

  it('denies an entry one paisa past 15%', () => {
    const r = maxDrawdownRiskCheck(buildRiskCheckedOrder(), buildRiskContext({ pnl: { equityPeakPaise: peak, equityPaise: peak - fifteenPct - 1 } }));
    expect(r).toMatchObject({ ok: false, code: 'MAX_DRAWDOWN_BREACHED', context: { drawdownPaise: fifteenPct + 1, equityPeakPaise: peak, maxDrawdownPct: 0.15 } });
  });

  it('is exact where 15% of the peak is not whole paise (peak 101 paise: 15 passes, 16 is over)', () => {
    const at = (drop: number) => maxDrawdownRiskCheck(buildRiskCheckedOrder(), buildRiskContext({ pnl: { equityPeakPaise: 101, equityPaise: 101 - drop } })).ok;
    expect(at(15)).toBe(true);
    expect(at(16)).toBe(false);
  });

  it('lets an exit out past the drawdown limit', () => {
    expect(maxDrawdownRiskCheck(buildExitOrder(), buildRiskContext({ pnl: { equityPeakPaise: peak, equityPaise: peak / 2 } })).ok).toBe(true);
  });

  it('throws for a non-positive peak or a pct above 1', () => {
    expect(() => maxDrawdownRiskCheck(buildRiskCheckedOrder(), buildRiskContext({ pnl: { equityPeakPaise: 0 } }))).toThrow(DomainError);
    expect(() => maxDrawdownRiskCheck(buildRiskCheckedOrder(), buildRiskContext({ limits: { maxDrawdownPct: 15 } }))).toThrow(DomainError);
  });
});
