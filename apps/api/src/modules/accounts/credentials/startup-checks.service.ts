import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AppConfig, APP_CONFIG } from '../../../config/app-config';
import { BrokerAccount } from '../entities/broker-account.entity';
import { CredentialsService } from './credentials.service';

/** Raised at boot when the stored state contradicts the configuration; the API does not start. */
export class StartupCheckError extends Error {
  constructor(readonly problems: string[]) {
    super(`Refusing to start:\n  - ${problems.join('\n  - ')}`);
    this.name = 'StartupCheckError';
  }
}

/**
 * Boot-time checks against the database: stored credentials must be readable with the
 * configured keys, and live trading (MCUBE_LIVE_TRADING=true) needs complete credentials on
 * every active account stored LIVE (the per-account mode; PAPER accounts trade on paper
 * whatever the environment says). Paper trading (the default) only needs the first.
 */
@Injectable()
export class StartupChecksService implements OnApplicationBootstrap {
  private readonly logger = new Logger('StartupChecks');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectRepository(BrokerAccount) private readonly accounts: Repository<BrokerAccount>,
    private readonly credentials: CredentialsService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const problems = await this.problems();
    if (problems.length > 0) throw new StartupCheckError(problems);
    this.logger.log(this.config.liveTrading ? 'LIVE trading enabled: orders go to the brokers' : 'Paper trading (MCUBE_LIVE_TRADING is not true)');
  }

  /** Every reason the API must not start, in words an operator can act on. */
  async problems(): Promise<string[]> {
    const problems = (await this.credentials.unreadableKeyIds()).map(
      (id) => `stored broker credentials were sealed with key ${id}, which neither MCUBE_CREDENTIALS_KEY nor MCUBE_CREDENTIALS_KEY_PREVIOUS is`,
    );
    if (!this.config.liveTrading) return problems;
    for (const account of await this.accounts.find({ where: { isActive: true, isPaperTrading: false }, order: { id: 'ASC' } })) {
      if (!(await this.credentials.isComplete(account))) {
        problems.push(
          `MCUBE_LIVE_TRADING=true but active LIVE account ${account.id} (${account.broker} ${account.name}) has no complete broker credentials: store them with PUT /api/accounts/${account.id}/credentials, switch it to PAPER, or deactivate it`,
        );
      }
    }
    return problems;
  }
}
