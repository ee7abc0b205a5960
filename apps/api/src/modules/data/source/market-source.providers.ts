import type { Provider } from '@nestjs/common';
import { createDefaultNseCalendar, type Clock, type NseCalendar } from '@mcube/domain';
import { APP_CONFIG, type AppConfig } from '../../../config/app-config';
import { CLOCK } from '../../core/clock/clock.token';
import { createMarketSource, type MarketSource } from './market-source.factory';
import { MARKET_CLOCK, MARKET_DATA, MARKET_SOURCE, MARKET_SOURCE_KIND, NSE_CALENDAR } from './market-data.tokens';

/**
 * The market-data providers: the NSE calendar, the configured source (built once from
 * `AppConfig.marketData` and the process `CLOCK`), and its port, clock and kind as separate
 * tokens so consumers (and tests) depend on what they use.
 */
export const marketSourceProviders: Provider[] = [
  { provide: NSE_CALENDAR, useFactory: (): NseCalendar => createDefaultNseCalendar() },
  {
    provide: MARKET_SOURCE,
    inject: [APP_CONFIG, CLOCK, NSE_CALENDAR],
    useFactory: (config: AppConfig, clock: Clock, calendar: NseCalendar): MarketSource => createMarketSource(config.marketData, clock, calendar),
  },
  { provide: MARKET_DATA, inject: [MARKET_SOURCE], useFactory: (s: MarketSource) => s.port },
  { provide: MARKET_CLOCK, inject: [MARKET_SOURCE], useFactory: (s: MarketSource) => s.clock },
  { provide: MARKET_SOURCE_KIND, inject: [MARKET_SOURCE], useFactory: (s: MarketSource) => s.kind },
];
