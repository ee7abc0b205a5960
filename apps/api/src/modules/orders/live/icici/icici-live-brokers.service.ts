import { Inject, Injectable, Logger, OnModuleDestroy, Optional } from '@nestjs/common';
import {
  createIciciBreeze,
  iciciBreezeHostsFromEnv,
  ReloadableInstrumentResolver,
  SecurityMasterResolver,
  type BreezeSecurityMaster,
  type BreezeSession,
  type BreezeSettlePolicy,
  type IciciBreezeHosts,
  type IciciBreezeKit,
  breezeHaltOf,
} from '@mcube/brokers-icici-breeze';
import { istDateTimeOf, type Clock, type ExecutionClient, type IsoDate, type MarketDataPort } from '@mcube/domain';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../../../config/app-config';
import { CredentialCipher } from '../../../accounts/credentials/credential-cipher';
import { SLEEP, WALL_CLOCK, type Sleep } from '../../../core/clock/clock.token';
import { AlertsService } from '../../../alerts/alerts.service';
import { InstrumentStore } from '../../../data/instruments/instrument-store.service';
import { KillSwitchService } from '../../../risk/kill-switch/kill-switch.service';
import { haltForBroker } from '../broker-halt';
import { credentialsStamp } from '../credentials-stamp';
import { HaltingExecutionClient } from '../halting-execution-client';
import { lazyExecutionClient } from '../lazy-execution-client';
import { DbIciciSessionSource } from './db-icici-session.source';
import { readIciciCredentials } from './icici-credentials.reader';
import { iciciMasterOf, storedIciciContractsOf } from './icici-master.mapping';

/** Test seam: hosts (the local Breeze server), settle policy and market-call pacing. */
export const ICICI_BREEZE_TUNING = Symbol('mcube:icici-breeze-tuning');
export interface IciciBreezeTuning {
  readonly hosts?: IciciBreezeHosts;
  readonly settle?: BreezeSettlePolicy;
  readonly minMarketCallIntervalMs?: number;
}

/** What an ICICI master refresh did. */
export interface IciciMasterOutcome {
  readonly date: IsoDate;
  readonly contracts: number;
  /** Master rows whose ICICI short name could not be mapped (left out, to be looked at). */
  readonly unknown: BreezeSecurityMaster['unknown'];
}

/**
 * The ICICI accounts' live adapters (issue 15), one Breeze kit per account, built on first use
 * from the stored (encrypted) app key and secret. The day's session is not a login mCube can
 * do: a person enters ICICI's API session key (console), `enterSessionKey` exchanges it through
 * `customerdetails` and stores it sealed in `broker_sessions`; every signed call of every
 * process reads it from there. One instrument resolver is shared by all ICICI kits: the security
 * master loaded by `instruments.refresh` (stored in the instrument store; restored at boot).
 */
@Injectable()
export class IciciLiveBrokers implements OnModuleDestroy {
  private readonly logger = new Logger('IciciLive');
  private readonly kits = new Map<number, Promise<IciciBreezeKit>>();
  /** The credentials fingerprint each kit was built from; a kit of other credentials is replaced. */
  private readonly stamps = new Map<number, string>();
  /** Kits replaced after a credential change: closed at shutdown (a call may still be running on one). */
  private readonly retired: Promise<IciciBreezeKit>[] = [];
  private readonly clients = new Map<number, ExecutionClient>();
  private readonly cipher: CredentialCipher;
  readonly resolver = new ReloadableInstrumentResolver();
  private restoredFrom?: IsoDate;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(WALL_CLOCK) private readonly wallClock: Clock,
    @Inject(SLEEP) private readonly sleep: Sleep,
    private readonly instruments: InstrumentStore,
    private readonly killSwitch: KillSwitchService,
    private readonly alerts: AlertsService,
    @Optional() @Inject(ICICI_BREEZE_TUNING) private readonly tuning?: IciciBreezeTuning,
  ) {
    this.cipher = new CredentialCipher(config.credentials);
    // Read and checked once, when the orders module is built at boot: only this module may use the broker library.
    this.hosts = tuning?.hosts ?? iciciBreezeHostsFromEnv(process.env);
  }

  /** ICICI_BREEZE_* hosts and timeouts (the library checks each value). */
  readonly hosts: IciciBreezeHosts;

  onModuleDestroy(): void {
    for (const kit of [...this.kits.values(), ...this.retired]) void kit.then((k) => k.close(), () => undefined);
    this.kits.clear();
    this.retired.length = 0;
    this.clients.clear();
  }

  /**
   * The kit of an ICICI account, built from the stored credentials and rebuilt when they change
   * (checked on every call: the app key and secret are re-read without a restart; the day's
   * session is read from the store on every signed call anyway). Throws IncompleteCredentialsError.
   */
  async kitFor(accountId: number): Promise<IciciBreezeKit> {
    const stamp = await credentialsStamp(this.dataSource, accountId);
    const previous = this.kits.get(accountId);
    if (previous && this.stamps.get(accountId) !== stamp) {
      this.logger.log(`ICICI account ${accountId}: stored credentials changed, the adapter is rebuilt with them`);
      this.retired.push(previous);
      this.kits.delete(accountId);
    }
    this.stamps.set(accountId, stamp);
    let kit = this.kits.get(accountId);
    if (!kit) {
      this.restoreMaster();
      kit = this.build(accountId);
      const building = kit;
      building.catch(() => {
        if (this.kits.get(accountId) === building) this.kits.delete(accountId);
      });
      this.kits.set(accountId, building);
    }
    return kit;
  }

  /**
   * The account's live `ExecutionClient` (what the gateway's registry holds for a LIVE ICICI
   * account). An answer refusing the session, the app key or the caller's IP (`breezeHaltOf`)
   * halts the account with a CRITICAL saying the day's session key must be entered: mCube cannot
   * log in to ICICI by itself.
   */
  executionClientFor(accountId: number): ExecutionClient {
    let client = this.clients.get(accountId);
    if (!client) {
      const current = lazyExecutionClient('ICICI', () => this.kitFor(accountId).then((k) => k.execution));
      client = new HaltingExecutionClient(current, (message) => this.halt(accountId, message), breezeHaltOf);
      this.clients.set(accountId, client);
    }
    return client;
  }

  /** The account's Breeze market data (quotes, chains with OI, historical v2, sector moves) as a `MarketDataPort`. */
  async marketDataFor(accountId: number): Promise<MarketDataPort> {
    return (await this.kitFor(accountId)).marketData;
  }

  /** ICICI's login page for the account's app key (where the person gets the day's session key). */
  async loginUrl(accountId: number): Promise<string> {
    return (await this.kitFor(accountId)).loginUrl();
  }

  /** Exchanges the day's API session key and stores the session sealed. Throws the broker's error (AUTH_EXPIRED for a bad key, TEMPORARY for 5xx/timeouts). */
  async enterSessionKey(accountId: number, apiSessionKey: string): Promise<BreezeSession> {
    const kit = await this.kitFor(accountId);
    const session = await kit.exchangeSessionKey(apiSessionKey);
    await this.sessions(accountId).save(session);
    return session;
  }

  /** The stored session of the account, if it is of today's IST date (wall clock). */
  async todaysSession(accountId: number): Promise<BreezeSession | undefined> {
    const s = await this.sessions(accountId).current();
    return s && s.tradeDate === this.today() ? s : undefined;
  }

  /**
   * Downloads today's security master through `accountId`'s kit, puts it in service for every
   * ICICI kit and stores its F&O contracts as the ICICI master of `date`. Throws when the
   * download or parse fails (nothing stored, the previous master stays).
   */
  async refreshMaster(accountId: number, date: IsoDate): Promise<IciciMasterOutcome> {
    const master = await (await this.kitFor(accountId)).downloadSecurityMaster();
    await this.instruments.replace('ICICI', date, storedIciciContractsOf(master));
    this.resolver.replace(new SecurityMasterResolver(master, this.instruments.masterOf('ICICI')));
    this.restoredFrom = date;
    return { date, contracts: master.contracts.length, unknown: master.unknown };
  }

  /** Halts the account (system) and raises CRITICAL with ICICI's reason. */
  async halt(accountId: number, message: string): Promise<void> {
    await haltForBroker({ killSwitch: this.killSwitch, alerts: this.alerts, logger: this.logger, nowMs: this.wallClock.nowMs() }, 'ICICI', accountId, message);
  }

  /** Today's IST date on the wall clock (sessions and masters are per real day). */
  today(): IsoDate {
    return istDateTimeOf(this.wallClock.nowMs()).date;
  }

  wallNowMs(): number {
    return this.wallClock.nowMs();
  }

  private sessions(accountId: number): DbIciciSessionSource {
    return new DbIciciSessionSource(this.dataSource, this.cipher, accountId);
  }

  /** Before the day's refresh, the stored ICICI master (contracts only) resolves orders. */
  private restoreMaster(): void {
    const stored = this.instruments.latest('ICICI');
    if (this.resolver.loaded || !stored || this.restoredFrom === stored.date) return;
    this.resolver.replace(new SecurityMasterResolver(iciciMasterOf(stored), this.instruments.masterOf('ICICI')));
    this.restoredFrom = stored.date;
    this.logger.log(`ICICI master of ${stored.date} restored from the instrument store (${stored.contracts.length} contracts)`);
  }

  private async build(accountId: number): Promise<IciciBreezeKit> {
    const credentials = await readIciciCredentials(this.dataSource, this.cipher, accountId);
    return createIciciBreeze({
      hosts: this.hosts,
      credentials,
      clock: this.wallClock,
      sessions: this.sessions(accountId),
      resolver: this.resolver,
      settle: this.tuning?.settle,
      minMarketCallIntervalMs: this.tuning?.minMarketCallIntervalMs,
      sleep: this.sleep,
    });
  }
}
