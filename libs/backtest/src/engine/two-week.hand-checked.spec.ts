import { buildReport } from '../report/build-report';
import { runOnSharedData } from '../testing/shared-history';

// 1–12 July 2024 on the shared data with the seed's parameters and the engine's defaults.
// Every figure below was checked by hand, independently of this code:
// - spot and VIX at 10:00 are the closes of the 09:45 15-minute bars (24080.15 / 14.19 on 1 July);
//   at 09:15 the opening bar's open (24329.45 / 12.70 on 8 July);
// - strikes: 24080.15 × 0.5% × 3 days = 361.2 points (VIX ≤ 15: ×1) → 24441 → 24400 CE,
//   23719 → 23700 PE; the 3-day change +1.22% > 1% is BULLISH, so the call moves out to 24500;
// - option mids from a separate Python Black-Scholes (r 6.5%, q 1.2%, VIX with the skew
//   −0.05/0.04 in standard deviations of moneyness, ACT/365 to 15:30 of expiry, put-call parity
//   for the in-the-money side): 24500 CE 16.10 and 23700 PE 24.80 at entry, 7.75 and 9.30 at the
//   2 July 15:15 exit, and likewise for every fill of the two other trades;
// - touch: half-spread max(₹0.05, 0.5%) rounded out to the tick; sells fill at the bid, buys at
//   the ask (1 tick of slippage never passes the limit): 16.00 / 24.65 in, 7.80 / 9.35 out;
// - lots: usable ₹1.2 Cr ÷ (2 × 12% × 24080.15 × 25) = 83 lots = 2075 units, sliced 1800 + 275;
// - charges (rates of 2023-04-01: STT 0.0625% sell, NSE 0.05%, SEBI ₹10/Cr, stamp 0.003% buy,
//   GST 18% on NSE + SEBI), each component rounded half up: SELL 1800 @ 16.00 = ₹28,800 turnover →
//   STT 1800 + NSE 1440 + SEBI 3 + GST 260 = 3503 paise.
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
          ['NIFTY-2024-07-04-24500-CE', 'SELL', 2075, 16, 7.8, 'MODELLED'],
          ['NIFTY-2024-07-04-23700-PE', 'SELL', 2075, 24.65, 9.35, 'MODELLED'],
        ],
      },
      {
        entryAt: '2024-07-04T10:00',
        exitAt: '2024-07-08T09:15',
        exitReason: 'TARGET_HIT',
        legs: [
          ['NIFTY-2024-07-11-25400-CE', 'SELL', 2025, 4.4, 0.5, 'MODELLED'],
          ['NIFTY-2024-07-11-23500-PE', 'SELL', 2025, 11.95, 4, 'MODELLED'],
        ],
      },
      {
        entryAt: '2024-07-08T10:00',
        exitAt: '2024-07-10T10:30',
        exitReason: 'TARGET_HIT',
        legs: [
          ['NIFTY-2024-07-11-24600-CE', 'SELL', 2050, 24.3, 4, 'MODELLED'],
          ['NIFTY-2024-07-11-23900-PE', 'SELL', 2050, 22.55, 8.65, 'MODELLED'],
        ],
      },
    ]);
  });

  it('charges every fill to the paisa at the dated rates', () => {
    const charges = report.trades.flatMap((t) => t.legs.flatMap((l) => l.fills.map((f) => [f.side, f.quantity, f.price, f.chargesPaise])));
    expect(charges).toEqual([
      ['SELL', 1800, 16, 3503], ['SELL', 275, 16, 535], ['BUY', 1800, 7.8, 872], ['BUY', 275, 7.8, 132],
      ['SELL', 1800, 24.65, 5396], ['SELL', 275, 24.65, 825], ['BUY', 1800, 9.35, 1046], ['BUY', 275, 9.35, 160],
      ['SELL', 1800, 4.4, 963], ['SELL', 225, 4.4, 121], ['BUY', 1800, 0.5, 56], ['BUY', 225, 0.5, 7],
      ['SELL', 1800, 11.95, 2616], ['SELL', 225, 11.95, 326], ['BUY', 1800, 4, 448], ['BUY', 225, 4, 56],
      ['SELL', 1800, 24.3, 5319], ['SELL', 250, 24.3, 740], ['BUY', 1800, 4, 448], ['BUY', 250, 4, 62],
      ['SELL', 1800, 22.55, 4937], ['SELL', 250, 22.55, 686], ['BUY', 1800, 8.65, 969], ['BUY', 250, 8.65, 133],
    ]);
  });

  it('nets each trade: gross price P&L − charges, to the paisa', () => {
    expect(report.trades.map((t) => [t.grossPnlPaise, t.chargesPaise, t.netPnlPaise])).toEqual([
      // (16.00 − 7.80) × 2075 + (24.65 − 9.35) × 2075 = ₹48,762.50
      [4_876_250, 12_469, 4_863_781],
      // (4.40 − 0.50) × 2025 + (11.95 − 4.00) × 2025 = ₹23,996.25
      [2_399_625, 4_593, 2_395_032],
      // (24.30 − 4.00) × 2050 + (22.55 − 8.65) × 2050 = ₹70,110.00
      [7_011_000, 13_294, 6_997_706],
    ]);
    expect(report.summary).toMatchObject({ trades: 3, winRate: 1, profitFactor: null, netPnlPaise: 14_256_519, grossPnlPaise: 14_286_875, chargesPaise: 30_356 });
  });

  it('skips the days the GIFT proxy or US filter fails and journals why', () => {
    const skips = report.decisions.filter((d) => d.kind === 'SKIP').map((d) => [d.date, d.reasonCode]);
    expect(skips).toEqual([
      ['2024-07-03', 'FILTER_FAILED:GLOBAL_MARKETS'],
      ['2024-07-11', 'FILTER_FAILED:GLOBAL_MARKETS'],
      ['2024-07-12', 'FILTER_FAILED:GLOBAL_MARKETS'],
    ]);
    const entry = report.decisions.find((d) => d.decision === 'ENTER');
    expect(entry?.inputs).toMatchObject({ spot: 24080.15, vix: 14.19, giftNiftyProxyPct: -0.07, expiry: '2024-07-04', daysToExpiry: 3, callStrike: 24500, putStrike: 23700, bias: 'BULLISH', lots: 83 });
  });
});
