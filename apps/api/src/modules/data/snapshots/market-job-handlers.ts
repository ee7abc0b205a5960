import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../../config/app-config';
import { HandlesJob } from '../../../jobs/handles-job.decorator';
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
export class MarketJobHandlers implements OnApplicationBootstrap {
  private readonly logger = new Logger(MarketJobHandlers.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly quotes: QuoteSnapshotService,
    private readonly chains: ChainSnapshotService,
    private readonly events: MarketEventsSyncService,
  ) {}

  /** The `market-data.snapshot` job. */
  @HandlesJob('market-data.snapshot')
  async snapshotQuotes(): Promise<void> {
    await this.quotes.run();
  }

  /** The `market-data.option-chain` job: the chains, then the events calendar. */
  @HandlesJob('market-data.option-chain')
  async snapshotChains(): Promise<void> {
    await this.chains.run();
    await this.events.run();
  }

  /** A failed sync must not stop the API: it is logged and retried by the next chain job. */
  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.marketData.jobs) return;
    await this.events.run().catch((err: unknown) => this.logger.warn(`economic events sync failed: ${err instanceof Error ? err.message : String(err)}`));
  }
}
