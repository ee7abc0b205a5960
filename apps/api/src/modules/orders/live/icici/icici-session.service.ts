import { Inject, Injectable, Logger } from '@nestjs/common';
import { describeBreezeSession } from '@mcube/brokers-icici-breeze';
import { BrokerError, istDateTimeOf, type Clock, type NseCalendar } from '@mcube/domain';
import { DataSource } from 'typeorm';
import { AppException } from '../../../../common/errors/app-exception';
import { APP_CONFIG, type AppConfig } from '../../../../config/app-config';
import { accountById, accountsWhere, type AccountFacts } from '../../../accounts/account-reads';
import { AlertsService } from '../../../alerts/alerts.service';
import { AuditService } from '../../../core/audit/audit.service';
import { NSE_CALENDAR } from '../../../data/source/market-data.tokens';
import { recordLoginOutcome } from '../db-kotak-session.store';
import { missingCredentialFields } from '../kotak-credentials.reader';
import { IciciLiveBrokers } from './icici-live-brokers.service';
import { MARKET_CLOCK } from '../../../core/clock/clock.token';

/** Why an ICICI account cannot go LIVE today: no session key was entered. */
export const ICICI_SESSION_MISSING = 'ICICI_SESSION_MISSING';

/** What the console shows about an ICICI account's day session (never the key or token). */
export interface IciciSessionStatus {
  readonly accountId: number;
  /** ICICI's login page for the account's app key; absent when the credentials are incomplete. */
  readonly loginUrl?: string;
  readonly today: string;
  /** Whether a session of today is stored. */
  readonly hasSessionToday: boolean;
  /** Log-safe: masked user id and date. */
  readonly session?: string;
  /** Why `loginUrl` is missing, if it is. */
  readonly problem?: string;
}

/**
 * The ICICI day session (issue 15 §1): the console shows the login link and takes the key;
 * `enter` exchanges it through `customerdetails`, stores it sealed and audits the attempt (the key
 * never in the audit or the logs). `checkMissing` is the 08:45/09:10 alert: on a trading day
 * (market clock) each active ICICI account without today's session raises WARNING, then CRITICAL.
 */
@Injectable()
export class IciciSessionService {
  private readonly logger = new Logger('IciciSession');

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(MARKET_CLOCK) private readonly marketClock: Clock,
    @Inject(NSE_CALENDAR) private readonly calendar: NseCalendar,
    private readonly live: IciciLiveBrokers,
    private readonly alerts: AlertsService,
    private readonly audit: AuditService,
  ) {}

  async status(accountId: number): Promise<IciciSessionStatus> {
    await this.iciciAccount(accountId);
    const today = this.live.today();
    const session = await this.live.todaysSession(accountId);
    const base = { accountId, today, hasSessionToday: session !== undefined, ...(session ? { session: describeBreezeSession(session) } : {}) };
    const missing = await missingCredentialFields(this.dataSource, accountId, 'ICICI');
    if (missing.length > 0) return { ...base, problem: `store the ICICI app key and secret first (missing: ${missing.join(', ')})` };
    return { ...base, loginUrl: await this.live.loginUrl(accountId) };
  }

  /** Exchanges and stores the day's key. 422 when ICICI refuses it, 503 when ICICI cannot be reached; the refusal is recorded and audited. */
  async enter(accountId: number, apiSessionKey: string): Promise<IciciSessionStatus> {
    await this.iciciAccount(accountId);
    const missing = await missingCredentialFields(this.dataSource, accountId, 'ICICI');
    if (missing.length > 0) throw new AppException('DOMAIN_RULE_VIOLATED', `account ${accountId} has no complete ICICI credentials (missing: ${missing.join(', ')})`);
    const at = this.live.wallNowMs();
    try {
      const session = await this.live.enterSessionKey(accountId, apiSessionKey);
      await this.audit.record({ action: 'broker.session.entered', entity: 'broker_account', entityId: String(accountId), newValue: { broker: 'ICICI', session: describeBreezeSession(session) } });
      this.logger.log(`${describeBreezeSession(session)} stored for account ${accountId}`);
    } catch (error) {
      const message = (error as Error).message;
      await recordLoginOutcome(this.dataSource, accountId, at, message);
      await this.audit.record({ action: 'broker.session.refused', entity: 'broker_account', entityId: String(accountId), newValue: { broker: 'ICICI', error: message.slice(0, 300) } });
      if (error instanceof BrokerError && error.kind === 'AUTH_EXPIRED') throw new AppException('DOMAIN_RULE_VIOLATED', `ICICI refused the session key: ${message}`);
      if (error instanceof BrokerError) throw new AppException('SERVICE_UNAVAILABLE', `ICICI could not exchange the session key (${error.kind}): ${message}; try again`);
      throw error;
    }
    return this.status(accountId);
  }

  /**
   * Raises `severity` for each active ICICI account without today's session, on a trading day
   * (market clock). Returns the accounts alerted. Outside MCUBE_LIVE_TRADING=true, nothing.
   */
  async checkMissing(severity: 'WARNING' | 'CRITICAL'): Promise<number[]> {
    if (!this.config.liveTrading) return [];
    const now = this.marketClock.nowMs();
    const { date, time } = istDateTimeOf(now);
    if (!this.calendar.isTradingDay(date)) return [];
    const accounts = await accountsWhere(this.dataSource, { broker: 'ICICI', isActive: true });
    const alerted: number[] = [];
    for (const a of accounts) {
      if (await this.live.todaysSession(a.id)) continue;
      alerted.push(a.id);
      await this.alerts.raise({
        accountId: a.id,
        severity,
        category: 'ORDERS',
        title: `ICICI session key not entered for account ${a.id} (${a.name}) at ${time.slice(0, 5)} IST`,
        message: `No ICICI API session key was entered for ${date}: open ICICI's login page from Settings → Accounts, log in, and paste the day's session key. Until then the account cannot switch to LIVE (${ICICI_SESSION_MISSING})${a.isPaperTrading ? '' : ' and its live orders are refused'}.`,
        dedupKey: `icici.session-missing.${severity}@${a.id}.${date}`,
        occurredAtMs: now,
      });
    }
    return alerted;
  }

  private async iciciAccount(accountId: number): Promise<AccountFacts> {
    const account = await accountById(this.dataSource, accountId);
    if (!account) throw new AppException('NOT_FOUND', `account ${accountId} not found`);
    if (account.broker !== 'ICICI') throw new AppException('DOMAIN_RULE_VIOLATED', `account ${accountId} is ${account.broker}: only ICICI accounts take a day session key`);
    return account;
  }
}
