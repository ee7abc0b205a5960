import { addDays, type MarketDataPort } from '@mcube/domain';
import { EconomicEvent } from '../../src/modules/data/entities/economic-event.entity';
import { EVENT_SYNC_HORIZON_DAYS, MarketEventsSyncService } from '../../src/modules/data/events/market-events-sync.service';
import { MARKET_DATA } from '../../src/modules/data/source/market-data.tokens';
import { startDataApp, type DataApp } from './data-app';

// One stored, editable events calendar: the market source's events are copied into it.
describe('economic events from the market source', () => {
  let s: DataApp;
  let sync: MarketEventsSyncService;
  const repo = () => s.dataSource.getRepository(EconomicEvent);
  const today = '2026-03-02';

  beforeAll(async () => {
    s = await startDataApp({ date: today, time: '08:00' });
    sync = s.app.get(MarketEventsSyncService);
  });
  afterAll(async () => {
    await s?.close();
  });

  it('copies every source event up to the horizon, marked with its source', async () => {
    expect(await repo().count()).toBe(0); // the boot sync is off under NODE_ENV=test
    expect((await sync.run()).imported).toBeGreaterThan(0);
    const source = await s.app.get<MarketDataPort>(MARKET_DATA).economicEvents({ from: today, to: addDays(today, EVENT_SYNC_HORIZON_DAYS) });
    expect(source.length).toBeGreaterThan(0);
    const stored = await repo().find({ where: { source: 'market:sim' }, order: { eventDate: 'ASC', title: 'ASC' } });
    const byDateTitle = (a: { date: string; title: string }, b: { date: string; title: string }) => a.date.localeCompare(b.date) || a.title.localeCompare(b.title);
    expect(stored.map((e) => [e.eventDate, e.title, e.importance])).toEqual([...source].sort(byDateTitle).map((e) => [e.date, e.title, e.impact]));
  });

  it('imports nothing twice, and does not bring back an event a person deleted', async () => {
    const before = await repo().count();
    expect((await sync.run()).imported).toBe(0);
    const first = await repo().findOneOrFail({ where: { source: 'market:sim' }, order: { eventDate: 'ASC' } });
    await repo().delete({ id: first.id });
    expect((await sync.run()).imported).toBe(0);
    expect(await repo().count()).toBe(before - 1);
  });

  it('extends the calendar as the market clock moves on', async () => {
    const through = (await sync.run()).through;
    s.setIst(addDays(today, 30), '08:00');
    const later = await sync.run();
    expect(later.through > through).toBe(true);
    const source = await s.app.get<MarketDataPort>(MARKET_DATA).economicEvents({ from: addDays(through, 1), to: later.through });
    expect(later.imported).toBe(source.length);
  });
});

describe('economic events at boot', () => {
  it('fills the stored calendar at boot when the market jobs are on', async () => {
    const s = await startDataApp({ date: '2026-03-02', time: '08:00' }, { MCUBE_MARKET_JOBS: 'true' });
    try {
      expect(await s.dataSource.getRepository(EconomicEvent).count({ where: { source: 'market:sim' } })).toBeGreaterThan(0);
    } finally {
      await s.close();
    }
  });
});
