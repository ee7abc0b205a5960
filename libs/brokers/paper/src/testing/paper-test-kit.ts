import { epochMsOfIst, FixedClock, type BrokerInstrument, type BrokerOrderUpdate, type PlaceOrderRequest } from '@mcube/domain';
import { simContractSymbolOf } from '../contract-rules';
import { InMemoryPaperBookStore } from '../in-memory-paper-book.store';
import type { PaperBookStore } from '../paper-book-store.port';
import type { PaperBrokerConfig } from '../paper-broker.config';
import { PaperExecutionClient } from '../paper.execution-client';
import { ScriptedMarket } from './scripted-market.fake';

/** A NIFTY weekly expiry (Tuesday) with lot size 65. */
export const EXPIRY = '2026-08-25';
/** A trading day before that expiry (Thursday). */
export const TRADE_DAY = '2026-08-20';
/** NIFTY lot size of the EXPIRY contracts. */
export const LOT = 65;

/** The 25,000 call of EXPIRY. */
export const CALL: BrokerInstrument = { underlying: 'NIFTY', kind: 'OPT', expiry: EXPIRY, strike: 25000, optionType: 'CE', segment: 'NFO-OPT' };
/** The 24,000 put of EXPIRY. */
export const PUT: BrokerInstrument = { underlying: 'NIFTY', kind: 'OPT', expiry: EXPIRY, strike: 24000, optionType: 'PE', segment: 'NFO-OPT' };
/** The NIFTY future of EXPIRY (a monthly would be realistic; the paper broker does not care). */
export const FUT: BrokerInstrument = { underlying: 'NIFTY', kind: 'FUT', expiry: EXPIRY, segment: 'NFO-FUT' };

/** Quote symbol of an instrument as the paper broker asks for it. */
export const sym = (instrument: BrokerInstrument): string => simContractSymbolOf(instrument);

let seq = 0;
/** A valid one-lot BUY DAY order of CALL at ₹100, each with a fresh tag unless given. */
export function orderRequest(overrides: Partial<PlaceOrderRequest> = {}): PlaceOrderRequest {
  seq += 1;
  return {
    clientOrderId: `c-${seq}`,
    accountId: 'paper-1',
    instrument: CALL,
    side: 'BUY',
    quantity: LOT,
    limitPrice: 100,
    product: 'NRML',
    validity: 'DAY',
    ...overrides,
  };
}

/** A store that counts saves and can be told to fail the next one. */
export class CountingStore implements PaperBookStore {
  saves = 0;
  failNext = false;
  constructor(readonly inner: PaperBookStore = new InMemoryPaperBookStore()) {}
  load(): ReturnType<PaperBookStore['load']> {
    return this.inner.load();
  }
  async save(change: Parameters<PaperBookStore['save']>[0]): Promise<void> {
    if (this.failNext) {
      this.failNext = false;
      throw new Error('disk full');
    }
    this.saves += 1;
    await this.inner.save(change);
  }
}

/** Everything a paper-broker test needs: client, scripted market, fixed clock, counting store, captured updates. */
export interface PaperKit {
  readonly client: PaperExecutionClient;
  readonly market: ScriptedMarket;
  readonly clock: FixedClock;
  readonly store: CountingStore;
  readonly updates: BrokerOrderUpdate[];
}

/**
 * A paper client on TRADE_DAY 10:00 IST (or `at`), capital ₹10 lakh unless configured,
 * NIFTY spot 24,500, over `store` (a fresh one by default).
 */
export async function paperKit(options: { config?: Partial<PaperBrokerConfig>; store?: CountingStore; at?: { date: string; time: string }; market?: ScriptedMarket; clock?: FixedClock; sleep?: (ms: number) => Promise<void> } = {}): Promise<PaperKit> {
  const clock = options.clock ?? new FixedClock(epochMsOfIst(options.at?.date ?? TRADE_DAY, options.at?.time ?? '10:00:00'));
  const market = options.market ?? new ScriptedMarket().set('NIFTY 50', { lastPrice: 24500 });
  const store = options.store ?? new CountingStore();
  const client = await PaperExecutionClient.create({ config: { capitalPaise: 10_00_000_00, ...options.config }, clock, marketData: market, store, sleep: options.sleep });
  const updates: BrokerOrderUpdate[] = [];
  client.subscribeOrderUpdates((u) => updates.push(u));
  return { client, market, clock, store, updates };
}

/** The BrokerError kind a promise rejects with (fails the test if it resolves). */
export async function rejectionKind(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return (error as { name?: string; kind?: string }).name === 'BrokerError' ? String((error as { kind: string }).kind) : `not a BrokerError: ${String(error)}`;
  }
  throw new Error('expected a rejection, but the promise resolved');
}
