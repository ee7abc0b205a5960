/**
 * The part of `trading-signals` 7.4.3 this library uses. The package ships its types only under
 * `exports` (`dist/index.d.cts`), which the workspace's `node` module resolution does not read, so
 * they are declared here (checked at run time by the technicals specs). Keep in step with the
 * pinned version.
 */
declare module 'trading-signals' {
  export class EMA {
    constructor(interval: number);
    add(price: number): number | null;
    readonly isStable: boolean;
  }
  export interface MACDResult {
    histogram: number;
    macd: number;
    signal: number;
  }
  export class MACD {
    constructor(short: EMA, long: EMA, signal: EMA);
    add(price: number): MACDResult | null;
  }
  export class RSI {
    constructor(interval: number);
    add(price: number): number | null;
  }
  export class BollingerBands {
    constructor(interval: number, deviationMultiplier?: number);
    add(price: number): { lower: number; middle: number; upper: number } | null;
  }
  export class ATR {
    constructor(interval: number);
    add(candle: { high: number; low: number; close: number }): number | null;
  }
}
