import { epochMsOfIst, FixedClock, type BrokerInstrument, type PlaceOrderRequest } from '@mcube/domain';
import { breezeCredentials, iciciBreezeHosts } from '../icici-breeze.config';
import { createIciciBreeze, type IciciBreezeKit } from '../icici-breeze.factory';
import { parseSecurityMaster } from '../instruments/parse-security-master';
import { SecurityMasterResolver } from '../instruments/security-master.resolver';
import type { BreezeSession, BreezeSessionSource } from '../session/breeze-session';
import { IciciBreezeFakeServer } from './icici-breeze.fake-server';
import { fixtureMasterTexts } from './master-zip.builder';

/** The fixtures' trading day (a Thursday) and the NIFTY weekly/monthly expiry after it (a Tuesday). */
export const BREEZE_TRADE_DAY = '2026-08-20';
export const BREEZE_EXPIRY = '2026-08-25';
export const BREEZE_APP_KEY = 'app+Key=1!';
export const BREEZE_SECRET = 'not-a-real-secret-41';
/** The API session key the fake accepts by default (user XY604721). */
export const BREEZE_API_SESSION = '87324529';

export const NIFTY_CALL: BrokerInstrument = { underlying: 'NIFTY', kind: 'OPT', expiry: BREEZE_EXPIRY, strike: 25000, optionType: 'CE', segment: 'NFO-OPT' };
export const NIFTY_PUT: BrokerInstrument = { underlying: 'NIFTY', kind: 'OPT', expiry: BREEZE_EXPIRY, strike: 24000, optionType: 'PE', segment: 'NFO-OPT' };
export const RELIANCE_FUT: BrokerInstrument = { underlying: 'RELIANCE', kind: 'FUT', expiry: BREEZE_EXPIRY, segment: 'NFO-FUT' };

/** A session store in memory (the API keeps it encrypted in the database). */
export class MemorySessionSource implements BreezeSessionSource {
  constructor(public session?: BreezeSession) {}
  async current(): Promise<BreezeSession | undefined> {
    return this.session;
  }
}

/** A fake server, a clock at 10:00 IST on the trade day, and the library's clients pointed at the server. */
export interface BreezeTestRig {
  readonly server: IciciBreezeFakeServer;
  readonly clock: FixedClock;
  readonly sessions: MemorySessionSource;
  readonly resolver: SecurityMasterResolver;
  readonly kit: IciciBreezeKit;
  /** Exchanges the default key and stores the session. */
  login(): Promise<BreezeSession>;
  close(): Promise<void>;
}

/** Starts a rig. `settleDelayMs` 0 and no pacing keep tests fast; timeouts are short. */
export async function startBreezeRig(options: { readonly orderTimeoutMs?: number; readonly readTimeoutMs?: number } = {}): Promise<BreezeTestRig> {
  const clock = new FixedClock(epochMsOfIst(BREEZE_TRADE_DAY, '10:00:00'));
  const server = await IciciBreezeFakeServer.start({ appKey: BREEZE_APP_KEY, secretKey: BREEZE_SECRET, now: () => clock.nowMs() });
  const sessions = new MemorySessionSource();
  const resolver = new SecurityMasterResolver(parseSecurityMaster(fixtureMasterTexts()));
  const hosts = iciciBreezeHosts({
    apiUrl: server.apiUrl,
    v2Url: server.v2Url,
    loginUrl: server.loginUrl,
    securityMasterUrl: server.securityMasterUrl,
    timeouts: { orderMs: options.orderTimeoutMs ?? 1500, readMs: options.readTimeoutMs ?? 1500, sessionMs: 1500, bulkMs: 3000 },
  });
  const kit = createIciciBreeze({ hosts, credentials: breezeCredentials(BREEZE_APP_KEY, BREEZE_SECRET), clock, sessions, resolver, settle: { attempts: 2, delayMs: 0 }, minMarketCallIntervalMs: 0 });
  return {
    server,
    clock,
    sessions,
    resolver,
    kit,
    async login() {
      const session = await kit.exchangeSessionKey(BREEZE_API_SESSION);
      sessions.session = session;
      return session;
    },
    async close() {
      kit.close();
      await server.stop();
    },
  };
}

let seq = 0;
/** A valid one-lot SELL DAY order of NIFTY_CALL at ₹120.50 with a fresh mCube-shaped tag. */
export function breezeOrder(overrides: Partial<PlaceOrderRequest> = {}): PlaceOrderRequest {
  seq += 1;
  return { clientOrderId: `r${String(seq).padStart(19, '0')}`, accountId: 'icici-1', instrument: NIFTY_CALL, side: 'SELL', quantity: 65, limitPrice: 120.5, product: 'NRML', validity: 'DAY', ...overrides };
}
