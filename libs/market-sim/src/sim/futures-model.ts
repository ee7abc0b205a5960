/** Cost-of-carry fair value of a future: spot·e^{(r − q)·T}. */
export function fairFuturesPrice(spot: number, years: number, rate: number, dividendYield: number): number {
  return spot * Math.exp((rate - dividendYield) * years);
}
