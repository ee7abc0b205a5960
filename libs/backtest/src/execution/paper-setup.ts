import { BROKERAGE_DEFAULTS, type Clock, type MarketDataPort } from '@mcube/domain';
import { nseContractRules, PaperExecutionClient, type ContractRulesLookup, type PaperBookChange, type PaperBookSnapshot, type PaperBookStore } from '@mcube/brokers-paper';

/**
 * A paper book store that keeps what it is given by reference: the backtest is its only
 * writer and never changes a saved object, so the defensive copies of the in-memory store
 * (a database's behaviour) are not needed. Refuses a repeated trade id, as the port requires.
 */
export class BacktestPaperBookStore implements PaperBookStore {
  private readonly tradeIds = new Set<string>();

  async load(): Promise<PaperBookSnapshot> {
    return { orders: [], trades: [], positions: [], counters: { orders: 0, trades: 0 } };
  }

  async save(change: PaperBookChange): Promise<void> {
    const repeated = change.trades.find((t) => this.tradeIds.has(t.tradeId));
    if (repeated) throw new Error(`trade ${repeated.tradeId} is already stored`);
    for (const t of change.trades) this.tradeIds.add(t.tradeId);
  }
}

/** The NSE contract rules, remembered per contract and trade date (asked on every match pass). */
function memoRules(rules: ContractRulesLookup): ContractRulesLookup {
  const cache = new Map<string, ReturnType<ContractRulesLookup>>();
  return (instrument, tradeDate) => {
    const key = `${instrument.underlying}|${instrument.kind}|${instrument.expiry}|${instrument.strike ?? ''}|${instrument.optionType ?? ''}|${tradeDate}`;
    let r = cache.get(key);
    if (!r) {
      r = rules(instrument, tradeDate);
      cache.set(key, r);
    }
    return r;
  };
}

/** The backtest's paper broker: Kotak brokerage, FIXED slippage, NSE contract rules, LIMIT fills at the touch. */
export function createBacktestPaperClient(input: { capitalPaise: number; slippageTicks: number; clock: Clock; market: MarketDataPort }): Promise<PaperExecutionClient> {
  return PaperExecutionClient.create({
    config: { capitalPaise: input.capitalPaise, accountId: 'KOTAK', brokerage: BROKERAGE_DEFAULTS.KOTAK, slippage: { kind: 'FIXED', ticks: input.slippageTicks }, contractRules: memoRules(nseContractRules) },
    clock: input.clock,
    marketData: input.market,
    store: new BacktestPaperBookStore(),
  });
}
