import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import type { MasterDisagreement } from '@mcube/brokers-kotak-neo';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../../config/app-config';
import { HandlesJob } from '../../../jobs/handles-job.decorator';
import { accountsWhere, type AccountFacts } from '../../accounts/account-reads';
import { AlertsService } from '../../alerts/alerts.service';
import { InstrumentStore } from '../../data/instruments/instrument-store.service';
import { EXECUTION_CLIENTS, ExecutionClientRegistry } from '../execution-clients.token';
import { ReconciliationService } from '../reconciliation.service';
import { isLiveClient } from './broker-connections.service';
import { missingCredentialFields } from './kotak-credentials.reader';
import { KotakLiveBrokers } from './kotak-live-brokers.service';
import { IciciJobs } from './icici/icici-jobs';

/** How a disagreement between the master and the dated tables reads in a WARNING. */
export function describeDisagreement(d: MasterDisagreement): string {
  switch (d.kind) {
    case 'LOT_SIZE':
      return `${d.underlying} ${d.expiry}: lot size ${d.masterLotSize} in Kotak's master, ${d.tableLotSize} in mCube's dated table (the master is used)`;
    case 'FREEZE_QUANTITY':
      return `${d.underlying}: freeze quantity ${d.masterFreezeQuantity} in Kotak's master, ${d.tableFreezeQuantity} in mCube's dated table (the master is used)`;
    case 'EXPIRY_NOT_IN_CALENDAR':
      return `${d.underlying}: Kotak lists expiry ${d.expiry}, which mCube's calendar rules do not give (the master is used)`;
    case 'CALENDAR_EXPIRY_NOT_LISTED':
      return `${d.underlying}: mCube's calendar expects expiry ${d.expiry}, which Kotak's master does not list`;
  }
}

/**
 * The live brokers' jobs (issue 14 §3), run by the process that owns broker sessions (the job
 * worker). Outside MCUBE_LIVE_TRADING=true they do nothing: paper trading never calls Kotak.
 * - `brokers.login` (08:30 IST): a fresh login of every active Kotak account with complete
 *   credentials; a refusal raises CRITICAL before the open. Not retried by the job (repeated bad
 *   MPINs can lock the account): the next run, or an invalid-session re-login, tries again.
 * - `instruments.refresh` (08:45): today's scrip master, stored and made the authority, then
 *   compared with the dated tables (WARNING with both values per disagreement); a failed
 *   download keeps the previous master and raises WARNING (CRITICAL when there is none).
 * - `brokers.reconcile` (every 5 minutes in session): every LIVE account's journal against the
 *   broker's orders, trades and positions (`ReconciliationService`: a mismatch keeps entries
 *   out and lets confirmed positions be reduced, with a CRITICAL listing the differences).
 */
@Injectable()
export class BrokerJobHandlers {
  private readonly logger = new Logger('BrokerJobs');

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(EXECUTION_CLIENTS) private readonly clients: ExecutionClientRegistry,
    private readonly live: KotakLiveBrokers,
    private readonly instruments: InstrumentStore,
    private readonly reconciliation: ReconciliationService,
    private readonly alerts: AlertsService,
    @Optional() private readonly icici?: IciciJobs,
  ) {}

  /** The `instruments.refresh` job: Kotak's master, then ICICI's (when there is ICICI). */
  @HandlesJob('instruments.refresh')
  async refreshAllInstruments(): Promise<void> {
    await this.refreshInstruments();
    await this.icici?.refreshMaster();
  }

  /** Logs every usable Kotak account in (the `brokers.login` job); returns the ids that failed. */
  @HandlesJob('brokers.login')
  async loginAll(): Promise<number[]> {
    if (!this.config.liveTrading) return [];
    const failed: number[] = [];
    for (const account of await this.kotakAccounts()) {
      // Another process holds this account's session (one login per account and day).
      if (!(await this.live.ownsSession(account.id))) continue;
      try {
        await this.live.login(account.id);
        this.logger.log(`Kotak account ${account.id} logged in`);
      } catch (error) {
        failed.push(account.id);
        await this.alerts.raise({
          accountId: account.id,
          severity: 'CRITICAL',
          category: 'ORDERS',
          title: `Kotak login failed for account ${account.id} (${account.name})`,
          message: `${(error as Error).message}. Live orders of this account cannot go out until a login succeeds (the brokers.login job, or \`npm run broker:check -- --account ${account.id}\` to diagnose).`,
          occurredAtMs: this.live.wallNowMs(),
        });
      }
    }
    return failed;
  }

  /** Loads today's master through the first usable Kotak account; false when it failed (the previous master stays). */
  async refreshInstruments(): Promise<boolean> {
    if (!this.config.liveTrading) return false;
    const [account] = await this.kotakAccounts();
    const today = this.live.today();
    const at = this.live.wallNowMs();
    if (!account) {
      this.logger.warn('no active Kotak account with complete credentials: the scrip master is not loaded');
      return false;
    }
    try {
      const outcome = await this.live.refreshMaster(account.id, today);
      this.logger.log(`Kotak scrip master of ${outcome.date}: ${outcome.contracts} contracts stored`);
      const lines = outcome.comparison.disagreements.map(describeDisagreement);
      if (lines.length > 0) {
        await this.alerts.raise({
          accountId: null,
          severity: 'WARNING',
          category: 'SYSTEM',
          title: `Kotak's scrip master of ${outcome.date} disagrees with mCube's dated tables (${lines.length})`,
          message: lines.join('\n').slice(0, 4000),
          context: { disagreements: outcome.comparison.disagreements as unknown as Record<string, unknown>[] },
          dedupKey: `instruments.master-disagreement@${outcome.date}`,
          occurredAtMs: at,
        });
      }
      return true;
    } catch (error) {
      const previous = this.instruments.latest('KOTAK');
      await this.alerts.raise({
        accountId: null,
        severity: previous ? 'WARNING' : 'CRITICAL',
        category: 'SYSTEM',
        title: `Kotak's scrip master of ${today} could not be loaded`,
        message: `${(error as Error).message}. ${previous ? `The master of ${previous.date} stays in use.` : 'No master is stored: live Kotak orders are refused (NOT_IN_MASTER).'}`,
        dedupKey: `instruments.master-failed@${today}`,
        occurredAtMs: at,
      });
      return false;
    }
  }

  /** Reconciles every account whose registered client is a live adapter (the `brokers.reconcile` job). */
  @HandlesJob('brokers.reconcile')
  async reconcileLive(): Promise<void> {
    for (const [accountId, client] of this.clients.entries()) {
      if (!isLiveClient(client) || !(await this.live.ownsSession(accountId))) continue;
      try {
        await this.reconciliation.reconcile(accountId);
      } catch (error) {
        this.logger.warn(`reconciliation of live account ${accountId} could not read the broker (its gate is unchanged): ${(error as Error).message}`);
      }
    }
  }

  private async kotakAccounts(): Promise<AccountFacts[]> {
    const accounts = await accountsWhere(this.dataSource, { broker: 'KOTAK', isActive: true });
    const usable: AccountFacts[] = [];
    for (const a of accounts) if ((await missingCredentialFields(this.dataSource, a.id, 'KOTAK')).length === 0) usable.push(a);
    return usable;
  }
}
