import { epochMsOfIst, FixedClock, type PlaceOrderRequest } from '@mcube/domain';
import { KotakNeoCredentials } from '../auth/kotak-neo-credentials';
import { createKotakNeoBroker, type KotakNeoBroker, type KotakNeoBrokerDeps } from '../kotak-neo.factory';
import type { KotakNeoConfig } from '../kotak-neo.config';
import { KotakNeoFakeServer, type KotakNeoFakeServerOptions } from './kotak-neo.fake-server';

/** The fixture master's day: Monday 2026-08-10, 09:20:00 IST. */
export const KOTAK_TEST_DAY = '2026-08-10';
export const KOTAK_TEST_START_MS = epochMsOfIst(KOTAK_TEST_DAY, '09:20:00');

/** A NIFTY monthly option of the fixture master (token 35128, symbol NIFTY26AUG24500CE, lot 65). */
export const NIFTY_CALL = { underlying: 'NIFTY', kind: 'OPT', expiry: '2026-08-25', strike: 24500, optionType: 'CE', segment: 'NFO-OPT' } as const;
/** Its put leg (NIFTY26AUG24500PE). */
export const NIFTY_PUT = { ...NIFTY_CALL, optionType: 'PE' } as const;
export const NIFTY_LOT = 65;

/** A LIMIT order request with every field defaulted (one lot of `NIFTY_CALL`, SELL at 120.5). */
export function kotakOrderRequest(over: Partial<PlaceOrderRequest> = {}): PlaceOrderRequest {
  return { clientOrderId: 'k0000000000000000001', accountId: '1', instrument: NIFTY_CALL, side: 'SELL', quantity: NIFTY_LOT, limitPrice: 120.5, product: 'NRML', validity: 'DAY', ...over };
}

/** A fake broker and a client wired to it with short deadlines and one shared wall clock. */
export interface KotakNeoTestKit {
  readonly server: KotakNeoFakeServer;
  readonly clock: FixedClock;
  readonly broker: KotakNeoBroker;
  readonly credentials: KotakNeoCredentials;
  /** Milliseconds the injected sleep was asked to wait (it advances the clock instead). */
  readonly slept: number[];
  /** A second client (another process) over the same fake broker. */
  newBroker(over?: Partial<KotakNeoBrokerDeps>): KotakNeoBroker;
  close(): Promise<void>;
}

/** Starts a fake broker and a client over it, logged in and with today's master when asked. */
export async function kotakNeoTestKit(
  opts: { readonly server?: Partial<KotakNeoFakeServerOptions>; readonly config?: KotakNeoConfig; readonly login?: boolean; readonly master?: boolean; readonly startMs?: number } = {},
): Promise<KotakNeoTestKit> {
  const clock = new FixedClock(opts.startMs ?? KOTAK_TEST_START_MS);
  const server = await KotakNeoFakeServer.start({ clock, ...opts.server });
  const credentials = KotakNeoCredentials.create(server.account);
  const slept: number[] = [];
  const sleep = async (ms: number): Promise<void> => {
    slept.push(ms);
    clock.advance(ms);
  };
  const brokers: KotakNeoBroker[] = [];
  const newBroker = (over: Partial<KotakNeoBrokerDeps> = {}): KotakNeoBroker => {
    const b = createKotakNeoBroker({
      config: { loginUrl: server.loginUrl, timeouts: { loginMs: 3_000, orderMs: 1_500, readMs: 1_500, masterMs: 3_000 }, ...opts.config },
      credentials: async () => credentials,
      wallClock: clock,
      sleep,
      ...over,
    });
    brokers.push(b);
    return b;
  };
  const broker = newBroker();
  if (opts.login !== false) await broker.login();
  if (opts.master !== false) await broker.refreshMaster(KOTAK_TEST_DAY);
  return {
    server,
    clock,
    broker,
    credentials,
    slept,
    newBroker,
    async close() {
      for (const b of brokers) b.close();
      await server.stop();
    },
  };
}
