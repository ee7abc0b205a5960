import type { MarketDataPort } from '@mcube/domain';
import { KotakNeoError } from './errors/kotak-neo.error';
import { KOTAK_TEST_DAY, kotakNeoTestKit, neoFixture, type KotakNeoTestKit } from './testing';

async function failure(p: Promise<unknown>): Promise<KotakNeoError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof KotakNeoError) return e;
    throw e;
  }
  throw new Error('resolved instead of failing');
}

describe('Kotak market data for live mode (quotes endpoint, polled)', () => {
  let kit: KotakNeoTestKit;
  afterEach(async () => kit.close());
  const md = (): KotakNeoTestKit['broker']['marketData'] => kit.broker.marketData;

  it('quotes NIFTY spot by index name with the consumer key only, on the session host', async () => {
    kit = await kotakNeoTestKit();
    kit.server.setQuote('Nifty 50', { ltp: 24587.35, close: 24632.45 });
    await expect(md().quote('NIFTY 50')).resolves.toEqual({ symbol: 'NIFTY 50', lastPrice: 24587.35, previousClose: 24632.45, volume: 0, openInterest: 0, asOfMs: kit.clock.nowMs() });
    const [req] = kit.server.requests('quotes');
    expect(req.path).toBe('/script-details/1.0/quotes/neosymbol/nse_cm|Nifty%2050/all');
    expect(req.host).toBe('trade');
    expect(req.headers['authorization']).toBe(kit.server.account.consumerKey);
    expect(req.headers['auth']).toBeUndefined();
  });

  it('quotes India VIX', async () => {
    kit = await kotakNeoTestKit();
    kit.server.setQuote('India VIX', { ltp: 13.45 });
    await expect(md().vix()).resolves.toEqual({ value: 13.45, asOfMs: kit.clock.nowMs() });
  });

  it('quotes an option by Kotak’s symbol or mCube’s, with LTP, best bid/ask, OI and volume', async () => {
    kit = await kotakNeoTestKit();
    kit.server.setQuote('NIFTY26AUG24500CE', { ltp: 120.5, bid: 120.4, ask: 120.55, openInterest: 11_234_500, volume: 30_043_533, close: 128.9 });
    const q = await md().quote('NIFTY26AUG24500CE');
    expect(q).toEqual({ symbol: 'NIFTY26AUG24500CE', lastPrice: 120.5, bid: 120.4, ask: 120.55, openInterest: 11_234_500, volume: 30_043_533, previousClose: 128.9, asOfMs: kit.clock.nowMs() });
    kit.clock.advance(5_000);
    expect((await md().quote('NIFTY2026082524500CE')).lastPrice).toBe(120.5);
    expect(kit.server.requests('quotes').map((r) => r.path)).toEqual([
      '/script-details/1.0/quotes/neosymbol/nse_fo|35128/all',
      '/script-details/1.0/quotes/neosymbol/nse_fo|35128/all',
    ]);
  });

  it('quotes a contract by its InstrumentId, mapped to its Kotak token through the master', async () => {
    kit = await kotakNeoTestKit();
    kit.server.setQuote('NIFTY26AUG24500CE', { ltp: 120.5, bid: 120.4, ask: 120.55, openInterest: 11_234_500, volume: 30_043_533, close: 128.9 });
    const q = await md().quote({ underlying: 'NIFTY', kind: 'OPT', expiry: '2026-08-25', strike: 24500, optionType: 'CE' });
    expect(q).toMatchObject({ symbol: 'NIFTY26AUG24500CE', lastPrice: 120.5, bid: 120.4, ask: 120.55 });
    expect(kit.server.requests('quotes').map((r) => r.path)).toEqual(['/script-details/1.0/quotes/neosymbol/nse_fo|35128/all']);
    const unlisted = await failure(md().quote({ underlying: 'NIFTY', kind: 'OPT', expiry: '2026-08-25', strike: 24510, optionType: 'CE' }));
    expect([unlisted.kind, unlisted.reason]).toEqual(['REJECTED', 'NOT_IN_MASTER']);
    expect(kit.server.requests('quotes')).toHaveLength(1);
  });

  it('serves a quote younger than the TTL from memory and polls again after it', async () => {
    kit = await kotakNeoTestKit();
    kit.server.setQuote('Nifty 50', { ltp: 24587.35 });
    await md().quote('NIFTY 50');
    kit.clock.advance(500);
    await md().quote('NIFTY');
    expect(kit.server.requests('quotes')).toHaveLength(1);
    kit.clock.advance(600);
    kit.server.setQuote('Nifty 50', { ltp: 24590 });
    expect((await md().quote('NIFTY 50')).lastPrice).toBe(24590);
    expect(kit.server.requests('quotes')).toHaveLength(2);
  });

  it('keeps within the call budget: the next call waits for a token', async () => {
    kit = await kotakNeoTestKit();
    const limited = kit.newBroker({ marketData: { polling: { maxCallsPerSecond: 2, ttlMs: 1 } } });
    await limited.login();
    await limited.refreshMaster(KOTAK_TEST_DAY);
    const before = kit.slept.length;
    for (const symbol of ['NIFTY 50', 'INDIA VIX', 'NIFTY BANK']) await limited.marketData.quote(symbol);
    expect(kit.slept.slice(before)).toEqual([1_000]);
  });

  it('quotes a future with its basis to spot in one call', async () => {
    kit = await kotakNeoTestKit();
    kit.server.setQuote('Nifty 50', { ltp: 24587.35 });
    kit.server.setQuote('NIFTY26AUGFUT', { ltp: 24650, openInterest: 1_300_000 });
    const f = await md().futuresQuote({ underlying: 'NIFTY', expiry: '2026-08-25' });
    expect(f).toMatchObject({ symbol: 'NIFTY26AUGFUT', underlying: 'NIFTY', expiry: '2026-08-25', lastPrice: 24650, basis: 62.65, openInterest: 1_300_000, source: 'REAL' });
    expect(kit.server.requests('quotes').map((r) => r.path)).toEqual(['/script-details/1.0/quotes/neosymbol/nse_fo|35001,nse_cm|Nifty%2050/all']);
  });

  it('builds the option chain around spot from the master’s strikes, both sides REAL, in batches', async () => {
    kit = await kotakNeoTestKit();
    const broker = kit.newBroker({ marketData: { polling: { batchSize: 8, maxCallsPerSecond: 10 }, chainStrikeRangePct: 1 } });
    await broker.login();
    await broker.refreshMaster(KOTAK_TEST_DAY);
    kit.server.setQuote('Nifty 50', { ltp: 24587.35 });
    kit.server.setQuote('NIFTY2681124550CE', { ltp: 95.5, bid: 95.4, ask: 95.6, openInterest: 650_000 });
    const chain = await broker.marketData.optionChain({ underlying: 'NIFTY', expiry: '2026-08-11' });
    expect(chain.spot).toBe(24587.35);
    expect(chain.strikes.map((s) => s.strike)).toEqual([24350, 24400, 24450, 24500, 24550, 24600, 24650, 24700, 24750, 24800]);
    const row = chain.strikes.find((s) => s.strike === 24550);
    expect(row?.call).toEqual({ lastPrice: 95.5, source: 'REAL', bid: 95.4, ask: 95.6, volume: 0, openInterest: 650_000 });
    expect(row?.put).toMatchObject({ lastPrice: 0, source: 'REAL' });
    expect(chain.strikes.every((s) => s.call && s.put)).toBe(true);
    expect(kit.server.requests('quotes')).toHaveLength(1 + Math.ceil(20 / 8));
  });

  it('refuses an unknown symbol without calling, and passes on Kotak’s 1009 for an invalid one', async () => {
    kit = await kotakNeoTestKit();
    const unknown = await failure(md().quote('SENSEX 30'));
    expect([unknown.kind, unknown.reason]).toEqual(['REJECTED', 'INVALID_INSTRUMENT']);
    expect(kit.server.requests('quotes')).toEqual([]);
    kit.server.inject('quotes', { type: 'RESPOND', status: 200, body: neoFixture('quotes.invalid-instrument') });
    const invalid = await failure(md().quote('NIFTY 50'));
    expect([invalid.kind, invalid.reason, invalid.neoCode]).toEqual(['REJECTED', 'INVALID_INSTRUMENT', '1009']);
  });

  it('offers no history, cues, sectors, stock lists or events itself, and hands them to a fallback when given', async () => {
    kit = await kotakNeoTestKit();
    const none = await failure(md().historyBars({ symbol: 'NIFTY 50', interval: '1d', from: '2026-08-03', to: '2026-08-07' }));
    expect([none.kind, none.reason]).toEqual(['REJECTED', 'NOT_OFFERED']);
    expect((await failure(md().globalCues())).reason).toBe('NOT_OFFERED');
    const bars = [{ date: '2026-08-07', open: 1, high: 2, low: 0.5, close: 1.5, volume: 10 }];
    const fallback = { historyBars: async () => bars } as unknown as MarketDataPort;
    const withFallback = kit.newBroker({ marketData: { fallback } });
    await expect(withFallback.marketData.historyBars({ symbol: 'NIFTY 50', interval: '1d', from: '2026-08-03', to: '2026-08-07' })).resolves.toBe(bars);
  });

  it('lists the contracts of the loaded master for its own day only', async () => {
    kit = await kotakNeoTestKit();
    const records = await md().instruments(KOTAK_TEST_DAY);
    expect(records).toHaveLength(271);
    expect(records.find((r) => r.tradingSymbol === 'NIFTY26AUG24500CE')).toEqual({
      underlying: 'NIFTY',
      kind: 'OPT',
      expiry: '2026-08-25',
      strike: 24500,
      optionType: 'CE',
      segment: 'NFO-OPT',
      tradingSymbol: 'NIFTY26AUG24500CE',
      instrumentToken: '35128',
      lotSize: 65,
      tickSize: 0.05,
      freezeQuantity: 1800,
    });
    expect((await failure(md().instruments('2026-08-11'))).reason).toBe('NOT_IN_MASTER');
  });

  it('quotes from the login host before any login (quotes need no session)', async () => {
    kit = await kotakNeoTestKit({ login: false });
    kit.server.setQuote('Nifty 50', { ltp: 24587.35 });
    await md().quote('NIFTY 50');
    expect(kit.server.requests('quotes')[0].host).toBe('login');
    expect(kit.server.loginAttempts()).toEqual([]);
  });
});
