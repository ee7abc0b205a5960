import { Injectable, OnModuleInit } from '@nestjs/common';
import { JobHandlersRegistry } from '../../../jobs/job-handlers.registry';
import { ChainSnapshotService } from './chain-snapshot.service';
import { QuoteSnapshotService } from './quote-snapshot.service';

/**
 * The market-data jobs of the job registry: the schedule (every minute / every five minutes,
 * in session on trading days) enqueues them, and these handlers run the snapshot services.
 * Both are idempotent per slot: a redelivery replaces the same minute's bars and chain rows.
 */
@Injectable()
export class MarketJobHandlers implements OnModuleInit {
  constructor(
    private readonly handlers: JobHandlersRegistry,
    private readonly quotes: QuoteSnapshotService,
    private readonly chains: ChainSnapshotService,
  ) {}

  onModuleInit(): void {
    this.handlers.register('market-data.snapshot', async () => void (await this.quotes.run()), 'DataModule');
    this.handlers.register('market-data.option-chain', async () => void (await this.chains.run()), 'DataModule');
  }
}
