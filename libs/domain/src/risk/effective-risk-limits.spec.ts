import { ICICI_RISK_DEFAULTS, KOTAK_RISK_DEFAULTS } from '../margin/account-risk.defaults';
import { effectiveRiskLimits, type StoredRiskLimits } from './effective-risk-limits';

const LAKH = 1_00_000 * 100;

const kotakRow: StoredRiskLimits = {
  maxMarginUsagePct: 0.3,
  firstTradeFraction: 0.4,
  perPositionStopPaise: 2 * LAKH,
  perTradeRiskPaise: null,
  dailyLossLimitPaise: 3 * LAKH,
  weeklyLossLimitPaise: 4 * LAKH,
  weeklyProfitTargetPaise: 2 * LAKH,
  monthlyProfitTargetPaise: 8 * LAKH,
  pauseOnProfitTarget: false,
  maxDrawdownPct: 0.1,
  maxLeverage: null,
  maxTotalExposurePaise: null,
  maxPositionExposurePaise: 50 * LAKH,
  requiresApproval: false,
  minDaysToExpiryOptions: 2,
  minDaysToExpiryFutures: 15,
};

describe('effectiveRiskLimits (one reading for the risk checks, the breaker and the warning)', () => {
  it('takes every value of a stored row', () => {
    const e = effectiveRiskLimits({ row: kotakRow, broker: 'KOTAK' });
    expect(e.checks).toEqual({
      dailyLossLimitPaise: 3 * LAKH,
      weeklyLossLimitPaise: 4 * LAKH,
      maxDrawdownPct: 0.1,
      perTradeRiskPaise: 2 * LAKH, // no per-trade figure: the per-position stop
      maxTotalExposurePaise: undefined, // null in the row = off, not the default
      maxPositionExposurePaise: 50 * LAKH,
      maxLeverage: undefined,
      weeklyProfitTargetPaise: 2 * LAKH,
      monthlyProfitTargetPaise: 8 * LAKH,
      pauseOnTarget: false,
    });
    expect(e.loss).toEqual({ dailyLossLimitPaise: 3 * LAKH, weeklyLossLimitPaise: 4 * LAKH, maxDrawdownPct: 0.1 });
    expect(e.margin).toEqual({ maxMarginUsagePct: 0.3, firstTradeFraction: 0.4 });
    expect(e.orderPath).toEqual({ requiresApproval: false, minDaysToExpiryOptions: 2, minDaysToExpiryFutures: 15 });
    expect(e.perPositionStopPaise).toBe(2 * LAKH);
  });

  it.each([
    ['KOTAK', KOTAK_RISK_DEFAULTS, false, KOTAK_RISK_DEFAULTS.perPositionStopPaise],
    ['ICICI', ICICI_RISK_DEFAULTS, true, ICICI_RISK_DEFAULTS.perTradeRiskPaise],
  ] as const)('falls back to the %s defaults without a row', (broker, d, approval, perTrade) => {
    const e = effectiveRiskLimits({ row: null, broker });
    expect(e.checks).toMatchObject({
      dailyLossLimitPaise: d.dailyLossLimitPaise,
      maxDrawdownPct: d.maxDrawdownPct,
      perTradeRiskPaise: perTrade,
      maxTotalExposurePaise: d.maxTotalExposurePaise,
      maxLeverage: d.maxLeverage,
      pauseOnTarget: d.pauseOnProfitTarget,
    });
    expect(e.margin).toEqual({ maxMarginUsagePct: d.maxMarginUsagePct, firstTradeFraction: undefined });
    expect(e.orderPath.requiresApproval).toBe(approval);
  });

  it('reads a missing weekly loss limit as the broker default of DECISIONS §6 (₹4 L Kotak, ₹3 L ICICI) everywhere, never as off', () => {
    for (const [broker, paise] of [
      ['KOTAK', 4 * LAKH],
      ['ICICI', 3 * LAKH],
    ] as const) {
      for (const row of [null, { ...kotakRow, weeklyLossLimitPaise: null }]) {
        const e = effectiveRiskLimits({ row, broker });
        expect(e.checks.weeklyLossLimitPaise).toBe(paise);
        expect(e.loss.weeklyLossLimitPaise).toBe(paise);
      }
    }
  });

  it('reads per-trade risk in order: row per-trade, default per-trade, row stop, default stop', () => {
    expect(effectiveRiskLimits({ row: { ...kotakRow, perTradeRiskPaise: 5 }, broker: 'KOTAK' }).checks.perTradeRiskPaise).toBe(5);
    expect(effectiveRiskLimits({ row: { ...kotakRow, perPositionStopPaise: null }, broker: 'KOTAK' }).checks.perTradeRiskPaise).toBe(KOTAK_RISK_DEFAULTS.perPositionStopPaise);
    expect(effectiveRiskLimits({ row: { ...kotakRow, perPositionStopPaise: 7 }, broker: 'ICICI' }).checks.perTradeRiskPaise).toBe(ICICI_RISK_DEFAULTS.perTradeRiskPaise);
  });
});
