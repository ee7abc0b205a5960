import type { Clock } from '@mcube/domain';
import { BreezeHttpClient } from './http/breeze-http.client';
import type { BreezeCredentials, IciciBreezeHosts } from './icici-breeze.config';
import type { BreezeInstrumentResolver } from './instruments/breeze-instrument-resolver';
import { downloadSecurityMaster } from './instruments/security-master.loader';
import type { BreezeSecurityMaster } from './instruments/security-master.types';
import { BreezeMarketApi } from './market-data/breeze-market.api';
import { BreezeMarketData, type BreezeMarketDataOptions } from './market-data/breeze.market-data';
import { BreezeExecutionClient, type BreezeSettlePolicy } from './orders/breeze.execution-client';
import { BreezeTradingApi } from './orders/breeze-trading.api';
import { breezeLoginUrl, type BreezeSession, type BreezeSessionSource } from './session/breeze-session';
import { exchangeBreezeSessionKey } from './session/breeze-session-exchange';

/** Everything one ICICI account needs, built over one HTTP client. */
export interface IciciBreezeKit {
  readonly http: BreezeHttpClient;
  readonly trading: BreezeTradingApi;
  readonly market: BreezeMarketApi;
  readonly execution: BreezeExecutionClient;
  readonly marketData: BreezeMarketData;
  /** ICICI's login page for this app key (the user gets the day's API session key there). */
  loginUrl(): string;
  /** Exchanges the day's API session key for a session (store it encrypted; it is not stored here). */
  exchangeSessionKey(apiSessionKey: string): Promise<BreezeSession>;
  /** Downloads and parses today's security master (wrap in a SecurityMasterResolver and put it in service). */
  downloadSecurityMaster(): Promise<BreezeSecurityMaster>;
  /** Closes kept-alive connections. */
  close(): void;
}

/** Wires the clients of one ICICI account. Nothing is sent until a method is called. */
export function createIciciBreeze(input: {
  readonly hosts: IciciBreezeHosts;
  readonly credentials: BreezeCredentials;
  readonly clock: Clock;
  readonly sessions: BreezeSessionSource;
  readonly resolver: BreezeInstrumentResolver;
  readonly settle?: BreezeSettlePolicy;
  readonly marketData?: BreezeMarketDataOptions;
  /** Minimum spacing of market-data calls, ms (default 650: under Breeze's 100 calls/minute). */
  readonly minMarketCallIntervalMs?: number;
  readonly sleep?: (ms: number) => Promise<void>;
}): IciciBreezeKit {
  const { hosts, credentials, clock, sessions, resolver } = input;
  const http = new BreezeHttpClient({ hosts, credentials, clock });
  const trading = new BreezeTradingApi({ http, sessions, clock, timeouts: hosts.timeouts });
  const market = new BreezeMarketApi({ http, sessions, clock, timeouts: hosts.timeouts, minCallIntervalMs: input.minMarketCallIntervalMs, sleep: input.sleep });
  return {
    http,
    trading,
    market,
    execution: new BreezeExecutionClient({ api: trading, resolver, clock, settle: input.settle, sleep: input.sleep }),
    marketData: new BreezeMarketData({ api: market, resolver, clock, ...input.marketData }),
    loginUrl: () => breezeLoginUrl(hosts.loginUrl, credentials.appKey),
    exchangeSessionKey: (key) => exchangeBreezeSessionKey(http, clock, key),
    downloadSecurityMaster: () => downloadSecurityMaster(http, hosts.securityMasterUrl),
    close: () => http.close(),
  };
}
