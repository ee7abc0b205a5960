import { epochMsOfIst } from '@mcube/domain';
import { MarketData } from '../../src/modules/data/entities/market-data.entity';
import { OptionChainRow } from '../../src/modules/data/entities/option-chain.entity';
import { AppEventsBus } from '../../src/modules/core/events/app-events.bus';
import { ChainSnapshotService } from '../../src/modules/data/snapshots/chain-snapshot.service';
import { JobHandlersRegistry } from '../../src/jobs/job-handlers.registry';
import { QuoteSnapshotService } from '../../src/modules/data/snapshots/quote-snapshot.service';
import type { WsMessage } from '@mcube/contracts';
import { startDataApp, type DataApp } from './data-app';

// Friday 2026-03-27 and Monday 2026-03-30 trade; Tuesday 2026-03-31 is a holiday (Mahavir Jayanti).
describe('market-data jobs', () => {
  let s: DataApp;
  let quotes: QuoteSnapshotService;
  let chains: ChainSnapshotService;
  const published: WsMessage[] = [];
  const count = async () => ({ bars: await s.dataSource.getRepository(MarketData).count(), chainRows: await s.dataSource.getRepository(OptionChainRow).count() });

  beforeAll(async () => {
    s = await startDataApp({ date: '2026-03-30', time: '08:00' });
    quotes = s.app.get(QuoteSnapshotService);
    chains = s.app.get(ChainSnapshotService);
    s.app.get(AppEventsBus).subscribe((m) => published.push(m));
  });
  afterAll(async () => {
    await s?.close();
  });

  it('writes nothing one second before the open', async () => {
    s.setIst('2026-03-30', '09:14:59');
    expect(await quotes.run()).toEqual({ written: 0, skipped: 'MARKET_CLOSED', failed: [] });
    expect(await chains.run()).toEqual({ skipped: 'MARKET_CLOSED', chains: [], failed: [] });
    expect(await count()).toEqual({ bars: 0, chainRows: 0 });
  });

  it('stores the minute bars of NIFTY and VIX at the open, prices in hundredths', async () => {
    s.setIst('2026-03-30', '09:15:00');
    expect(await quotes.run()).toEqual({ written: 2, failed: [] });
    s.clock.advance(20_000);
    expect(await quotes.run()).toEqual({ written: 2, failed: [] }); // same minute: replaces its bars
    const rows = await s.dataSource.getRepository(MarketData).find({ order: { symbol: 'ASC' } });
    expect(rows.map((r) => [r.symbol, r.interval, r.barStart.getTime(), r.source])).toEqual([
      ['INDIA VIX', '1m', epochMsOfIst('2026-03-30', '09:15'), 'sim'],
      ['NIFTY 50', '1m', epochMsOfIst('2026-03-30', '09:15'), 'sim'],
    ]);
    const nifty = rows[1];
    expect(Number.isInteger(nifty.closePaise)).toBe(true);
    expect(nifty.closePaise).toBeGreaterThan(1_000_000); // NIFTY above 10,000 points
  });

  it('stores the NIFTY chain with IV and greeks on every priced side, and announces it', async () => {
    const out = await chains.run();
    expect(out.failed).toEqual([]);
    // The Tuesday expiry (31st, a holiday) moved to Monday the 30th: weekly and monthly coincide.
    expect(out.chains.map((c) => c.expiry)).toEqual(['2026-03-30']);
    const rows = await s.dataSource.getRepository(OptionChainRow).find({ where: { expiryDate: out.chains[0].expiry } });
    expect(rows.length).toBe(out.chains[0].rows);
    expect(rows.length).toBeGreaterThan(100);
    const atm = rows.filter((r) => r.iv !== null && r.delta !== null && r.gamma !== null && r.theta !== null && r.vega !== null);
    expect(atm.length).toBeGreaterThan(rows.length / 2);
    for (const r of atm.slice(0, 50)) {
      expect(r.iv).toBeGreaterThan(0.01);
      expect(r.iv).toBeLessThan(2);
      if (r.optionType === 'CE') expect(r.delta).toBeGreaterThan(0);
      else expect(r.delta).toBeLessThan(0);
    }
    expect(rows.every((r) => r.ltpPaise === null || Number.isInteger(r.ltpPaise))).toBe(true);
    expect(rows.some((r) => r.openInterest > 0)).toBe(true);
    const chainEvents = published.filter((m) => m.event === 'market.chain');
    expect(chainEvents.map((m) => (m.event === 'market.chain' ? m.data.expiry : ''))).toEqual(out.chains.map((c) => c.expiry));
    expect(chainEvents[0].data).toEqual(expect.objectContaining({ underlying: 'NIFTY', pcr: expect.any(Number), maxPain: expect.any(Number) }));
  });

  it('still writes one second before the close, and nothing at 15:30', async () => {
    const before = await count();
    s.setIst('2026-03-30', '15:29:59');
    expect((await quotes.run()).written).toBe(2);
    expect((await chains.run()).chains.length).toBeGreaterThanOrEqual(1);
    const inSession = await count();
    expect(inSession.bars).toBe(before.bars + 2);
    expect(inSession.chainRows).toBeGreaterThan(before.chainRows);
    s.setIst('2026-03-30', '15:30:00');
    expect((await quotes.run()).skipped).toBe('MARKET_CLOSED');
    expect((await chains.run()).skipped).toBe('MARKET_CLOSED');
    expect(await count()).toEqual(inSession);
  });

  it('writes nothing on an exchange holiday in session hours', async () => {
    const before = await count();
    s.setIst('2026-03-31', '11:00:00');
    expect((await quotes.run()).skipped).toBe('MARKET_CLOSED');
    expect((await chains.run()).skipped).toBe('MARKET_CLOSED');
    expect(await count()).toEqual(before);
  });

  it('stores the nearest weekly and the monthly chain when they differ', async () => {
    s.setIst('2026-04-01', '10:00:00');
    const out = await chains.run();
    expect(out.chains.map((c) => c.expiry)).toEqual(['2026-04-07', '2026-04-28']);
    for (const c of out.chains) expect(await s.dataSource.getRepository(OptionChainRow).count({ where: { expiryDate: c.expiry } })).toBe(c.rows);
  });

  it('runs the snapshot services as the handlers of the market-data jobs, idempotently per slot', async () => {
    const registry = s.app.get(JobHandlersRegistry);
    expect(registry.ownerOf('market-data.snapshot')).toBe('DataModule (MarketJobHandlers.snapshotQuotes)');
    expect(registry.ownerOf('market-data.option-chain')).toBe('DataModule (MarketJobHandlers.snapshotChains)');
    s.setIst('2026-04-01', '11:00:00');
    const before = await count();
    const slot = { slot: '2026-04-01T11:00:00' };
    const ctx = { name: 'market-data.snapshot' as const, jobId: 'market-data.snapshot@2026-04-01T11.00.00', attempt: 1 };
    await registry.handlerFor('market-data.snapshot')(slot, ctx);
    await registry.handlerFor('market-data.snapshot')(slot, { ...ctx, attempt: 2 }); // a redelivery
    expect((await count()).bars).toBe(before.bars + 2);
  });
});
