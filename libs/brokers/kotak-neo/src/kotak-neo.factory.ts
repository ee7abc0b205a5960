import type { Clock, IsoDate, MarketDataPort } from '@mcube/domain';
import type { NeoApiContext } from './api/neo-api-context';
import type { KotakNeoCredentials } from './auth/kotak-neo-credentials';
import type { KotakNeoSession } from './auth/kotak-neo-session';
import { KotakNeoSessionKeeper, type KotakNeoSessionStore } from './auth/kotak-neo-session.keeper';
import { NodeNeoHttp, type NeoHttp } from './http/neo-http.client';
import type { KotakInstrumentMaster } from './instruments/kotak-contract';
import type { KotakInstrumentLookup } from './instruments/kotak-instrument.lookup';
import { KotakMasterHolder } from './instruments/kotak-master.holder';
import { loadKotakInstrumentMaster } from './instruments/load-instrument-master';
import { resolveKotakNeoConfig, type KotakNeoConfig, type ResolvedKotakNeoConfig } from './kotak-neo.config';
import { KotakNeoExecutionClient } from './kotak-neo.execution-client';
import { KotakNeoMarketData } from './kotak-neo.market-data';
import type { QuotePollerOptions } from './market/quote-poller';

/** Everything one Kotak account's adapter needs. */
export interface KotakNeoBrokerDeps {
  /** Usually `kotakNeoConfigFromEnv(process.env)`. */
  readonly config?: KotakNeoConfig;
  /** Reads the account's credentials (decrypting them) when a login or a consumer-key call needs them. */
  readonly credentials: () => Promise<KotakNeoCredentials>;
  /** Wall clock (TOTP, login day, asOf stamps). */
  readonly wallClock: Clock;
  /** Where the day's session is kept encrypted; memory only without one. */
  readonly sessionStore?: KotakNeoSessionStore;
  /** Transport; default Node http/https with keep-alive. */
  readonly http?: NeoHttp;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly marketData?: { readonly fallback?: MarketDataPort; readonly polling?: QuotePollerOptions; readonly chainStrikeRangePct?: number };
  /** The instrument mapping seam; default the loaded master's lookup (`masters.lookup()`). */
  readonly instruments?: () => KotakInstrumentLookup;
}

/** One account's Kotak adapter, wired: what the API's jobs and the gateway use. */
export interface KotakNeoBroker {
  readonly config: ResolvedKotakNeoConfig;
  readonly api: NeoApiContext;
  readonly sessions: KotakNeoSessionKeeper;
  readonly masters: KotakMasterHolder;
  readonly executionClient: KotakNeoExecutionClient;
  readonly marketData: KotakNeoMarketData;
  /** The daily login (job `brokers.login`): a fresh two-step login, stored through `sessionStore`. */
  login(): Promise<KotakNeoSession>;
  /**
   * The master refresh (job `instruments.refresh`): downloads today's master and makes it the
   * one in use only if it is complete and dated `expectDate`; on any failure it throws and the
   * previous master stays in use.
   */
  refreshMaster(expectDate: IsoDate): Promise<KotakInstrumentMaster>;
  /** Frees the HTTP pools. */
  close(): void;
}

/** Builds the adapter of one Kotak account (no I/O until a method is called). */
export function createKotakNeoBroker(deps: KotakNeoBrokerDeps): KotakNeoBroker {
  const config = resolveKotakNeoConfig(deps.config);
  const http = deps.http ?? new NodeNeoHttp();
  const api: NeoApiContext = { http, config, consumerKey: async () => (await deps.credentials()).reveal().consumerKey };
  const sessions = new KotakNeoSessionKeeper({ http, config, wallClock: deps.wallClock, credentials: deps.credentials, store: deps.sessionStore, sleep: deps.sleep });
  const masters = new KotakMasterHolder();
  const executionClient = new KotakNeoExecutionClient({ api, sessions, instruments: deps.instruments ?? (() => masters.lookup()), wallClock: deps.wallClock });
  const marketData = new KotakNeoMarketData({ api, sessions, masters, instruments: deps.instruments, wallClock: deps.wallClock, sleep: deps.sleep, ...deps.marketData });
  return {
    config,
    api,
    sessions,
    masters,
    executionClient,
    marketData,
    login: () => sessions.login(),
    async refreshMaster(expectDate) {
      const host = sessions.current()?.baseUrl ?? config.loginUrl;
      const master = await loadKotakInstrumentMaster({ ctx: api, host, expectDate });
      masters.set(master);
      return master;
    },
    close: () => http.close(),
  };
}
