// The package declares its types only under `exports`, which this workspace's `node` resolution cannot read.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- pulls the declaration wherever this file is compiled
/// <reference path="../types/trading-signals.d.ts" />
import { ema, type FuturesDirection, type PriceBar, type TradeIdeaTechnicals } from '@mcube/domain';
import { ATR, BollingerBands, EMA, MACD, RSI } from 'trading-signals';

/** Indicator periods (stored settings). */
export interface TechnicalSettings {
  readonly rsiPeriod: number;
  readonly emaFastPeriod: number;
  readonly emaSlowPeriod: number;
  readonly macdFastPeriod: number;
  readonly macdSlowPeriod: number;
  readonly macdSignalPeriod: number;
  readonly bollingerPeriod: number;
  readonly bollingerStdDev: number;
  readonly atrPeriod: number;
  readonly volumeAveragePeriod: number;
  readonly supportResistanceSessions: number;
}

/** The technical readings plus the bar they end on and the support/resistance levels behind the distances. */
export interface TechnicalReadings extends TradeIdeaTechnicals {
  readonly lastDate: string;
  readonly lastClose: number;
  readonly bars: number;
  readonly support: number | null;
  readonly resistance: number | null;
}

const last = <T>(values: readonly (T | null)[]): T | null => (values.length > 0 ? values[values.length - 1] : null);

/**
 * Technicals of completed daily bars (oldest first), ending at the last bar's close.
 * RSI (Wilder), MACD, Bollinger Bands and ATR (Wilder) come from `trading-signals`; the EMA
 * trend uses the domain's `ema`, seeded with the SMA of the first period as charting platforms
 * do (trading-signals seeds its EMA with the first price, so its early values differ).
 * Support / resistance: the lowest low / highest high of the `supportResistanceSessions`
 * sessions before the last one; a level the last close has already broken is no level (null).
 * A reading without enough bars is null.
 */
export function computeTechnicals(bars: readonly PriceBar[], s: TechnicalSettings): TechnicalReadings | null {
  if (bars.length === 0) return null;
  const closes = bars.map((b) => b.close);
  const close = closes[closes.length - 1];
  const rsi = new RSI(s.rsiPeriod);
  const macd = new MACD(new EMA(s.macdFastPeriod), new EMA(s.macdSlowPeriod), new EMA(s.macdSignalPeriod));
  const bands = new BollingerBands(s.bollingerPeriod, s.bollingerStdDev);
  const atr = new ATR(s.atrPeriod);
  let rsiValue: number | null = null;
  let macdValue: { macd: number; signal: number; histogram: number } | null = null;
  let band: { upper: number; middle: number; lower: number } | null = null;
  let atrValue: number | null = null;
  for (const b of bars) {
    rsiValue = rsi.add(b.close);
    macdValue = macd.add(b.close);
    band = bands.add(b.close);
    atrValue = atr.add({ high: b.high, low: b.low, close: b.close });
  }
  // The MACD result exists once the slow EMA has its period; its signal line needs `macdSignalPeriod` more.
  const macdReady = bars.length >= s.macdSlowPeriod + s.macdSignalPeriod - 1 && macdValue !== null;
  const emaFast = last(ema(closes, s.emaFastPeriod));
  const emaSlow = last(ema(closes, s.emaSlowPeriod));
  const emaTrend = emaFast === null || emaSlow === null ? 'FLAT' : close > emaFast && emaFast > emaSlow ? 'UP' : close < emaFast && emaFast < emaSlow ? 'DOWN' : 'FLAT';
  const volumes = bars.slice(-s.volumeAveragePeriod - 1, -1).map((b) => b.volume);
  const volumeAvg = volumes.length === s.volumeAveragePeriod ? volumes.reduce((a, v) => a + v, 0) / volumes.length : 0;
  const window = bars.slice(-s.supportResistanceSessions - 1, -1);
  const enoughForLevels = window.length === s.supportResistanceSessions;
  const lowest = enoughForLevels ? Math.min(...window.map((b) => b.low)) : null;
  const highest = enoughForLevels ? Math.max(...window.map((b) => b.high)) : null;
  const support = lowest !== null && lowest < close ? lowest : null;
  const resistance = highest !== null && highest > close ? highest : null;
  return {
    lastDate: bars[bars.length - 1].date,
    lastClose: close,
    bars: bars.length,
    rsi: rsiValue,
    emaFast,
    emaSlow,
    emaTrend,
    macd: macdReady && macdValue ? { macd: macdValue.macd, signal: macdValue.signal, histogram: macdValue.histogram } : null,
    bollinger: band ? { ...band, percentB: band.upper > band.lower ? (close - band.lower) / (band.upper - band.lower) : 0.5 } : null,
    atrPct: atrValue === null ? null : (atrValue / close) * 100,
    volumeRatio: volumeAvg > 0 ? bars[bars.length - 1].volume / volumeAvg : null,
    support,
    resistance,
    supportDistancePct: support === null ? null : ((close - support) / close) * 100,
    resistanceDistancePct: resistance === null ? null : ((resistance - close) / close) * 100,
  };
}

/**
 * The trend component: the EMA trend on the trade's side and, when `requireMacd`, the MACD
 * histogram too (above 0 for a LONG, below for a SHORT).
 */
export function trendAligned(t: TradeIdeaTechnicals, direction: FuturesDirection, requireMacd: boolean): boolean {
  const long = direction === 'LONG';
  if (t.emaTrend !== (long ? 'UP' : 'DOWN')) return false;
  if (!requireMacd) return true;
  return t.macd !== null && (long ? t.macd.histogram > 0 : t.macd.histogram < 0);
}

/** Room to the next level in the trade's direction is at least the target distance (percent); no level ahead counts as room. */
export function roomToLevel(t: TradeIdeaTechnicals, direction: FuturesDirection, targetPct: number): boolean {
  const distance = direction === 'LONG' ? t.resistanceDistancePct : t.supportDistancePct;
  return distance === null || distance >= targetPct;
}
