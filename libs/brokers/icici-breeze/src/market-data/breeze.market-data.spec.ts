import { addDays, isoWeekday } from '@mcube/domain';
import type { FakeCandle } from '../testing/fake/fake-breeze-market';
import { startBreezeRig, type BreezeTestRig } from '../testing/icici-breeze-test-kit';

/** `count` weekday daily candles ending on `last`, closes from `closeOf(i)` (i = 0 oldest). */
function dailyCandles(last: string, count: number, closeOf: (i: number) => number, volume = 1000): FakeCandle[] {
  const days: string[] = [];
  for (let d = last; days.length < count; d = addDays(d, -1)) if (isoWeekday(d) <= 5) days.unshift(d);
  return days.map((d, i) => {
    const close = closeOf(i);
    return { datetime: `${d} 00:00:00`, open: close, high: close + 1, low: close - 1, close, volume };
  });
}

describe('BreezeMarketData against the local Breeze server', () => {
  let rig: BreezeTestRig;
  beforeEach(async () => {
    rig = await startBreezeRig();
    await rig.login();
  });
  afterEach(() => rig.close());

  const md = () => rig.kit.marketData;

  it('quotes NSE stocks and indices by their NSE names (RELIANCE is asked for as RELIND)', async () => {
    await expect(md().quote('RELIANCE')).resolves.toMatchObject({ symbol: 'RELIANCE', lastPrice: 1412.6, previousClose: 1403.9, bid: 1412.5, ask: 1412.6 });
    expect(rig.server.callsTo('quotes', 'GET')[0]).toMatchObject({ checksum: 'VALID', body: { stock_code: 'RELIND', exchange_code: 'NSE', product_type: 'cash' } });
    rig.server.market.setCashQuote('NIFTY', { ltp: 24950.7, previousClose: 24870.1 });
    rig.server.market.setCashQuote('INDVIX', { ltp: 13.2 });
    await expect(md().quote('NIFTY 50')).resolves.toMatchObject({ lastPrice: 24950.7, previousClose: 24870.1 });
    await expect(md().quote('NIFTY')).resolves.toMatchObject({ lastPrice: 24950.7 });
    await expect(md().vix()).resolves.toMatchObject({ value: 13.2 });
  });

  it('an unknown symbol is REJECTED without a call', async () => {
    await expect(md().quote('NOSUCHCO')).rejects.toMatchObject({ kind: 'REJECTED', details: { brokerCode: 'UNKNOWN_SYMBOL' } });
    expect(rig.server.callsTo('quotes')).toHaveLength(0);
  });

  it('quotes a future with its basis to spot, also by contract symbol', async () => {
    await expect(md().futuresQuote({ underlying: 'NIFTY', expiry: '2026-08-25' })).resolves.toMatchObject({ lastPrice: 24986.35, source: 'REAL', underlying: 'NIFTY' });
    const q = await md().futuresQuote({ underlying: 'NIFTY', expiry: '2026-08-25' });
    expect(q.basis).toBeCloseTo(35.65, 6);
    await expect(md().quote('NIFTY-2026-08-25-FUT')).resolves.toMatchObject({ lastPrice: 24986.35 });
    await expect(md().quote({ underlying: 'NIFTY', kind: 'FUT', expiry: '2026-08-25' })).resolves.toMatchObject({ symbol: 'NIFTY-2026-08-25-FUT', lastPrice: 24986.35 });
  });

  it('quotes an option by its InstrumentId with one quotes call naming the product, expiry, right and strike (no chain is fetched)', async () => {
    const put = await md().quote({ underlying: 'NIFTY', kind: 'OPT', expiry: '2026-08-25', strike: 24900, optionType: 'PE' });
    const chainPut = (await md().optionChain({ underlying: 'NIFTY', expiry: '2026-08-25' })).strikes.find((r) => r.strike === 24900)?.put;
    expect(put).toMatchObject({ symbol: 'NIFTY-2026-08-25-24900-PE', lastPrice: chainPut?.lastPrice, bid: chainPut?.bid, ask: chainPut?.ask });
    const [call] = rig.server.callsTo('quotes');
    expect(rig.server.callsTo('quotes')).toHaveLength(1);
    expect(call.body).toMatchObject({ stock_code: 'NIFTY', exchange_code: 'NFO', product_type: 'options', right: 'put', strike_price: '24900' });
    await expect(md().quote({ underlying: 'NIFTY', kind: 'OPT', expiry: '2026-08-25', strike: 99_000, optionType: 'CE' })).rejects.toMatchObject({ kind: 'REJECTED', details: { brokerCode: 'UNKNOWN_CONTRACT' } });
    expect(rig.server.callsTo('quotes')).toHaveLength(1);
  });

  it('builds the option chain from both sides: REAL prices, OI and change in OI, spot (PCR from OI)', async () => {
    const chain = await md().optionChain({ underlying: 'NIFTY', expiry: '2026-08-25' });
    expect(chain).toMatchObject({ underlying: 'NIFTY', expiry: '2026-08-25', spot: 24950.7 });
    expect(chain.strikes.map((s) => s.strike)).toEqual([24900, 24950, 25000, 25050, 25100]);
    expect(chain.strikes[2]).toMatchObject({ call: { lastPrice: 106.85, source: 'REAL', openInterest: 7215650, openInterestChange: 985400 }, put: { lastPrice: 86.3, openInterest: 5541225, openInterestChange: -230425 } });
    const sum = (side: 'call' | 'put') => chain.strikes.reduce((t, s) => t + (s[side]?.openInterest ?? 0), 0);
    expect(sum('put') / sum('call')).toBeCloseTo(20143400 / 24635025, 9);
  });

  it('asks for a BANKNIFTY chain as CNXBAN', async () => {
    rig.server.market.setOptionChain('CNXBAN', '2026-08-25', 55210.4, [{ strike: 55200, call: { ltp: 310, openInterest: 120000, changeInOi: 3000 }, put: { ltp: 290.5, openInterest: 150000, changeInOi: -2000 } }]);
    const chain = await md().optionChain({ underlying: 'BANKNIFTY', expiry: '2026-08-25' });
    expect(chain).toMatchObject({ underlying: 'BANKNIFTY', spot: 55210.4, strikes: [{ strike: 55200, call: { lastPrice: 310, openInterest: 120000 }, put: { lastPrice: 290.5 } }] });
    expect(rig.server.callsTo('optionchain').map((c) => c.body?.['stock_code'])).toEqual(['CNXBAN', 'CNXBAN']);
  });

  it('a chain row of another expiry is a malformed answer (UNKNOWN), not silently mixed in', async () => {
    rig.server.market.setOptionChain('CNXBAN', '2026-08-25', 55210.4, [{ strike: 55200, call: { ltp: 310 } }]);
    rig.server.faults.inject({ endpoint: 'optionchain', mode: 'MALFORMED', body: JSON.stringify({ Success: [{ exchange_code: 'NFO', product_type: 'Options', stock_code: 'CNXBAN', expiry_date: '29-Sep-2026', right: 'Call', strike_price: 55200, ltp: 1, spot_price: '1' }], Status: 200, Error: null }) });
    await expect(md().optionChain({ underlying: 'BANKNIFTY', expiry: '2026-08-25' })).rejects.toMatchObject({ kind: 'UNKNOWN', details: { brokerCode: 'MALFORMED_RESPONSE' } });
  });

  it('reads historical v2 bars of a future (1 minute) with apikey + session token, no checksum', async () => {
    const bars = await md().historyBars({ symbol: 'NIFTY-2026-08-25-FUT', interval: '1m', from: '2026-08-20', to: '2026-08-20' });
    expect(bars).toEqual([
      { date: '2026-08-20', time: '09:15', open: 24948.0, high: 24952.15, low: 24931.95, close: 24938.6, volume: 88800, openInterest: 17543475 },
      { date: '2026-08-20', time: '09:16', open: 24938.3, high: 24947.95, low: 24937.1, close: 24942.0, volume: 56025, openInterest: 17551300 },
    ]);
    const [call] = rig.server.callsTo('historicalcharts', 'GET');
    expect(Object.fromEntries(call.query!)).toMatchObject({ interval: '1minute', stock_code: 'NIFTY', exch_code: 'NFO', product_type: 'futures', expiry_date: '2026-08-25T06:00:00.000Z', right: 'others', strike_price: '0' });
    // The server answers a v2 call without the app key or a valid session token with an error envelope.
    expect(call.checksum).toBe('UNSIGNED');
  });

  it('reads daily bars of a stock over a long range in chunks of at most 1000 candles', async () => {
    const bars = await md().historyBars({ symbol: 'RELIANCE', interval: '1d', from: '2022-01-01', to: '2026-08-20' });
    expect(bars.map((b) => [b.date, b.close, b.time])).toEqual([['2026-08-18', 1410.0, undefined], ['2026-08-19', 1403.9, undefined], ['2026-08-20', 1412.6, undefined]]);
    expect(rig.server.callsTo('historicalcharts')).toHaveLength(2);
  });

  it('builds 15-minute bars of a sector index from its 5-minute candles', async () => {
    rig.server.market.setCandles({ exchange: 'NSE', stockCode: 'CNXIT', interval: '5minute' }, [
      { datetime: '2026-08-20 09:15:00', open: 35000, high: 35050, low: 34990, close: 35040, volume: 0 },
      { datetime: '2026-08-20 09:20:00', open: 35040, high: 35100, low: 35020, close: 35090, volume: 0 },
      { datetime: '2026-08-20 09:25:00', open: 35090, high: 35095, low: 35010, close: 35020, volume: 0 },
      { datetime: '2026-08-20 09:30:00', open: 35020, high: 35030, low: 35000, close: 35010, volume: 0 },
    ]);
    const bars = await md().historyBars({ symbol: 'NIFTY IT', interval: '15m', from: '2026-08-20', to: '2026-08-20' });
    expect(bars).toEqual([
      { date: '2026-08-20', time: '09:15', open: 35000, high: 35100, low: 34990, close: 35020, volume: 0, openInterest: undefined },
      { date: '2026-08-20', time: '09:30', open: 35020, high: 35030, low: 35000, close: 35010, volume: 0, openInterest: undefined },
    ]);
  });

  it('computes sector performance from daily closes; a sector without 22 closes up to the date is left out', async () => {
    rig.server.market.setCandles({ exchange: 'NSE', stockCode: 'CNXBAN', interval: '1day' }, dailyCandles('2026-08-20', 25, (i) => 50000 + 100 * i));
    rig.server.market.setCandles({ exchange: 'NSE', stockCode: 'CNXIT', interval: '1day' }, dailyCandles('2026-08-20', 10, () => 35000));
    const moves = await md().sectorPerformance('2026-08-20');
    expect(moves.map((m) => m.index)).toEqual(['NIFTY BANK']);
    const last = 50000 + 100 * 24;
    expect(moves[0].sector).toBe('BANK');
    expect(moves[0].changePct).toBeCloseTo((last / (last - 100) - 1) * 100, 9);
    expect(moves[0].perf21dPct).toBeCloseTo((last / (last - 2100) - 1) * 100, 9);
  });

  it('ranks the liquid F&O stocks by volume × close from daily bars (indices are not stocks)', async () => {
    rig.server.market.setCandles({ exchange: 'NSE', stockCode: 'TATSTE', interval: '1day' }, dailyCandles('2026-08-20', 3, () => 160, 30_000_000));
    rig.server.market.setCandles({ exchange: 'NSE', stockCode: 'INFTEC', interval: '1day' }, dailyCandles('2026-08-20', 3, (i) => 1500 + i * 15, 10));
    const list = await md().liquidFnoStocks({ date: '2026-08-20', limit: 2 });
    expect(list.map((s) => s.symbol)).toEqual(['RELIANCE', 'TATASTEEL']);
    expect(list[0]).toMatchObject({ lastPrice: 1412.6, turnoverRupees: 3852700 * 1412.6, sector: 'OTHER' });
    expect(list[0].changePct).toBeCloseTo((1412.6 / 1403.9 - 1) * 100, 9);
  });

  it('global cues and economic events are not Breeze feeds: REJECTED, never made up', async () => {
    await expect(md().globalCues()).rejects.toMatchObject({ kind: 'REJECTED', details: { brokerCode: 'NO_FEED' } });
    await expect(md().economicEvents({ from: '2026-08-20', to: '2026-08-21' })).rejects.toMatchObject({ kind: 'REJECTED' });
  });

  it('lists the master\'s contracts alive on a date', async () => {
    const all = await md().instruments('2026-08-20');
    const later = await md().instruments('2026-08-26');
    expect(all.some((c) => c.expiry === '2026-08-25')).toBe(true);
    expect(later.every((c) => c.expiry === '2026-09-29')).toBe(true);
    expect(later.length).toBeGreaterThan(0);
  });

  it('without a session every market call is AUTH_EXPIRED and nothing is sent', async () => {
    rig.sessions.session = undefined;
    await expect(md().quote('RELIANCE')).rejects.toMatchObject({ kind: 'AUTH_EXPIRED' });
    await expect(md().historyBars({ symbol: 'RELIANCE', interval: '1d', from: '2026-08-18', to: '2026-08-20' })).rejects.toMatchObject({ kind: 'AUTH_EXPIRED' });
    expect(rig.server.calls).toHaveLength(1); // the login's customerdetails
  });
});
