import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../../../config/app-config';
import { HandlesJob } from '../../../../jobs/handles-job.decorator';
import { accountsWhere, type AccountFacts } from '../../../accounts/account-reads';
import { AlertsService } from '../../../alerts/alerts.service';
import { InstrumentStore } from '../../../data/instruments/instrument-store.service';
import { missingCredentialFields } from '../kotak-credentials.reader';
import { IciciLiveBrokers } from './icici-live-brokers.service';
import { IciciSessionService } from './icici-session.service';

/**
 * The ICICI parts of the broker jobs: the security master in `instruments.refresh` (run by
 * `BrokerJobHandlers`), and the session-key checks at 08:45 (WARNING) and 09:10 (CRITICAL),
 * handled here, so they are registered wherever this provider exists.
 * Outside MCUBE_LIVE_TRADING=true they do nothing: paper trading never calls ICICI.
 */
@Injectable()
export class IciciJobs {
  private readonly logger = new Logger('IciciJobs');

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly live: IciciLiveBrokers,
    private readonly instruments: InstrumentStore,
    private readonly alerts: AlertsService,
    readonly sessions: IciciSessionService,
  ) {}

  /**
   * Loads today's security master through the first active ICICI account with complete
   * credentials (the download needs no session): stored as the ICICI master, put in service,
   * unknown short names reported (WARNING). A failure keeps the previous master (WARNING, or
   * CRITICAL when there is none). False when nothing was loaded.
   */
  async refreshMaster(): Promise<boolean> {
    if (!this.config.liveTrading) return false;
    const [account] = await this.usableAccounts();
    if (!account) return false;
    const today = this.live.today();
    const at = this.live.wallNowMs();
    try {
      const outcome = await this.live.refreshMaster(account.id, today);
      this.logger.log(`ICICI security master of ${today}: ${outcome.contracts} F&O contracts stored, ${outcome.unknown.length} unknown short names`);
      if (outcome.unknown.length > 0) {
        const lines = outcome.unknown.slice(0, 50).map((u) => `${u.file}:${u.line} ${u.shortName} (${u.exchangeCode || 'no NSE code'}): ${u.reason}`);
        await this.alerts.raise({
          accountId: null,
          severity: 'WARNING',
          category: 'SYSTEM',
          title: `ICICI's security master of ${today} has ${outcome.unknown.length} rows with an unknown short name (left out)`,
          message: `${lines.join('\n')}${outcome.unknown.length > 50 ? `\n… and ${outcome.unknown.length - 50} more` : ''}\nThese contracts cannot be traded or quoted until the short-name table is extended.`.slice(0, 4000),
          dedupKey: `instruments.icici-unknown@${today}`,
          occurredAtMs: at,
        });
      }
      return true;
    } catch (error) {
      const previous = this.instruments.latest('ICICI');
      await this.alerts.raise({
        accountId: null,
        severity: previous ? 'WARNING' : 'CRITICAL',
        category: 'SYSTEM',
        title: `ICICI's security master of ${today} could not be loaded`,
        message: `${(error as Error).message}. ${previous ? `The master of ${previous.date} stays in use.` : 'No ICICI master is stored: live ICICI orders are refused.'}`,
        dedupKey: `instruments.icici-master-failed@${today}`,
        occurredAtMs: at,
      });
      return false;
    }
  }

  /** The `brokers.icici-session-warning` job (08:45). */
  @HandlesJob('brokers.icici-session-warning')
  async warnMissingSessions(): Promise<void> {
    await this.sessions.checkMissing('WARNING');
  }

  /** The `brokers.icici-session-critical` job (09:10). */
  @HandlesJob('brokers.icici-session-critical')
  async escalateMissingSessions(): Promise<void> {
    await this.sessions.checkMissing('CRITICAL');
  }

  private async usableAccounts(): Promise<AccountFacts[]> {
    const accounts = await accountsWhere(this.dataSource, { broker: 'ICICI', isActive: true });
    const usable: AccountFacts[] = [];
    for (const a of accounts) if ((await missingCredentialFields(this.dataSource, a.id, 'ICICI')).length === 0) usable.push(a);
    return usable;
  }
}
