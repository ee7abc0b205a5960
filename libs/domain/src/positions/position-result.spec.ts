import { tradeCharges } from '../costs/trade-charges';
import { epochMsOfIst } from '../time/ist-date';
import { dailyPnlValues } from './daily-pnl-values';
import { chargesOfFills, positionResult } from './position-result';

const at = epochMsOfIst('2026-08-20', '10:00');

describe('positionResult (net of charges)', () => {
  it('adds the reported charges back for the gross and takes them off for the net', () => {
    const fills = [
      { orderId: 1, side: 'SELL' as const, quantity: 65, pricePaise: 12_000, chargesPaise: 1_500, occurredAtMs: at, segment: 'OPT' as const },
      { orderId: 2, side: 'BUY' as const, quantity: 65, pricePaise: 4_000, chargesPaise: 400, occurredAtMs: at, segment: 'OPT' as const },
    ];
    // realised is stored net: 8000·65 − 1900
    expect(positionResult({ realizedPnlPaise: 520_000 - 1_900, fills, broker: 'KOTAK' })).toEqual({ grossPnlPaise: 520_000, chargesPaise: 1_900, netPnlPaise: 518_100 });
  });

  it('estimates the charges of an order whose fills reported none, at the dated rates, brokerage once per order', () => {
    const fills = [
      { orderId: 7, side: 'SELL' as const, quantity: 65, pricePaise: 12_000, chargesPaise: 0, occurredAtMs: at, segment: 'OPT' as const },
      { orderId: 7, side: 'SELL' as const, quantity: 65, pricePaise: 12_000, chargesPaise: 0, occurredAtMs: at, segment: 'OPT' as const },
    ];
    const one = (brokeragePaise: number) => tradeCharges({ date: '2026-08-20', segment: 'OPT', side: 'SELL', turnoverPaise: 780_000, brokeragePaise }).totalPaise;
    expect(chargesOfFills(fills, 'ICICI')).toEqual({ storedPaise: 0, estimatedPaise: one(2_000) + one(0) });
    expect(positionResult({ realizedPnlPaise: 0, fills, broker: 'ICICI' }).netPnlPaise).toBe(-(one(2_000) + one(0)));
  });
});

describe('dailyPnlValues', () => {
  it('counts only positions closed that day in the net, the active position in equity, and never lowers the peak', () => {
    const v = dailyPnlValues({
      allocatedCapitalPaise: 1_000_000,
      closedToday: [{ realizedPnlPaise: 50_000, chargesPaise: 2_000 }],
      activePosition: { realizedPnlPaise: -1_000, unrealizedPnlPaise: -9_000 },
      earlierRows: [{ tradeDate: '2026-08-19', netPnlPaise: 20_000, peakEquityPaise: 1_100_000 }],
    });
    expect(v).toEqual({ realizedPnlPaise: 50_000, unrealizedPnlPaise: -10_000, chargesPaise: 2_000, netPnlPaise: 48_000, tradesCount: 1, equityPaise: 1_058_000, peakEquityPaise: 1_100_000, drawdownPct: 42_000 / 1_100_000 });
  });
});
