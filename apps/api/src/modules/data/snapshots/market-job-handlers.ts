import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../../config/app-config';
import { JobHandlersRegistry } from '../../../jobs/job-handlers.registry';
import { MarketEventsSyncService } from '../events/market-events-sync.service';
import { ChainSnapshotService } from './chain-snapshot.service';
import { QuoteSnapshotService } from './quote-snapshot.service';

/**
 * The market-data jobs of the job registry: the schedule (every minute / every five minutes,
 * in session on trading days) enqueues them, and these handlers run the snapshot services.
 * Both are idempotent per slot: a redelivery replaces the same minute's bars and chain rows.
 * The chain job also keeps the stored events calendar filled from the market source (cheap
 * when there is nothing new); the boot does it once too when the market jobs are on
 * (`MCUBE_MARKET_JOBS`, off under NODE_ENV=test, where tests call the sync themselves).
 */
@Injectable()
export class MarketJobHandlers implements OnModuleInit, OnApplicationBootstrap {
  private readonly logger = new Logger(MarketJobHandlers.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly handlers: JobHandlersRegistry,
    private readonly quotes: QuoteSnapshotService,
    private readonly chains: ChainSnapshotService,
    private readonly events: MarketEventsSyncService,
  ) {}

  onModuleInit(): void {
    this.handlers.register('market-data.snapshot', async () => void (await this.quotes.run()), 'DataModule');
    this.handlers.register('market-data.option-chain', async () => {
      await this.chains.run();
      await this.events.run();
    }, 'DataModule');
  }

  /** A failed sync must not stop the API: it is logged and retried by the next chain job. */
  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.marketData.jobs) return;
    await this.events.run().catch((err: unknown) => this.logger.warn(`economic events sync failed: ${err instanceof Error ? err.message : String(err)}`));
  }
}
