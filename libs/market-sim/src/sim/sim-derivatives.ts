import { BrokerError, daysBetween, lotSizeFor, type CallPut, type FuturesQuote, type IsoDate, type OptionChainSnapshot } from '@mcube/domain';
import { listedOptionExpiries, listedStrikes } from '../instruments/instrument-master';
import { fairFuturesPrice } from './futures-model';
import type { MarketEngine } from './market-engine';
import { buildModelChain, yearsToExpiry } from './model-chain';
import { evolvingOpenInterest, optionVolume, targetOpenInterest } from './open-interest-profile';
import { hashLabel } from './prng';

const NIFTY = 'NIFTY';

/** NIFTY's close on the trading day before `date` (the reference for listed strikes), else the start level. */
export function referenceSpot(engine: MarketEngine, date: IsoDate): number {
  const cal = engine.cfg.calendar;
  const prev = date > engine.firstDate ? engine.niftyBars.lastDailyBars(cal.previousTradingDay(date), 1) : [];
  return prev.length > 0 ? prev[0].close : date > engine.session.date ? engine.nifty.last : engine.cfg.niftyStart;
}

function closeTimeOf(engine: MarketEngine, expiry: IsoDate): string {
  return engine.cfg.calendar.sessionFor(expiry)?.close ?? '15:30';
}

/** Whether `expiry` trades on the engine's day: listed today, or listed earlier and not yet expired. */
function isListedOption(engine: MarketEngine, expiry: IsoDate): boolean {
  const date = engine.session.date;
  for (const e of listedOptionExpiries({ calendar: engine.cfg.calendar, date })) engine.listedOptionExpiries.add(e);
  return engine.listedOptionExpiries.has(expiry) && expiry >= date;
}

/**
 * The option chain of a NIFTY expiry listed today (or listed before and still open: a contract
 * keeps its own expiry date), priced by the model with the skew, OI evolving through the day.
 */
export function simOptionChain(engine: MarketEngine, expiry: IsoDate, only?: number): OptionChainSnapshot {
  const date = engine.session.date;
  if (!isListedOption(engine, expiry)) {
    throw new BrokerError('REJECTED', `no NIFTY option expiry ${expiry} is listed on ${date}`);
  }
  const { cfg } = engine;
  const spot = engine.nifty.last;
  const prevSpot = engine.nifty.prevClose;
  const lotSize = lotSizeFor({ underlying: NIFTY, expiry });
  const dte = daysBetween(date, expiry);
  const prevDte = daysBetween(engine.cfg.calendar.previousTradingDay(date), expiry);
  const progress = engine.progress();
  const strikes = only !== undefined ? [only] : listedStrikes(referenceSpot(engine, date), 50, cfg.strikesEachSide);
  const activity = (strike: number, type: CallPut) => {
    const noise = hashLabel(`${cfg.seed}|${expiry}|${strike}|${type}`) / 4294967296;
    const previousClose = targetOpenInterest({ strike, spot: prevSpot, type, daysToExpiry: prevDte, lotSize, noise });
    const target = targetOpenInterest({ strike, spot, type, daysToExpiry: dte, lotSize, noise });
    const openInterest = evolvingOpenInterest({ previousClose, target, progress, lotSize });
    return { openInterest, openInterestChange: openInterest - previousClose, volume: optionVolume({ target, strike, spot, progress, lotSize }) };
  };
  return buildModelChain({
    underlying: NIFTY,
    expiry,
    spot: Math.round(spot * 100) / 100,
    asOfMs: engine.timeMs,
    years: yearsToExpiry(engine.timeMs, expiry, closeTimeOf(engine, expiry)),
    rate: cfg.rate,
    dividendYield: cfg.dividendYield,
    atmVol: engine.vix.last / 100,
    skew: cfg.skew,
    strikes,
    activity,
  });
}

/**
 * An index future's quote (NIFTY; BANKNIFTY on the NIFTY BANK sector level): the carry fair
 * value on the tick, and the contract's OI now and at the previous close from the index's
 * positioning and roll (`IndexFuturesOi`).
 */
export function simFuturesQuote(engine: MarketEngine, underlying: string, expiry: IsoDate): FuturesQuote {
  const name = underlying.trim().toUpperCase();
  const book = engine.indexFutures.find((f) => f.spec.underlying === name);
  if (!book) throw new BrokerError('REJECTED', `the simulator lists no futures of ${underlying}`);
  const oi = book.contract(expiry, engine.indexLogChange(book.spec), engine.progress());
  if (!oi) throw new BrokerError('REJECTED', `no ${name} future expiring ${expiry} is listed on ${engine.session.date}`);
  const { cfg } = engine;
  const level = engine.indexLevel(book.spec);
  const price = (s: number, atMs: number) => Math.round(fairFuturesPrice(s, yearsToExpiry(atMs, expiry, closeTimeOf(engine, expiry)), cfg.rate, cfg.dividendYield) * 20) / 20;
  const lastPrice = price(level.last, engine.timeMs);
  return {
    symbol: `${name}-${expiry}-FUT`,
    underlying: name,
    expiry,
    lastPrice,
    bid: lastPrice - 0.05,
    ask: lastPrice + 0.05,
    basis: Math.round((lastPrice - level.last) * 100) / 100,
    openInterest: oi.openInterest,
    previousOpenInterest: oi.previousClose,
    ...(name === NIFTY ? { volume: engine.nifty.volume } : {}),
    previousClose: price(level.prevClose, engine.session.openMs),
    asOfMs: engine.timeMs,
    source: 'MODELLED',
  };
}
