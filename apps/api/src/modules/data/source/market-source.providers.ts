import { Logger, type Provider } from '@nestjs/common';
import { calendarExpirySource, istDateTimeOf, type Clock, type ExpirySource, type NseCalendar } from '@mcube/domain';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../../config/app-config';
import { CalendarStore } from '../calendar/calendar-store.service';
import { InstrumentStore } from '../instruments/instrument-store.service';
import { MarketClockStore } from './market-clock.store';
import { createMarketSource, type MarketSource } from './market-source.factory';
import { EXPIRY_SOURCE, MARKET_DATA, MARKET_SOURCE, MARKET_SOURCE_KIND, NSE_CALENDAR } from './market-data.tokens';
import { MARKET_CLOCK, WALL_CLOCK } from '../../core/clock/clock.token';

/**
 * The market-data providers: the one NSE calendar of the process (the stored calendar, loaded
 * before anything uses it), the expiry source of new entries (the calendar's dated rules until
 * a broker's instrument master is loaded), the configured source (built once from
 * `AppConfig.marketData`, `WALL_CLOCK` and the stored market clock), and its port,
 * clock and kind as separate tokens so consumers (and tests) depend on what they use.
 */
export const marketSourceProviders: Provider[] = [
  {
    provide: NSE_CALENDAR,
    inject: [CalendarStore],
    useFactory: async (store: CalendarStore): Promise<NseCalendar> => {
      await store.reload();
      return store.calendar;
    },
  },
  // A stored broker master answers for the underlyings it lists (InstrumentStore); the calendar's rules otherwise.
  {
    provide: EXPIRY_SOURCE,
    inject: [NSE_CALENDAR, InstrumentStore],
    useFactory: (calendar: NseCalendar, instruments: InstrumentStore): ExpirySource => instruments.expirySource(calendarExpirySource(calendar)),
  },
  {
    provide: MARKET_SOURCE,
    inject: [APP_CONFIG, WALL_CLOCK, NSE_CALENDAR, DataSource],
    useFactory: async (config: AppConfig, clock: Clock, calendar: NseCalendar, dataSource: DataSource): Promise<MarketSource> => {
      const stored = config.marketData.source === 'sim' ? await new MarketClockStore(dataSource).load('sim') : null;
      const source = createMarketSource(config.marketData, clock, calendar, stored);
      const logger = new Logger('MarketClock');
      if (source.plan?.note) logger.warn(source.plan.note);
      const at = istDateTimeOf(source.clock.nowMs());
      logger.log(`${source.kind} market from ${source.startDate}${source.plan?.resumed ? ' (resumed from the stored clock)' : ''}: now ${at.date} ${at.time} IST`);
      return source;
    },
  },
  { provide: MARKET_DATA, inject: [MARKET_SOURCE], useFactory: (s: MarketSource) => s.port },
  { provide: MARKET_CLOCK, inject: [MARKET_SOURCE], useFactory: (s: MarketSource) => s.clock },
  { provide: MARKET_SOURCE_KIND, inject: [MARKET_SOURCE], useFactory: (s: MarketSource) => s.kind },
];
