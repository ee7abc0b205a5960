import type { LiveModeCheckResponse, LiveModeResponse } from '@mcube/contracts';
import { Inject, Injectable, Optional } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppException } from '../../../common/errors/app-exception';
import { inTransaction } from '../../../database/in-transaction';
import { APP_CONFIG, type AppConfig } from '../../../config/app-config';
import { setPaperTrading } from '../../accounts/account-commands';
import { accountById, type AccountFacts } from '../../accounts/account-reads';
import { AuditService } from '../../core/audit/audit.service';
import { InstrumentStore } from '../../data/instruments/instrument-store.service';
import { OrderSyncScheduler } from '../paper/order-sync.scheduler';
import { ORDERS_POSITION_LEDGER, type PositionLedger } from '../ports/position-ledger.port';
import { journalIsFlat } from './broker-connections.service';
import { loginStateOf } from './db-kotak-session.store';
import { missingCredentialFields } from './kotak-credentials.reader';
import { KotakLiveBrokers } from './kotak-live-brokers.service';
import { IciciLiveBrokers } from './icici/icici-live-brokers.service';
import { ICICI_SESSION_MISSING } from './icici/icici-session.service';

/** One condition of going live, met or not, in words an admin can act on (the REST contract). */
export type LiveModeCheck = LiveModeCheckResponse;

/** An account's mode and what going live needs (the REST contract). */
export type LiveModeStatus = LiveModeResponse;

const modeOf = (a: AccountFacts): 'PAPER' | 'LIVE' => (a.isPaperTrading ? 'PAPER' : 'LIVE');

/**
 * The guarded switch between PAPER and LIVE per account (issue 14 §3). LIVE needs every check:
 * MCUBE_LIVE_TRADING=true, a Kotak or ICICI account, active, complete credentials, a successful
 * login today (ICICI: the day's session key entered, else ICICI_SESSION_MISSING) and today's master stored, mCube's journal of the account flat and
 * the broker's book flat (no open orders, no net positions: what reconciliation would find),
 * and the typed confirmation; an admin only (the controller), audited. Any failed check keeps it
 * on PAPER and names it. PAPER is always allowed and never touches the broker's book: open live
 * orders and positions stay with the live adapter (monitored, exited at the broker) until the
 * journal is flat, then the paper broker takes over (`BrokerConnections`).
 */
@Injectable()
export class LiveModeService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly live: KotakLiveBrokers,
    private readonly instruments: InstrumentStore,
    private readonly audit: AuditService,
    private readonly sync: OrderSyncScheduler,
    /** Counts the account's ACTIVE positions (the journal-flat check), the positions module's read. */
    @Inject(ORDERS_POSITION_LEDGER) private readonly ledger: PositionLedger,
    @Optional() private readonly icici?: IciciLiveBrokers,
  ) {}

  /** The account's mode and every check of going live (the broker's book is read only when the earlier checks pass). */
  async status(accountId: number, confirmation?: string): Promise<LiveModeStatus> {
    const account = await this.account(accountId);
    const today = this.live.today();
    const checks: LiveModeCheck[] = [];
    const add = (name: LiveModeCheck['name'], ok: boolean, detail: string) => checks.push({ name, ok, detail });
    add('LIVE_TRADING_ENABLED', this.config.liveTrading, this.config.liveTrading ? 'MCUBE_LIVE_TRADING=true' : 'MCUBE_LIVE_TRADING is not true in the environment');
    const supported = account.broker === 'KOTAK' || (account.broker === 'ICICI' && this.icici !== undefined);
    add('BROKER_SUPPORTED', supported, supported ? (account.broker === 'KOTAK' ? 'Kotak Neo adapter' : 'ICICI Breeze adapter') : `${account.broker} has no live adapter yet`);
    add('ACCOUNT_ACTIVE', account.isActive, account.isActive ? 'active' : `deactivated: ${account.deactivationReason ?? 'no reason recorded'}`);
    const missing = account.broker === 'KOTAK' || account.broker === 'ICICI' ? await missingCredentialFields(this.dataSource, accountId, account.broker) : ['(no live adapter)'];
    add('CREDENTIALS', missing.length === 0, missing.length === 0 ? `every ${account.broker === 'KOTAK' ? 'Kotak' : 'ICICI'} field stored` : `missing: ${missing.join(', ')}`);
    if (account.broker === 'ICICI' && this.icici) {
      const session = missing.length === 0 ? await this.icici.todaysSession(accountId) : undefined;
      if (session) add('LOGIN_TODAY', true, `ICICI session key of ${today} entered`);
      else checks.push({ name: 'LOGIN_TODAY', ok: false, code: ICICI_SESSION_MISSING, detail: `${ICICI_SESSION_MISSING}: no ICICI session key entered for ${today} (Settings → Accounts: open ICICI's login page and paste the day's key)` });
    } else {
      const login = await loginStateOf(this.dataSource, accountId);
      const loggedIn = login?.lastLoginOk === true && login.lastLoginDate === today;
      add('LOGIN_TODAY', loggedIn, loggedIn ? `logged in ${login?.lastLoginAt?.toISOString()}` : login?.lastLoginDate === today ? `today's login failed: ${login.lastLoginError ?? ''}` : `no successful login on ${today} (the brokers.login job, 08:30 IST)`);
    }
    const master = this.instruments.latest(account.broker);
    add('MASTER_TODAY', master?.date === today, master?.date === today ? `${master.contracts.length} contracts of ${today}` : `the stored master is ${master ? `of ${master.date}` : 'missing'}, not of ${today} (the instruments.refresh job, 08:45 IST)`);
    const flat = await journalIsFlat(this.dataSource, this.ledger, accountId);
    add('JOURNAL_FLAT', flat, flat ? 'no open order or ACTIVE position in mCube' : 'mCube still has open orders or an ACTIVE (paper) position on this account: close them first');
    if (checks.every((c) => c.ok)) add(...(await this.brokerBookCheck(account)));
    else add('BROKER_RECONCILED', false, 'not checked: an earlier check failed');
    const confirmationText = `LIVE ${account.accountNumber}`;
    add('CONFIRMATION', confirmation === confirmationText, confirmation === confirmationText ? 'typed' : `type exactly "${confirmationText}"`);
    return { accountId, mode: modeOf(account), confirmationText, checks };
  }

  /** Switches the account (see the class comment). Throws DOMAIN_RULE_VIOLATED naming each failed check; NOT_FOUND. */
  async switchMode(accountId: number, mode: 'PAPER' | 'LIVE', confirmation?: string): Promise<LiveModeStatus> {
    const account = await this.account(accountId);
    if (mode === 'LIVE' && !account.isPaperTrading) return this.status(accountId, confirmation);
    let checks: readonly LiveModeCheck[] = [];
    if (mode === 'LIVE') {
      checks = (await this.status(accountId, confirmation)).checks;
      const failed = checks.filter((c) => !c.ok);
      if (failed.length > 0) {
        await this.audit.record({ action: 'account.mode.refused', entity: 'broker_account', entityId: String(accountId), oldValue: { mode: modeOf(account) }, newValue: { mode, failed: failed.map((c) => c.name) } });
        throw new AppException('DOMAIN_RULE_VIOLATED', failed.map((c) => `${c.name}: ${c.detail}`), {}, { checks });
      }
    }
    await inTransaction(this.dataSource, async (m) => {
      await setPaperTrading(m, accountId, mode === 'PAPER');
      await this.audit.record({ action: 'account.mode', entity: 'broker_account', entityId: String(accountId), oldValue: { mode: modeOf(account) }, newValue: { mode, checks: checks.map((c) => ({ name: c.name, ok: c.ok, detail: c.detail })) } }, m);
    });
    await this.sync.syncConnections();
    return this.status(accountId);
  }

  /** Reads the broker's book with the live adapter: it must hold no open order and no net position. */
  private async brokerBookCheck(account: AccountFacts): Promise<[LiveModeCheck['name'], boolean, string]> {
    try {
      const client = account.broker === 'ICICI' && this.icici ? this.icici.executionClientFor(account.id) : this.live.executionClientFor(account.id);
      const [orders, positions] = await Promise.all([client.listOrders(), client.listPositions()]);
      const open = orders.filter((o) => o.state === 'OPEN' || o.state === 'PENDING');
      const held = positions.filter((p) => p.netQuantity !== 0);
      if (open.length === 0 && held.length === 0) return ['BROKER_RECONCILED', true, 'the broker holds no open order and no position, as mCube'];
      const what = [...open.map((o) => `open order ${o.brokerOrderId} (tag ${o.clientOrderId ?? 'none'})`), ...held.map((p) => `position ${p.instrument.tradingSymbol ?? '?'} ${p.netQuantity}`)];
      return ['BROKER_RECONCILED', false, `the broker's book is not mCube's (flat): ${what.join('; ')}`];
    } catch (error) {
      return ['BROKER_RECONCILED', false, `the broker's book could not be read: ${(error as Error).message}`];
    }
  }

  private async account(accountId: number): Promise<AccountFacts> {
    const account = await accountById(this.dataSource, accountId);
    if (!account) throw new AppException('NOT_FOUND', `account ${accountId} not found`);
    return account;
  }
}
