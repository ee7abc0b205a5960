import { epochMsOfIst, riskPnlFacts, type IntentInstrument } from '@mcube/domain';
import { PositionBook, type BacktestFill } from './position-book';

const CE: IntentInstrument = { underlying: 'NIFTY', kind: 'OPT', expiry: '2024-07-04', strike: 24500, optionType: 'CE' };
const NO_CHARGES = { brokeragePaise: 0, sttPaise: 0, exchangePaise: 0, sebiPaise: 0, stampPaise: 0, gstPaise: 0, totalPaise: 0 };
const at = (date: string, time: string) => epochMsOfIst(date, time);
const fill = (over: Partial<BacktestFill>): BacktestFill => ({ positionId: 'P1', clientOrderId: 'BT-1', tradeId: 'T1', instrument: CE, side: 'SELL', purpose: 'ENTRY', quantity: 75, price: 100, charges: { ...NO_CHARGES, totalPaise: 500 }, occurredAtMs: at('2024-07-01', '10:00'), priceSource: 'MODELLED', ...over });

function closedAtALoss(): PositionBook {
  const book = new PositionBook(1_000_000_00);
  book.reserve({ positionId: 'P1', accountId: 'KOTAK', underlying: 'NIFTY', expiry: '2024-07-04', quantity: 75, openedAtMs: at('2024-07-01', '10:00') });
  book.applyFill(fill({}));
  book.applyFill(fill({ tradeId: 'T2', clientOrderId: 'BT-2', side: 'BUY', purpose: 'EXIT', price: 500, occurredAtMs: at('2024-07-01', '11:00') }));
  expect(book.closeIfFlat('P1', { hasLiveOrders: false, atMs: at('2024-07-01', '11:00'), reason: 'STOP_LOSS_HIT' })).toBe(true);
  return book;
}

describe('PositionBook (positions through the domain core, day rows as the API keeps them)', () => {
  it('counts a position closed earlier today in today\'s loss, as the 10-second P&L job makes the API do', () => {
    const book = closedAtALoss();
    // (₹100 − ₹500) × 75 = −₹30,000 gross, ₹10 of charges
    const facts = riskPnlFacts({ date: '2024-07-01', rows: book.riskRows('2024-07-01'), allocatedCapitalPaise: book.allocatedCapitalPaise, activePosition: book.active() });
    expect(facts).toMatchObject({ todayPaise: -3_001_000, weekPaise: -3_001_000, equityPaise: 1_000_000_00 - 3_001_000 });
  });

  it('writes the day row at the close and carries earlier rows into one (same facts, linear time)', () => {
    const book = closedAtALoss();
    expect(book.closeDay('2024-07-01')).toMatchObject({ tradeDate: '2024-07-01', realizedPnlPaise: -3_000_000, chargesPaise: 1_000, netPnlPaise: -3_001_000, tradesCount: 1 });
    const rows = book.riskRows('2024-08-05');
    expect(rows).toEqual([{ tradeDate: '0000-00-00', netPnlPaise: -3_001_000, peakEquityPaise: 1_000_000_00 }]);
    expect(riskPnlFacts({ date: '2024-08-05', rows, allocatedCapitalPaise: book.allocatedCapitalPaise, activePosition: null })).toEqual(
      riskPnlFacts({ date: '2024-08-05', rows: book.dayRows, allocatedCapitalPaise: book.allocatedCapitalPaise, activePosition: null }),
    );
    expect(book.riskRows('2024-07-03')).toEqual([{ tradeDate: '0000-00-00', netPnlPaise: 0, peakEquityPaise: 1_000_000_00 }, book.dayRows[0]]);
  });

  it('reports an over-close instead of losing it silently', () => {
    const book = closedAtALoss();
    book.applyFill(fill({ tradeId: 'T3', side: 'BUY', purpose: 'EXIT', price: 400, occurredAtMs: at('2024-07-01', '11:05') }));
    expect(book.anomalies.join(' ')).toMatch(/over-close of 75 units on P1.*fill T3 on closed position P1/);
  });
});
