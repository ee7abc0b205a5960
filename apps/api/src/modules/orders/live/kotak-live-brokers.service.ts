import { Inject, Injectable, Logger, OnModuleDestroy, Optional } from '@nestjs/common';
import { compareMasterWithTables, createKotakNeoBroker, isHaltingError, KotakNeoError, NodeNeoHttp, type KotakNeoBroker, type KotakNeoConfig, type MasterComparison, type NeoHttp } from '@mcube/brokers-kotak-neo';
import { istDateTimeOf, type Clock, type ExecutionClient, type IsoDate, type NseCalendar } from '@mcube/domain';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../../config/app-config';
import { AccountLeases } from '../../../roles/account-leases';
import { CredentialCipher } from '../../accounts/credentials/credential-cipher';
import { AlertsService } from '../../alerts/alerts.service';
import { SLEEP, WALL_CLOCK, type Sleep } from '../../core/clock/clock.token';
import { InstrumentStore } from '../../data/instruments/instrument-store.service';
import { NSE_CALENDAR } from '../../data/source/market-data.tokens';
import { KillSwitchService } from '../../risk/kill-switch/kill-switch.service';
import { haltForBroker } from './broker-halt';
import { credentialsStamp } from './credentials-stamp';
import { DbKotakSessionStore, recordLoginOutcome } from './db-kotak-session.store';
import { HaltingExecutionClient } from './halting-execution-client';
import { lazyExecutionClient } from './lazy-execution-client';
import { readKotakCredentials } from './kotak-credentials.reader';
import { kotakMasterOf, storedContractsOf } from './kotak-master.mapping';

/** Test seam: Kotak client settings over the configured login URL (short deadlines). */
export const KOTAK_NEO_TUNING = Symbol('mcube:kotak-neo-tuning');

/** What a master refresh did. */
export interface MasterRefreshOutcome {
  readonly date: IsoDate;
  readonly contracts: number;
  readonly comparison: MasterComparison;
}

/**
 * The Kotak accounts' live adapters, one `KotakNeoBroker` per account, built on first use from
 * the stored (encrypted) credentials, the day's session sealed in `broker_sessions`, and the
 * stored instrument master. Only the process that runs the job workers owns broker sessions
 * (it logs in); any other process uses the stored session of the day and never logs in itself.
 * Halting broker errors (static IP, algo refusal, a second session expiry) halt the account
 * (kill switch, by the system) and raise CRITICAL.
 */
@Injectable()
export class KotakLiveBrokers implements OnModuleDestroy {
  private readonly logger = new Logger('KotakLive');
  private readonly brokers = new Map<number, KotakNeoBroker>();
  private readonly clients = new Map<number, ExecutionClient>();
  /** The credentials fingerprint each adapter last saw; an adapter of other credentials is replaced. */
  private readonly stamps = new Map<number, string>();
  /** Adapters replaced after a credential change: closed at shutdown (a call may still be running on one). */
  private readonly retired: KotakNeoBroker[] = [];
  private readonly cipher: CredentialCipher;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(WALL_CLOCK) private readonly wallClock: Clock,
    @Inject(SLEEP) private readonly sleep: Sleep,
    private readonly instruments: InstrumentStore,
    private readonly killSwitch: KillSwitchService,
    private readonly alerts: AlertsService,
    @Inject(NSE_CALENDAR) private readonly calendar: NseCalendar,
    @Optional() @Inject(KOTAK_NEO_TUNING) private readonly tuning?: KotakNeoConfig,
    /** Who holds each account's session (absent in hand-built tests: then the role decides for every account). */
    @Optional() private readonly leases?: AccountLeases,
  ) {
    this.cipher = new CredentialCipher(config.credentials);
  }

  /**
   * Whether this process may log the account in: the one holding the account's lease (a worker
   * role; with REDIS_URL one process per account). Any other process only reads the stored session.
   */
  async ownsSession(accountId: number): Promise<boolean> {
    return this.leases ? this.leases.owns(accountId) : this.config.jobs.runWorkers;
  }

  onModuleDestroy(): void {
    for (const b of [...this.brokers.values(), ...this.retired]) b.close();
    this.brokers.clear();
    this.retired.length = 0;
    this.clients.clear();
  }

  /** The adapter of a Kotak account (built once). */
  brokerFor(accountId: number): KotakNeoBroker {
    const existing = this.brokers.get(accountId);
    if (existing) return existing;
    const broker = createKotakNeoBroker({
      config: { ...this.tuning, loginUrl: this.tuning?.loginUrl ?? this.config.brokers?.kotakNeoLoginUrl },
      credentials: () => readKotakCredentials(this.dataSource, this.cipher, accountId),
      http: loginOnlyByOwner(new NodeNeoHttp(), () => this.ownsSession(accountId)),
      wallClock: this.wallClock,
      sleep: this.sleep,
      sessionStore: new DbKotakSessionStore(this.dataSource, this.cipher, accountId),
    });
    const stored = this.instruments.latest('KOTAK');
    if (stored) broker.masters.set(kotakMasterOf(stored), this.instruments.masterOf('KOTAK'));
    this.brokers.set(accountId, broker);
    return broker;
  }

  /**
   * The account's adapter, replaced by a new one when the stored credentials changed since it was
   * last used (checked on every call, without opening them): the new one logs in with the new
   * credentials when it needs a login (a refused login of the old ones is forgotten) and reads the
   * day's stored session as any process does. An admin's change needs no restart.
   */
  async currentBroker(accountId: number): Promise<KotakNeoBroker> {
    const stamp = await credentialsStamp(this.dataSource, accountId);
    const previous = this.brokers.get(accountId);
    const seen = this.stamps.get(accountId);
    if (previous && seen !== undefined && seen !== stamp) {
      this.logger.log(`Kotak account ${accountId}: stored credentials changed, the adapter is rebuilt with them`);
      this.retired.push(previous);
      this.brokers.delete(accountId);
    }
    this.stamps.set(accountId, stamp);
    return this.brokerFor(accountId);
  }

  /** The account's live `ExecutionClient` (what the gateway's registry holds for a LIVE account): each call on the current adapter. */
  executionClientFor(accountId: number): ExecutionClient {
    let client = this.clients.get(accountId);
    if (!client) {
      const current = lazyExecutionClient('KOTAK', async () => (await this.currentBroker(accountId)).executionClient);
      client = new HaltingExecutionClient(current, (message) => this.halt(accountId, message), (error) => (isHaltingError(error) ? error.halt : undefined));
      this.clients.set(accountId, client);
    }
    return client;
  }

  /** The daily login of one account (fresh, stored sealed); the outcome is recorded either way. */
  async login(accountId: number): Promise<void> {
    const at = this.wallClock.nowMs();
    try {
      await (await this.currentBroker(accountId)).login();
      await recordLoginOutcome(this.dataSource, accountId, at);
    } catch (error) {
      await recordLoginOutcome(this.dataSource, accountId, at, (error as Error).message);
      throw error;
    }
  }

  /**
   * Downloads today's scrip master through `accountId`'s adapter, stores it (the authority from
   * now on) and gives it to every Kotak adapter, then compares it with the dated tables. Throws
   * when the download or parse fails: nothing is stored and the previous master stays in use.
   */
  async refreshMaster(accountId: number, expectDate: IsoDate): Promise<MasterRefreshOutcome> {
    const master = await (await this.currentBroker(accountId)).refreshMaster(expectDate);
    await this.instruments.replace('KOTAK', master.date, storedContractsOf(master));
    for (const [id, b] of this.brokers) if (id !== accountId) b.masters.set(master, this.instruments.masterOf('KOTAK'));
    return { date: master.date, contracts: master.contracts.length, comparison: compareMasterWithTables({ master, calendar: this.calendar }) };
  }

  /** Halts the account (system) and raises CRITICAL with the broker's reason. */
  async halt(accountId: number, message: string): Promise<void> {
    await haltForBroker({ killSwitch: this.killSwitch, alerts: this.alerts, logger: this.logger, nowMs: this.wallClock.nowMs() }, 'Kotak', accountId, message);
  }

  /** Wall time (alerts of the broker jobs). */
  wallNowMs(): number {
    return this.wallClock.nowMs();
  }

  /** Today's IST date on the wall clock (logins and masters are per real day). */
  today(): IsoDate {
    return istDateTimeOf(this.wallClock.nowMs()).date;
  }
}

/**
 * The transport of an account's adapter: every call but a login goes out; a login goes out only
 * while this process owns the account's session (asked at each login, so a lease taken over
 * later lets this process log in); otherwise it is refused (AUTH_EXPIRED) and the process uses
 * the day's stored session.
 */
function loginOnlyByOwner(inner: NeoHttp, owns: () => Promise<boolean>): NeoHttp {
  return {
    request: async (req) => {
      const login = /\/login\/1\.0\/tradeApi(Login|Validate)$/.test(new URL(req.url).pathname);
      if (login && !(await owns())) {
        throw new KotakNeoError('AUTH_EXPIRED', 'this process does not own the broker session of this account (its worker logs in): no Kotak session of today is stored yet', { reason: 'SESSION_EXPIRED' });
      }
      return inner.request(req);
    },
    close: () => inner.close(),
  };
}
