import { breakerVerdict } from './breaker-verdict';
import { effectiveRiskLimits } from './effective-risk-limits';
import type { RiskPnlFacts } from './risk-context';

const CAPITAL = 6 * 1_00_00_000 * 100;
const LAKH = 1_00_000 * 100;
const pnl = (over: Partial<RiskPnlFacts>): RiskPnlFacts => ({ todayPaise: 0, weekPaise: 0, monthPaise: 0, equityPeakPaise: CAPITAL, equityPaise: CAPITAL, ...over });
const limits = { dailyLossLimitPaise: 2 * LAKH, weeklyLossLimitPaise: 4 * LAKH, maxDrawdownPct: 0.15 };
/** An account with no stored weekly limit: the DECISIONS §6 default (₹3 L on ICICI) is in force, never "off". */
const iciciWithoutWeekly = effectiveRiskLimits({ row: null, broker: 'ICICI' }).loss;

describe('breakerVerdict', () => {
  it.each([
    ['holds with no loss', pnl({}), limits, false, undefined],
    ['holds at a daily loss exactly at the limit', pnl({ todayPaise: -2 * LAKH, weekPaise: -2 * LAKH }), limits, false, undefined],
    ['trips one paisa past the daily limit', pnl({ todayPaise: -2 * LAKH - 1, weekPaise: -2 * LAKH - 1 }), limits, true, 'DAILY_LOSS_LIMIT_BREACHED'],
    ['names the daily limit first when both are breached', pnl({ todayPaise: -5 * LAKH, weekPaise: -5 * LAKH }), limits, true, 'DAILY_LOSS_LIMIT_BREACHED'],
    ['trips on the week when the days each held', pnl({ todayPaise: -1 * LAKH, weekPaise: -4 * LAKH - 1 }), limits, true, 'WEEKLY_LOSS_LIMIT_BREACHED'],
    ['trips on the default week when no weekly limit is stored (DECISIONS §6)', pnl({ todayPaise: -1 * LAKH, weekPaise: -3 * LAKH - 1 }), iciciWithoutWeekly, true, 'WEEKLY_LOSS_LIMIT_BREACHED'],
    ['holds at exactly 15% below the peak', pnl({ equityPeakPaise: 100 * LAKH, equityPaise: 85 * LAKH }), limits, false, undefined],
    ['trips past 15% below the peak', pnl({ equityPeakPaise: 100 * LAKH, equityPaise: 85 * LAKH - 1 }), limits, true, 'MAX_DRAWDOWN_BREACHED'],
    ['never trips on a profit', pnl({ todayPaise: 50 * LAKH, weekPaise: 50 * LAKH, equityPaise: CAPITAL + 50 * LAKH, equityPeakPaise: CAPITAL + 50 * LAKH }), limits, false, undefined],
  ] as const)('%s', (_name, facts, lim, trip, code) => {
    const v = breakerVerdict({ pnl: facts, limits: lim });
    expect(v.trip).toBe(trip);
    expect(v.reasonCode).toBe(code);
    expect(v.context).toMatchObject({ todayPnlPaise: facts.todayPaise, weekPnlPaise: facts.weekPaise, dailyLimitPaise: lim.dailyLossLimitPaise });
  });
});
