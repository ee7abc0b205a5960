import type { InstrumentId } from '@mcube/domain';
import { ContractQuotes } from '../../src/modules/data/market/contract-quotes';
import { LiveMarketData } from '../../src/modules/orders/live/live-market-data.service';
import { QuoteBoard } from '../orders/quote-board.fake';
import { startIciciLive, type IciciLiveHarness } from './icici-live-harness';

const PUT_24900: InstrumentId = { underlying: 'NIFTY', kind: 'OPT', expiry: '2026-08-25', strike: 24_900, optionType: 'PE' };

/**
 * Issue 13 (one instrument identity): a LIVE ICICI account's option is quoted by its
 * `InstrumentId` through Breeze's quotes endpoint, as a future is, not picked out of a whole
 * option chain. The configured source (a quote board) prices the same contract differently, so
 * each answer shows where it came from.
 */
describe('a LIVE ICICI option quote (local Breeze server)', () => {
  let h: IciciLiveHarness;
  let quotes: ContractQuotes;

  beforeEach(async () => {
    h = await startIciciLive();
    quotes = new ContractQuotes(new QuoteBoard().set('NIFTY-2026-08-25-24900-PE', { lastPrice: 1, bid: 0.95, ask: 1.05 }));
    new LiveMarketData(h.registry, h.kotak, h.live, quotes).onModuleInit();
  });
  afterEach(async () => h.close());

  it('on PAPER the configured source answers and ICICI is not asked', async () => {
    await expect(quotes.ofContract(PUT_24900, h.account.id)).resolves.toMatchObject({ lastPrice: 1 });
    expect(h.server.callsTo('quotes')).toHaveLength(0);
  });

  it('when LIVE, one signed quotes call names the contract (options, expiry, put, strike); no chain is fetched; the price is the same as ICICI\'s chain row of that strike', async () => {
    await h.goLive();
    const before = h.server.callsTo('quotes').length;
    const quote = await quotes.ofContract(PUT_24900, h.account.id);

    const calls = h.server.callsTo('quotes').slice(before);
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ checksum: 'VALID', body: expect.objectContaining({ stock_code: 'NIFTY', exchange_code: 'NFO', product_type: 'options', right: 'put', strike_price: '24900' }) });
    expect(h.server.callsTo('optionchain')).toHaveLength(0);
    const chain = await (await h.live.marketDataFor(h.account.id)).optionChain({ underlying: 'NIFTY', expiry: '2026-08-25' });
    const chainPut = chain.strikes.find((r) => r.strike === 24_900)?.put;
    expect(quote).toMatchObject({ symbol: 'NIFTY-2026-08-25-24900-PE', lastPrice: chainPut?.lastPrice, bid: chainPut?.bid, ask: chainPut?.ask });
    expect(quote.lastPrice).not.toBe(1);
  });

  it('when LIVE, a strike ICICI does not list is REJECTED (never the configured source\'s price)', async () => {
    await h.goLive();
    await expect(quotes.ofContract({ ...PUT_24900, strike: 99_000 }, h.account.id)).rejects.toMatchObject({ kind: 'REJECTED' });
  });
});
