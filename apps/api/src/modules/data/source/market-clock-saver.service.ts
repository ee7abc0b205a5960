import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { MarketClockStore } from './market-clock.store';
import { MARKET_SOURCE } from './market-data.tokens';
import type { MarketSource } from './market-source.factory';

/** How often the simulated market's clock is saved (wall time). */
export const MARKET_CLOCK_SAVE_MS = 10_000;

/**
 * Saves the simulated market's clock every `MARKET_CLOCK_SAVE_MS` and at shutdown, so the next
 * boot resumes from there (`planSimStart`). The replay is not saved: it restarts at its
 * configured date. A failed save is logged; the next one retries.
 */
@Injectable()
export class MarketClockSaver implements OnModuleInit, BeforeApplicationShutdown, OnModuleDestroy {
  private readonly logger = new Logger('MarketClock');
  private readonly store: MarketClockStore;
  private timer?: NodeJS.Timeout;

  constructor(
    dataSource: DataSource,
    @Inject(MARKET_SOURCE) private readonly source: MarketSource,
  ) {
    this.store = new MarketClockStore(dataSource);
  }

  onModuleInit(): void {
    if (this.source.kind !== 'sim') return;
    this.timer = setInterval(() => void this.save(), MARKET_CLOCK_SAVE_MS);
    this.timer.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stop();
    await this.save();
  }

  onModuleDestroy(): void {
    this.stop();
  }

  /** Saves the market's now (sim only). */
  async save(): Promise<void> {
    if (this.source.kind !== 'sim') return;
    try {
      await this.store.save('sim', this.source.clock.nowMs(), this.source.startDate);
    } catch (err) {
      this.logger.warn(`market clock not saved: ${(err as Error).message}`);
    }
  }

  private stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }
}
