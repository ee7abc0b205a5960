import { buildReport } from '../report/build-report';
import { runOnSharedData } from '../testing/shared-history';

// 1–12 July 2024 on the shared data with the seed's parameters and the engine's defaults.
// Every figure below was checked by hand, independently of this code:
// - spot and VIX at 10:00 are the closes of the 09:45 15-minute bars (24080.15 / 14.19 on 1 July);
// - strikes: 24080.15 × 0.5% × 3 days = 361.2 points (VIX ≤ 15: ×1) → 24441 → 24400 CE,
//   23719 → 23700 PE; the 3-day change +1.22% > 1% is BULLISH, so the call moves out to 24500;
// - option mids from a separate Python Black-Scholes (r 6.5%, q 1.2%, VIX skew −0.15/0.03,
//   ACT/365 to 15:30 of expiry, put-call parity for the ITM side): 24500 CE 8.80, 23700 PE 32.75
//   at entry; 3.15 and 14.70 at the 2 July 15:15 exit (and likewise for the two other trades);
// - touch: half-spread max(₹0.05, 0.5%) rounded out to the tick; sells fill at the bid, buys at
//   the ask (1 tick of slippage never passes the limit): 8.75 / 32.55 in, 3.20 / 14.80 out;
// - lots: usable ₹1.2 Cr ÷ (2 × 12% × 24080.15 × 25) = 83 lots = 2075 units, sliced 1800 + 275;
// - charges (rates of 2023-04-01: STT 0.0625% sell, NSE 0.05%, SEBI ₹10/Cr, stamp 0.003% buy,
//   GST 18% on NSE + SEBI), each component rounded half up: SELL 1800 @ 8.75 = ₹15,750 turnover →
//   STT 984 + NSE 788 + SEBI 2 + GST 142 = 1916 paise.
describe('a hand-checked two-week backtest (2024-07-01 … 2024-07-12, shared data)', () => {
  let report: ReturnType<typeof buildReport>;

  beforeAll(async () => {
    report = buildReport(await runOnSharedData({ from: '2024-07-01', to: '2024-07-12' }));
  }, 120_000);

  it('makes exactly the three trades, with the hand-checked strikes, sizes, prices and exits', () => {
    const compact = report.trades.map((t) => ({
      entryAt: t.entryAt,
      exitAt: t.exitAt,
      exitReason: t.exitReason,
      legs: t.legs.map((l) => [l.instrument, l.side, l.quantity, l.entryPrice, l.exitPrice, l.priceSource]),
    }));
    expect(compact).toEqual([
      {
        entryAt: '2024-07-01T10:00',
        exitAt: '2024-07-02T15:15',
        exitReason: 'EOD_MIN_PROFIT_MET',
        legs: [
          ['NIFTY-2024-07-04-24500-CE', 'SELL', 2075, 8.75, 3.2, 'MODELLED'],
          ['NIFTY-2024-07-04-23700-PE', 'SELL', 2075, 32.55, 14.8, 'MODELLED'],
        ],
      },
      {
        entryAt: '2024-07-04T10:00',
        exitAt: '2024-07-08T15:15',
        exitReason: 'EOD_MIN_PROFIT_MET',
        legs: [
          ['NIFTY-2024-07-11-25400-CE', 'SELL', 2025, 0.5, 0.1, 'MODELLED'],
          ['NIFTY-2024-07-11-23500-PE', 'SELL', 2025, 20.85, 9.2, 'MODELLED'],
        ],
      },
      {
        entryAt: '2024-07-09T10:00',
        exitAt: '2024-07-10T15:15',
        exitReason: 'EOD_MIN_PROFIT_MET',
        legs: [
          ['NIFTY-2024-07-11-24600-CE', 'SELL', 2050, 23, 2.95, 'MODELLED'],
          ['NIFTY-2024-07-11-24100-PE', 'SELL', 2050, 32.25, 17.9, 'MODELLED'],
        ],
      },
    ]);
  });

  it('charges every fill to the paisa at the dated rates', () => {
    const charges = report.trades.flatMap((t) => t.legs.flatMap((l) => l.fills.map((f) => [f.side, f.quantity, f.price, f.chargesPaise])));
    expect(charges).toEqual([
      ['SELL', 1800, 8.75, 1916], ['SELL', 275, 8.75, 292], ['BUY', 1800, 3.2, 358], ['BUY', 275, 3.2, 55],
      ['SELL', 1800, 32.55, 7126], ['SELL', 275, 32.55, 1089], ['BUY', 1800, 14.8, 1655], ['BUY', 275, 14.8, 253],
      ['SELL', 1800, 0.5, 109], ['SELL', 225, 0.5, 14], ['BUY', 1800, 0.1, 12], ['BUY', 225, 0.1, 1],
      ['SELL', 1800, 20.85, 4566], ['SELL', 225, 20.85, 570], ['BUY', 1800, 9.2, 1029], ['BUY', 225, 9.2, 129],
      ['SELL', 1800, 23, 5035], ['SELL', 250, 23, 700], ['BUY', 1800, 2.95, 331], ['BUY', 250, 2.95, 46],
      ['SELL', 1800, 32.25, 7061], ['SELL', 250, 32.25, 981], ['BUY', 1800, 17.9, 2002], ['BUY', 250, 17.9, 277],
    ]);
  });

  it('nets each trade: gross price P&L − charges, to the paisa', () => {
    expect(report.trades.map((t) => [t.grossPnlPaise, t.chargesPaise, t.netPnlPaise])).toEqual([
      // (8.75 − 3.20) × 2075 + (32.55 − 14.80) × 2075 = ₹48,347.50
      [4_834_750, 12_744, 4_822_006],
      // (0.50 − 0.10) × 2025 + (20.85 − 9.20) × 2025 = ₹24,401.25
      [2_440_125, 6_430, 2_433_695],
      // (23.00 − 2.95) × 2050 + (32.25 − 17.90) × 2050 = ₹70,520.00
      [7_052_000, 16_433, 7_035_567],
    ]);
    expect(report.summary).toMatchObject({ trades: 3, winRate: 1, profitFactor: null, netPnlPaise: 14_291_268, grossPnlPaise: 14_326_875, chargesPaise: 35_607 });
  });

  it('skips the days the GIFT-proxy/US filter fails and journals why', () => {
    const skips = report.decisions.filter((d) => d.kind === 'SKIP').map((d) => [d.date, d.reasonCode]);
    expect(skips).toEqual([
      ['2024-07-03', 'FILTER_FAILED:GLOBAL_MARKETS'],
      ['2024-07-11', 'FILTER_FAILED:GLOBAL_MARKETS'],
      ['2024-07-12', 'FILTER_FAILED:GLOBAL_MARKETS'],
    ]);
    const entry = report.decisions.find((d) => d.decision === 'ENTER');
    expect(entry?.inputs).toMatchObject({ spot: 24080.15, vix: 14.19, expiry: '2024-07-04', daysToExpiry: 3, callStrike: 24500, putStrike: 23700, bias: 'BULLISH', lots: 83 });
  });
});
