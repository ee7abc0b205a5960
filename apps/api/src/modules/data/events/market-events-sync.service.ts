import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { addDays, istDateTimeOf, type Clock, type MarketDataPort } from '@mcube/domain';
import { DataSource, MoreThan } from 'typeorm';
import { inTransaction } from '../../../database/in-transaction';
import { EconomicEvent } from '../entities/economic-event.entity';
import { MARKET_DATA, MARKET_SOURCE_KIND } from '../source/market-data.tokens';
import { MARKET_CLOCK } from '../../core/clock/clock.token';

/** How far ahead the market source's calendar is copied into the stored, editable one. */
export const EVENT_SYNC_HORIZON_DAYS = 45;

/** What one sync did. */
export interface EventsSyncOutcome {
  imported: number;
  through: string;
}

/**
 * Copies the market source's economic events (the simulator's seeded RBI, budget, CPI and Fed
 * dates, or the replay's) into the stored calendar, so there is one calendar that people edit
 * and that the entry filters read. Only dates after the latest event already copied from this
 * source are imported, so an event a person edited or deleted is not brought back (except the
 * very latest one, which a later sync may re-add). Rows carry `source = 'market:<kind>'`.
 */
@Injectable()
export class MarketEventsSyncService {
  private readonly logger = new Logger(MarketEventsSyncService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(MARKET_DATA) private readonly market: MarketDataPort,
    @Inject(MARKET_CLOCK) private readonly clock: Clock,
    @Inject(MARKET_SOURCE_KIND) private readonly sourceKind: string,
  ) {}

  /** Imports the source's events from after the last copied date up to the horizon. Idempotent. */
  async run(): Promise<EventsSyncOutcome> {
    const today = istDateTimeOf(this.clock.nowMs()).date;
    const through = addDays(today, EVENT_SYNC_HORIZON_DAYS);
    const source = `market:${this.sourceKind}`;
    const repo = this.dataSource.getRepository(EconomicEvent);
    const latest = await repo.findOne({ where: { source }, order: { eventDate: 'DESC' } });
    const from = latest && latest.eventDate >= today ? addDays(latest.eventDate, 1) : today;
    if (from > through) return { imported: 0, through };
    const events = await this.market.economicEvents({ from, to: through });
    const imported = await inTransaction(this.dataSource, async (m) => {
      let count = 0;
      for (const e of events) {
        const exists = await m.findOne(EconomicEvent, { where: { eventDate: e.date, title: e.title } });
        if (exists) continue; // a person already entered it
        await m.save(
          EconomicEvent,
          m.create(EconomicEvent, {
            title: e.title,
            importance: e.impact,
            eventDate: e.date,
            eventTime: e.time ?? null,
            country: e.country,
            category: e.kind,
            description: null,
            source,
          }),
        );
        count++;
      }
      return count;
    });
    if (imported > 0) this.logger.log(`imported ${imported} economic events from ${source} (${from}..${through})`);
    return { imported, through };
  }

  /** Dates after `date` already copied from the current source (for tests and the console). */
  async copiedAfter(date: string): Promise<number> {
    return this.dataSource.getRepository(EconomicEvent).count({ where: { source: `market:${this.sourceKind}`, eventDate: MoreThan(date) } });
  }
}
