import { ICICI_FUTURES_CONFIG_DEFAULTS as C } from '../config/icici-futures.config';
import type { FuturesContractInfo, FuturesTouch } from '../ports/futures-market.port';
import { limitPriceFor, onTick, priceBand } from './prices';
import { buildTradePlan } from './trade-plan';

const contract: FuturesContractInfo = { underlying: 'INFY', expiry: '2026-12-29', lotSize: 400, tickSize: 0.05, tradingSymbol: 'INFY26DECFUT' };
const touch: FuturesTouch = { lastPrice: 1300, bid: 1299.95, ask: 1300.05, asOfMs: 0, source: 'REAL' };
const CRORE = 1_00_00_000 * 100;
const margin = { availablePaise: 1.2 * CRORE, inUsePaise: 0, openExposurePaise: 0 };
const plan = (over: Partial<Parameters<typeof buildTradePlan>[0]> = {}) => buildTradePlan({ contract, direction: 'LONG', touch, margin, config: C, ...over });

describe('the ICICI trade plan', () => {
  it('buys at the ask, stop 0.5% below (towards the entry) and target 1% above (away), reward:risk ≥ 2', () => {
    const r = plan();
    if (!r.ok) throw new Error(r.reason);
    // 1300.05 × 0.995 = 1293.54975 → 1293.55; × 1.01 = 1313.0505 → 1313.10.
    expect(r.plan).toMatchObject({ side: 'BUY', entryPrice: 1300.05, stopLoss: 1293.55, target: 1313.1, riskReward: { ok: true } });
    expect(r.plan.riskReward.ratio).toBeCloseTo(13.05 / 6.5, 9);
  });

  it('sizes by the tightest rule: 50% of usable margin allows 57 lots, the ₹60,000 risk 23, the ₹1.5 Cr position cap 28', () => {
    const r = plan();
    if (!r.ok) throw new Error(r.reason);
    // Usable 0.5 × ₹1.2 Cr = ₹60 L; a lot is 1300.05 × 400 = ₹5,20,020, margin 20% = ₹1,04,004; risk at 0.5% = ₹2,600.10 a lot.
    expect(r.plan.margin).toMatchObject({ usablePaise: 60_00_000_00, marginPerLotPaise: 1_04_004_00 });
    expect(r.plan.size).toMatchObject({ lots: 23, quantity: 9200, limitedBy: 'RISK', lotsAllowedBy: { MARGIN: 57, RISK: 23, POSITION_EXPOSURE: 28, TOTAL_EXPOSURE: 115, LEVERAGE: 115 } });
    expect(r.plan.riskPaise).toBeLessThanOrEqual(C.perTradeRiskPaise);
    expect(r.plan.riskPaise).toBe(59_802_30);
    expect(r.plan.size.exposurePaise).toBe(23 * 5_20_020_00);
  });

  it('sells at the bid for a SHORT with the stop above and the target below', () => {
    const r = plan({ direction: 'SHORT' });
    if (!r.ok) throw new Error(r.reason);
    // 1299.95 × 1.005 = 1306.44975 → 1306.40 (towards the entry); × 0.99 = 1286.9505 → 1286.95.
    expect(r.plan).toMatchObject({ side: 'SELL', entryPrice: 1299.95, stopLoss: 1306.4, target: 1286.95 });
  });

  it('prices at the mid in MID mode and at the last price without a two-sided touch', () => {
    expect(limitPriceFor(touch, 'BUY', 'MID', 0.05)).toBe(1300);
    expect(limitPriceFor({ lastPrice: 1300.02, asOfMs: 0, source: 'MODELLED' }, 'BUY', 'TOUCH', 0.05)).toBe(1300);
    expect(onTick(1297.4499, 0.05, 'DOWN')).toBe(1297.4);
    expect(priceBand(1300.05, 0.2, 0.05)).toEqual({ low: 1297.4, high: 1302.7 });
  });

  it('has no plan when not one lot fits, or when the target is too close for the minimum reward:risk', () => {
    const poor = plan({ margin: { availablePaise: 1_00_000_00, inUsePaise: 0, openExposurePaise: 0 } });
    expect(poor).toMatchObject({ ok: false, code: 'NO_LOTS' });
    expect(plan({ config: { ...C, targetPct: 0.9 } })).toMatchObject({ ok: false, code: 'RISK_REWARD_TOO_LOW' });
  });

  it('previews averaging, and says it is unreachable with the plan’s 0.5% stop and 1% trigger', () => {
    const r = plan();
    expect(r.plan.averaging).toMatchObject({ enabled: true, maxAttempts: 2, marginCapFractions: [0.2, 0.5], reachable: false, firstTriggerPrice: 1287.05 });
    expect(plan({ config: { ...C, stopLossPct: 1.5, targetPct: 3 } }).plan.averaging.reachable).toBe(false);
    expect(plan({ config: { ...C, stopLossPct: 1.5, targetPct: 3, averagedStopLossPct: 1 } }).plan.averaging.reachable).toBe(true);
  });
});
