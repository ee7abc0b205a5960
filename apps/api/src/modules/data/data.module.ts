import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ClockModule } from '../core/clock/clock.module';
import { CoreModule } from '../core/core.module';
import { CalendarController } from './calendar/calendar.controller';
import { CalendarEditService } from './calendar/calendar-edit.service';
import { CalendarStore } from './calendar/calendar-store.service';
import { CalendarOverride } from './entities/calendar-override.entity';
import { CalendarYear } from './entities/calendar-year.entity';
import { EconomicEvent } from './entities/economic-event.entity';
import { InstrumentContract } from './entities/instrument-contract.entity';
import { MarketClockState } from './entities/market-clock-state.entity';
import { MarketData } from './entities/market-data.entity';
import { OptionChainRow } from './entities/option-chain.entity';
import { EconomicEventsController } from './events/economic-events.controller';
import { EconomicEventsService } from './events/economic-events.service';
import { MarketEventsSyncService } from './events/market-events-sync.service';
import { HistoryImportController } from './import/history-import.controller';
import { InstrumentStore } from './instruments/instrument-store.service';
import { MarketController } from './market/market.controller';
import { MarketClockService } from './market/market-clock.service';
import { MarketService } from './market/market.service';
import { ChainSummaryService } from './market/chain-summary.service';
import { ChainSnapshotService } from './snapshots/chain-snapshot.service';
import { ContractQuotes } from './market/contract-quotes';
import { EventsModule } from '../core/events/events.module';
import { MarketJobHandlers } from './snapshots/market-job-handlers';
import { QuoteSnapshotService } from './snapshots/quote-snapshot.service';
import { MarketClockSaver } from './source/market-clock-saver.service';
import { EXPIRY_SOURCE, MARKET_DATA, NSE_CALENDAR } from './source/market-data.tokens';
import { marketSourceProviders } from './source/market-source.providers';
import { MarketGateway } from './ws/market.gateway';
import { TickPublisher } from './ws/tick-publisher.service';
import { MARKET_CLOCK } from '../core/clock/clock.token';

/**
 * The data domain: the NSE calendar (the shipped table plus stored holidays, sessions and
 * confirmed years, one instance behind `NSE_CALENDAR`, edited through `/api/calendar`), the
 * configured market source (simulator or replay) behind `MARKET_DATA` with the simulator's
 * clock saved so a restart resumes it, snapshot jobs (quotes each minute, NIFTY chains each five minutes, in session only), market
 * and events REST, CSV history import, and the `/ws` live socket. The snapshot jobs run on the
 * job system (`apps/api/src/jobs`): this module registers their handlers.
 */
@Module({
  imports: [TypeOrmModule.forFeature([MarketData, OptionChainRow, EconomicEvent, CalendarOverride, CalendarYear, MarketClockState, InstrumentContract]), ClockModule, EventsModule, CoreModule],
  controllers: [MarketController, EconomicEventsController, HistoryImportController, CalendarController],
  providers: [
    CalendarStore,
    CalendarEditService,
    InstrumentStore,
    ...marketSourceProviders,
    MarketClockSaver,
    ContractQuotes,
    MarketService,
    ChainSummaryService,
    MarketClockService,
    EconomicEventsService,
    MarketEventsSyncService,
    QuoteSnapshotService,
    ChainSnapshotService,
    MarketJobHandlers,
    MarketGateway,
    TickPublisher,
  ],
  exports: [MARKET_DATA, ContractQuotes, MARKET_CLOCK, NSE_CALENDAR, EXPIRY_SOURCE, CalendarStore, EconomicEventsService, InstrumentStore],
})
export class DataModule {}
