import { createKotakNeoBroker, KotakNeoCredentials } from '@mcube/brokers-kotak-neo';
import { buildNseFoCsv, KotakNeoFakeServer, kotakTradingSymbol, neoFixtureText, type FoContractSpec } from '@mcube/brokers-kotak-neo/testing';
import { addDays, createDefaultNseCalendar, istDateTimeOf, type ExecutionClient, type FixedClock, type IntentInstrument, type PlaceOrderAck, type PlaceOrderRequest } from '@mcube/domain';
import type { MarketSimulator } from '@mcube/market-sim';
import type { BrokerAccount } from '../../src/modules/accounts/entities/broker-account.entity';
import type { SteppedBroker } from '../strategies/strangle-harness';

/** Kotak's working order statuses (as the fake server keeps them). */
const WORKING = new Set(['put order req received', 'validation pending', 'open pending', 'open', 'modified', 'cancel pending']);

/** NIFTY weekly options of every expiry from `from` to 60 days past `to`, strikes 15,000–32,000 every 50, lot 65, freeze 1,800. */
export function monthContracts(from: string, to: string): { specs: FoContractSpec[]; monthly: Set<string> } {
  const expiries = createDefaultNseCalendar().weeklyExpiries('NIFTY', from, addDays(to, 60));
  const lastOfMonth = new Map<string, string>();
  for (const e of expiries) lastOfMonth.set(e.slice(0, 7), e);
  const monthly = new Set(lastOfMonth.values());
  const specs: FoContractSpec[] = [];
  let token = 50_000;
  for (const expiry of expiries) {
    for (let strike = 15_000; strike <= 32_000; strike += 50) {
      for (const optionType of ['CE', 'PE'] as const) specs.push({ token: String(token++), underlying: 'NIFTY', instrumentType: 'OPTIDX', expiry, monthly: monthly.has(expiry), strike, optionType, lotSize: 65, freezeQuantity: 1800 });
    }
  }
  return { specs, monthly };
}

/**
 * The Kotak adapter over the local Neo server, trading the simulator's market: the server lists
 * every NIFTY option of the period; a new IST day ends the sessions and expires open orders at
 * the server (the adapter logs in again itself); before an order is placed, and after each step
 * for every working order, the server is given the simulator's quote of that contract, so orders
 * fill when the simulated market crosses them (at placement at the touch, resting at their limit).
 */
export function kotakMonthBroker(opts: { from: string; to: string }) {
  return async ({ clock, market, account }: { clock: FixedClock; market: MarketSimulator; account: BrokerAccount }): Promise<SteppedBroker & { server: KotakNeoFakeServer }> => {
    const { specs, monthly } = monthContracts(opts.from, opts.to);
    const server = await KotakNeoFakeServer.start({ clock, master: { date: opts.from, nseFo: buildNseFoCsv(specs), nseCm: neoFixtureText('nse_cm.csv') } });
    server.setFunds({ netPaise: account.allocatedCapitalPaise, marginUsedPaise: 0, collateralPaise: 0 });
    const credentials = KotakNeoCredentials.create(server.account);
    const broker = createKotakNeoBroker({
      config: { loginUrl: server.loginUrl, timeouts: { loginMs: 5_000, orderMs: 5_000, readMs: 5_000, masterMs: 10_000 } },
      credentials: async () => credentials,
      wallClock: clock,
      sleep: async (ms) => clock.advance(ms),
    });
    await broker.login();
    await broker.refreshMaster(opts.from);
    const symbolOf = (i: IntentInstrument) => kotakTradingSymbol({ underlying: i.underlying, expiry: i.expiry, monthly: monthly.has(i.expiry), strike: i.strike, optionType: i.optionType });
    const pushQuote = async (i: IntentInstrument) => {
      const q = await market.quote(i);
      server.setQuote(symbolOf(i), { ltp: q.lastPrice, bid: q.bid, ask: q.ask });
    };
    // The server's trading day follows the clock: its first call of a new day ends the old one.
    let day = istDateTimeOf(clock.nowMs()).date;
    const rollover = (): void => {
      const today = istDateTimeOf(clock.nowMs()).date;
      if (today === day) return;
      server.newTradingDay();
      day = today;
    };
    const exec = broker.executionClient;
    const client: ExecutionClient = {
      broker: exec.broker,
      async placeOrder(request: PlaceOrderRequest): Promise<PlaceOrderAck> {
        rollover();
        await pushQuote(request.instrument);
        return exec.placeOrder(request);
      },
      cancelOrder: (r) => (rollover(), exec.cancelOrder(r)),
      orderByTag: (t) => (rollover(), exec.orderByTag(t)),
      listOrders: () => (rollover(), exec.listOrders()),
      listTrades: () => (rollover(), exec.listTrades()),
      listPositions: () => (rollover(), exec.listPositions()),
      availableMargin: () => (rollover(), exec.availableMargin()),
      modifyOrder: (r) => (rollover(), exec.modifyOrder(r)),
      checkMargin: (r) => (rollover(), exec.checkMargin(r)),
    };
    return {
      server,
      client,
      async sync() {
        rollover();
        for (const o of server.orders().filter((x) => WORKING.has(x.status))) {
          const c = o.contract;
          await pushQuote({ underlying: c.underlying, kind: 'OPT', expiry: c.expiry, strike: c.strike, optionType: c.optionType as 'CE' | 'PE' });
        }
      },
      async close() {
        broker.close();
        await server.stop();
      },
    };
  };
}
