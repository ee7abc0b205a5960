import { istDateTimeOf, type MarketDataPort } from '@mcube/domain';
import { kotakStrangleFactory } from '../strategy/kotak-strangle.adapter';
import type { StrategyFactory, StrategyHost } from '../strategy/strategy-host';
import { runOnSharedData } from '../testing/shared-history';
import { lookaheadCheck, lookaheadCuts } from './lookahead-check';

const FROM = '2024-07-01';
const TO = '2024-07-31';

/** Every method of `market`, bound, with `globalCues` replaced. */
function withCues(market: MarketDataPort, globalCues: MarketDataPort['globalCues']): MarketDataPort {
  return {
    quote: (s) => market.quote(s),
    futuresQuote: (r) => market.futuresQuote(r),
    optionChain: (r) => market.optionChain(r),
    historyBars: (r) => market.historyBars(r),
    vix: () => market.vix(),
    globalCues,
    sectorPerformance: (d) => market.sectorPerformance(d),
    liquidFnoStocks: (r) => market.liquidFnoStocks(r),
    economicEvents: (r) => market.economicEvents(r),
    instruments: (d) => market.instruments(d),
  };
}

/**
 * The real strangle, except that its GIFT Nifty figure is taken from TODAY's close against
 * yesterday's, read straight from the raw history: at 10:00 that close does not exist yet.
 */
const leakyStrangle: StrategyFactory = (host: StrategyHost) => {
  const { factory } = kotakStrangleFactory();
  const daily = host.history.niftyDaily;
  return factory({
    ...host,
    market: withCues(host.market, async () => {
      const cues = await host.market.globalCues();
      const i = daily.indexOf(istDateTimeOf(host.clock.nowMs()).date);
      return i < 1 ? cues : { ...cues, giftNiftyChangePct: Math.round((daily.close[i] / daily.close[i - 1] - 1) * 10_000) / 100 };
    }),
  });
};

async function check(factory?: StrategyFactory) {
  const full = await runOnSharedData({ from: FROM, to: TO, factory, keepFullDecisions: true });
  const cutsMs = lookaheadCuts(full.days, 4);
  return lookaheadCheck({ full, cutsMs, runTo: (endMs) => runOnSharedData({ from: FROM, to: TO, factory, keepFullDecisions: true, endMs }) });
}

describe('look-ahead check (runs ended at earlier cuts must agree with the full run)', () => {
  it('passes the real strategy: every decision and trade before each cut is identical', async () => {
    const result = await check();
    expect(result.cuts).toHaveLength(4);
    expect(result.cuts.every((c) => c.differences.length === 0)).toBe(true);
    expect(result.ok).toBe(true);
    // It really compared something: decisions before every cut, trades before the later ones.
    expect(result.cuts.every((c) => c.decisionsCompared > 0)).toBe(true);
    expect(result.cuts[result.cuts.length - 1].tradesCompared).toBeGreaterThan(0);
  }, 180_000);

  it('catches a variant that reads the day\'s close at 10:00, naming the decision', async () => {
    const result = await check(leakyStrangle);
    expect(result.ok).toBe(false);
    const first = result.cuts.flatMap((c) => c.differences.map((d) => ({ cut: c.cutAt, ...d })))[0];
    expect(first.what).toBe('DECISION');
    // The first decision that differs is the cut day's 10:00 evaluation.
    expect(first.name).toMatch(new RegExp(`^${first.cut.slice(0, 10)} 10:00 `));
    // …and shows where the two records part: the GIFT figure the leak read from the future.
    expect(first.full).toMatch(/giftNiftyChangePct/);
  }, 180_000);
});
