import { epochMsOfIst, FixedClock } from '@mcube/domain';
import { readSharedCsv, sharedDataDir } from '@mcube/testing';
import { HistoricalReplay } from './historical-replay';

const at = (date: string, time: string) => new FixedClock(epochMsOfIst(date, time));
const replayAt = (date: string, time: string) => new HistoricalReplay({ dataFolder: sharedDataDir }, at(date, time));

/** The file's rows as bars, read independently of the replay's reader. */
function fileBars(relative: string, from: string, to: string) {
  return readSharedCsv(relative)
    .map((r) => ({ key: r.date ?? r.datetime, open: Number(r.open), high: Number(r.high), low: Number(r.low), close: Number(r.close) }))
    .filter((b) => b.key.slice(0, 10) >= from && b.key.slice(0, 10) <= to);
}

describe('historical replay against the files', () => {
  it('puts out every NIFTY daily bar exactly as it is in the file', async () => {
    const replay = replayAt('2026-01-01', '10:00');
    const out = await replay.historyBars({ symbol: 'NIFTY 50', interval: '1d', from: '2015-01-01', to: '2025-12-31' });
    const expected = fileBars('nifty50_daily/nifty50_daily_combined.csv', '2015-01-01', '2025-12-31');
    expect(out.map((b) => ({ key: b.date, open: b.open, high: b.high, low: b.low, close: b.close }))).toEqual(expected);
  });

  it('puts out every NIFTY and VIX 15-minute bar of 2024 exactly as it is in the file', async () => {
    const replay = replayAt('2025-01-01', '09:00');
    for (const [symbol, file] of [['NIFTY 50', 'nifty_intraday/nifty50_15min_2015-2026.csv.gz'], ['INDIA VIX', 'nifty_intraday/india_vix_15min_2015-2026.csv.gz']]) {
      const out = await replay.historyBars({ symbol, interval: '15m', from: '2024-01-01', to: '2024-12-31' });
      const expected = fileBars(file, '2024-01-01', '2024-12-31');
      expect(out.map((b) => ({ key: `${b.date} ${b.time}`, open: b.open, high: b.high, low: b.low, close: b.close }))).toEqual(expected);
    }
  });

  it('puts out sector and VIX daily bars as in the files', async () => {
    const replay = replayAt('2025-01-01', '09:00');
    const it = await replay.historyBars({ symbol: 'NIFTY IT', interval: '1d', from: '2023-01-01', to: '2024-12-31' });
    expect(it.map((b) => ({ key: b.date, open: b.open, high: b.high, low: b.low, close: b.close }))).toEqual(fileBars('sectoral_indices/nifty_it_daily_yahoo_2016-2026.csv', '2023-01-01', '2024-12-31'));
    const vix = await replay.historyBars({ symbol: 'INDIA VIX', interval: '1d', from: '2024-01-01', to: '2024-12-31' });
    expect(vix.map((b) => ({ key: b.date, open: b.open, high: b.high, low: b.low, close: b.close }))).toEqual(fileBars('india_vix_daily/india_vix_daily_combined.csv', '2024-01-01', '2024-12-31'));
  });

  it('never shows a bar before it has ended', async () => {
    const replay = replayAt('2024-06-14', '09:59');
    const bars15 = await replay.historyBars({ symbol: 'NIFTY 50', interval: '15m', from: '2024-06-14', to: '2024-06-14' });
    expect(bars15.map((b) => b.time)).toEqual(['09:15:00', '09:30:00']);
    expect(await replay.historyBars({ symbol: 'NIFTY 50', interval: '1d', from: '2024-06-13', to: '2024-06-14' })).toHaveLength(1);
    const quote = await replay.quote('NIFTY 50');
    expect(quote.lastPrice).toBe(bars15[1].close);
    const file = fileBars('nifty50_daily/nifty50_daily_combined.csv', '2024-06-13', '2024-06-13');
    expect(quote.previousClose).toBe(file[0].close);
  });

  it('uses real option rows after the close, marked REAL, and models untraded ones, marked MODELLED', async () => {
    const replay = replayAt('2025-11-14', '16:00');
    const chain = await replay.optionChain({ underlying: 'NIFTY', expiry: '2025-11-18' });
    const rows = readSharedCsv('nifty_options/nifty_options_eod_nse_mar_2025-11-14_2025-11-17.csv').filter((r) => r.date === '2025-11-14' && r.expiry === '2025-11-18');
    expect(rows.length).toBeGreaterThan(50);
    for (const r of rows) {
      const row = chain.strikes.find((s) => s.strike === Number(r.strike))!;
      const side = r.option_type === 'CE' ? row.call! : row.put!;
      expect(side).toMatchObject({ lastPrice: Number(r.close), source: 'REAL', openInterest: Number(r.open_interest) });
    }
    const sides = chain.strikes.flatMap((s) => [s.call, s.put]);
    expect(sides.some((s) => s?.source === 'MODELLED')).toBe(true);
  });

  it('prices chains with no real rows from VIX, every side MODELLED', async () => {
    const replay = replayAt('2024-06-14', '11:00');
    const chain = await replay.optionChain({ underlying: 'NIFTY', expiry: '2024-06-20' });
    expect(chain.strikes.length).toBe(101);
    for (const s of chain.strikes) {
      expect(s.call!.source).toBe('MODELLED');
      expect(s.call!.impliedVolatility).toBeCloseTo((await replay.vix()).value / 100, 10);
    }
  });

  it('treats an untraded contract-wise row as modelled but keeps its real OI', async () => {
    const replay = replayAt('2019-01-01', '17:00');
    const chain = await replay.optionChain({ underlying: 'NIFTY', expiry: '2019-01-31' });
    const file = readSharedCsv('nifty_options/nifty_options_eod_nse_contractwise_2019-2021.csv').filter((r) => r.date === '2019-01-01' && r.expiry === '2019-01-31');
    const untraded = file.find((r) => Number(r.contracts) === 0 && Number(r.open_interest) > 0) ?? file.find((r) => Number(r.contracts) === 0)!;
    const traded = file.find((r) => Number(r.contracts) > 0)!;
    const sideOf = (r: Record<string, string>) => {
      const row = chain.strikes.find((s) => s.strike === Number(r.strike))!;
      return r.option_type === 'CE' ? row.call! : row.put!;
    };
    expect(sideOf(untraded)).toMatchObject({ source: 'MODELLED', openInterest: Number(untraded.open_interest) });
    expect(sideOf(traded)).toMatchObject({ source: 'REAL', lastPrice: Number(traded.close) });
    expect(chain.spot).toBe(Number(traded.underlying_value));
  });

  it('gives sector performance, liquid stocks, global cues and the instrument master of a date', async () => {
    const replay = replayAt('2025-03-05', '09:00');
    const sectors = await replay.sectorPerformance('2025-03-04');
    expect(sectors.map((s) => s.index)).toEqual(expect.arrayContaining(['NIFTY BANK', 'NIFTY IT', 'NIFTY METAL']));
    const stocks = await replay.liquidFnoStocks({ date: '2025-03-04' });
    expect(stocks).toHaveLength(50);
    expect(stocks[0].turnoverRupees!).toBeGreaterThanOrEqual(stocks[49].turnoverRupees!);
    await expect(replay.liquidFnoStocks({ date: '2025-03-05' })).rejects.toMatchObject({ kind: 'REJECTED' });
    const cues = await replay.globalCues();
    expect(cues.indices.map((i) => i.name)).toEqual(['NASDAQ', 'DOW JONES', 'S&P 500']);
    expect(cues.giftNiftyChangePct).toBeUndefined();
    const master = await replay.instruments('2025-03-05');
    expect(master.find((r) => r.kind === 'OPT')!.lotSize).toBe(75);
  });
});
