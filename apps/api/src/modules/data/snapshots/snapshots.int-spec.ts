import { createDefaultNseCalendar, epochMsOfIst, FixedClock } from '@mcube/domain';
import { MarketSimulator } from '@mcube/market-sim';
import type { DataSource } from 'typeorm';
import { createTestDatabase, TEST_DIALECTS, TestDatabase } from '../../../../test/db/test-database';
import { MarketData } from '../entities/market-data.entity';
import { OptionChainRow } from '../entities/option-chain.entity';
import { ChainSnapshotService } from './chain-snapshot.service';
import { AppEventsBus } from '../../core/events/app-events.bus';
import { QuoteSnapshotService } from './quote-snapshot.service';

describe.each(TEST_DIALECTS)('snapshot jobs on %s', (dialect) => {
  let db: TestDatabase;
  let ds: DataSource;
  const calendar = createDefaultNseCalendar();
  const clock = new FixedClock(epochMsOfIst('2026-04-01', '10:00'));

  beforeAll(async () => {
    db = await createTestDatabase(dialect);
    ds = await db.openMigrated();
  });
  afterAll(() => db.dispose());

  it('stores quotes and both chains with exact paise and greeks, and replaces a re-run of the same instant', async () => {
    const sim = new MarketSimulator({ seed: 3, startDate: '2026-04-01', calendar }, clock);
    const quotes = new QuoteSnapshotService(sim, clock, calendar, 'sim', ds);
    const chains = new ChainSnapshotService(sim, clock, calendar, 'sim', ds, new AppEventsBus());
    expect((await quotes.run()).written).toBe(2);
    expect((await quotes.run()).written).toBe(2);
    expect(await ds.getRepository(MarketData).count()).toBe(2);
    const first = await chains.run();
    expect(first.failed).toEqual([]);
    expect(first.chains.map((c) => c.expiry)).toEqual(['2026-04-07', '2026-04-28']);
    const total = first.chains.reduce((s, c) => s + c.rows, 0);
    await chains.run();
    expect(await ds.getRepository(OptionChainRow).count()).toBe(total);
    const nifty = await ds.getRepository(MarketData).findOneByOrFail({ symbol: 'NIFTY 50' });
    const q = await sim.quote('NIFTY 50');
    expect(nifty.closePaise).toBe(Math.round(q.lastPrice * 100));
    const row = await ds.getRepository(OptionChainRow).findOneOrFail({ where: { expiryDate: '2026-04-28', optionType: 'PE' }, order: { openInterest: 'DESC' } });
    expect(typeof row.openInterest).toBe('number');
    expect(row.openInterest).toBeGreaterThan(0);
    expect(row.iv).toBeGreaterThan(0);
    expect(row.delta).toBeLessThan(0);
    expect(row.source).toBe('sim:model');
  });
});
