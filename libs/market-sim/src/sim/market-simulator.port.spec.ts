import { analyzeSector, epochMsOfIst, FixedClock, isoWeekday } from '@mcube/domain';
import { MarketSimulator } from './market-simulator';
import { SIM_STOCKS } from './stock-universe.data';

const START = '2026-03-02';

function simAt(date: string, time: string, extra: { tickIntervalMs?: number } = {}): MarketSimulator {
  return new MarketSimulator({ seed: 4, startDate: START, tickIntervalMs: extra.tickIntervalMs ?? 5 * 60_000 }, new FixedClock(epochMsOfIst(date, time)));
}

describe('simulator behind the market-data port', () => {
  it('quotes futures at a cost-of-carry premium that shrinks towards expiry, near month holding most OI', async () => {
    const sim = simAt('2026-03-04', '11:00');
    const spot = (await sim.quote('NIFTY 50')).lastPrice;
    const near = await sim.futuresQuote({ underlying: 'NIFTY', expiry: '2026-03-30' });
    const next = await sim.futuresQuote({ underlying: 'NIFTY', expiry: '2026-04-28' });
    expect(near.basis).toBeGreaterThan(0);
    expect(next.basis).toBeGreaterThan(near.basis);
    expect(near.openInterest!).toBeGreaterThan(next.openInterest!);
    expect(near.lastPrice - spot).toBeCloseTo(near.basis, 1);
    expect(await sim.quote('NIFTY-2026-03-30-FUT')).toMatchObject({ lastPrice: near.lastPrice });
    // The port takes the contract's InstrumentId too (keyed at the simulator's edge).
    expect(await sim.quote({ underlying: 'NIFTY', kind: 'FUT', expiry: '2026-03-30' })).toMatchObject({ symbol: 'NIFTY-2026-03-30-FUT', lastPrice: near.lastPrice });
    await expect(sim.futuresQuote({ underlying: 'NIFTY', expiry: '2026-03-31' })).rejects.toMatchObject({ kind: 'REJECTED' });
  });

  it('gives 1/3/7/21-day sector performance from the warm-up history, usable by the sector filter', async () => {
    const sim = simAt('2026-03-02', '10:00');
    const moves = await sim.sectorPerformance('2026-03-02');
    expect(moves).toHaveLength(10);
    for (const m of moves) {
      expect(Number.isFinite(m.perf21dPct)).toBe(true);
      expect(['STRONG_BULLISH', 'STRONG_BEARISH', 'MIXED']).toContain(analyzeSector({ perf3d: m.perf3dPct, perf7d: m.perf7dPct, perf21d: m.perf21dPct }).verdict);
    }
    const bank = await sim.historyBars({ symbol: 'NIFTY BANK', interval: '1d', from: '2026-01-01', to: '2026-02-27' });
    expect(moves.find((m) => m.index === 'NIFTY BANK')!.perf3dPct).not.toBe(0);
    expect(bank.length).toBe(30);
  });

  it('lists the 50 liquid F&O stocks with sector, futures OI and change, most traded first', async () => {
    const sim = simAt('2026-03-04', '14:00');
    const rows = await sim.liquidFnoStocks({ date: '2026-03-04' });
    expect(rows).toHaveLength(50);
    for (let i = 1; i < rows.length; i++) expect(rows[i].turnoverRupees!).toBeLessThanOrEqual(rows[i - 1].turnoverRupees!);
    const known = new Map(SIM_STOCKS.map((s) => [s.symbol, s]));
    for (const r of rows) {
      expect(r.sector).toBe(known.get(r.symbol)!.sector);
      expect(r.futuresOpenInterest! % known.get(r.symbol)!.lotSize).toBe(0);
      expect(Number.isFinite(r.changePct)).toBe(true);
    }
    expect(await sim.liquidFnoStocks({ date: '2026-03-02', limit: 5 })).toHaveLength(5);
  });

  it('shows GIFT Nifty pointing the way of the next opening gap', async () => {
    const sim = simAt(START, '09:15', { tickIntervalMs: 75 * 60_000 });
    let agree = 0;
    let days = 0;
    for (let d = 0; d < 60; d++) {
      sim.advanceTo(sim.current().timeMs + 6.5 * 3_600_000); // past the close: the night's cues are drawn
      const cues = await sim.globalCues();
      const close = (await sim.quote('NIFTY 50')).lastPrice;
      const open = sim.step().nifty; // the next day's opening tick
      if (Math.sign(open - close) === Math.sign(cues.giftNiftyChangePct!)) agree++;
      days++;
      expect(cues.indices.map((i) => i.name)).toEqual(['NASDAQ', 'DOW JONES']);
    }
    expect(agree / days).toBeGreaterThan(0.8);
  });

  it('serves NIFTY and VIX bars by interval, each aggregating the finer ones', async () => {
    const sim = simAt('2026-03-04', '15:45', { tickIntervalMs: 60_000 });
    const m5 = await sim.historyBars({ symbol: 'NIFTY 50', interval: '5m', from: '2026-03-04', to: '2026-03-04' });
    const m15 = await sim.historyBars({ symbol: 'NIFTY 50', interval: '15m', from: '2026-03-04', to: '2026-03-04' });
    const day = await sim.historyBars({ symbol: 'NIFTY 50', interval: '1d', from: '2026-03-04', to: '2026-03-04' });
    expect(m5).toHaveLength(75);
    expect(m15).toHaveLength(25);
    expect(m15[0]).toMatchObject({ time: '09:15:00', open: m5[0].open, high: Math.max(m5[0].high, m5[1].high, m5[2].high), close: m5[2].close });
    expect(day[0].close).toBe(m15[24].close);
    expect(day[0].high).toBe(Math.max(...m15.map((b) => b.high)));
    await expect(sim.historyBars({ symbol: 'RELIANCE', interval: '5m', from: '2026-03-04', to: '2026-03-04' })).rejects.toMatchObject({ kind: 'REJECTED' });
    await expect(sim.historyBars({ symbol: 'NOPE', interval: '1d', from: '2026-03-04', to: '2026-03-04' })).rejects.toMatchObject({ kind: 'REJECTED' });
  });

  it('keeps a seeded, editable events calendar (budget, RBI, CPI, Fed)', async () => {
    const sim = simAt(START, '09:15');
    const year = await sim.economicEvents({ from: '2026-01-01', to: '2026-12-31' });
    expect(year.filter((e) => e.kind === 'UNION_BUDGET').map((e) => e.date)).toEqual(['2026-02-01']);
    expect(year.filter((e) => e.kind === 'RBI_POLICY')).toHaveLength(6);
    expect(year.filter((e) => e.kind === 'FED_POLICY')).toHaveLength(8);
    for (const e of year.filter((x) => x.kind !== 'UNION_BUDGET')) expect(isoWeekday(e.date)).toBeLessThan(6);
    const rbi = year.find((e) => e.kind === 'RBI_POLICY')!;
    sim.events.remove(rbi.id);
    sim.events.add({ ...rbi, id: 'rbi-moved', date: '2026-02-06' });
    const after = await sim.economicEvents({ from: '2026-02-01', to: '2026-02-28' });
    expect(after.map((e) => e.id)).toContain('rbi-moved');
    expect(after.map((e) => e.id)).not.toContain(rbi.id);
  });

  it('answers quotes for indices, sectors, stocks and option contracts, and rejects unknown symbols', async () => {
    const sim = simAt('2026-03-04', '10:30');
    expect((await sim.vix()).value).toBeGreaterThan(5);
    expect((await sim.quote('NIFTY IT')).lastPrice).toBeGreaterThan(0);
    expect((await sim.quote('RELIANCE')).lastPrice).toBeGreaterThan(0);
    const chain = await sim.optionChain({ underlying: 'NIFTY', expiry: '2026-03-10' });
    const row = chain.strikes[50];
    expect((await sim.quote(`NIFTY-2026-03-10-${row.strike}-PE`)).lastPrice).toBe(row.put!.lastPrice);
    await expect(sim.quote('XYZ')).rejects.toMatchObject({ name: 'BrokerError', kind: 'REJECTED' });
  });
});
