import { CHARGE_RATE_SETS, NSE_CALENDAR_COVERAGE, type IsoDate } from '@mcube/domain';
import { BacktestInputError } from '../backtest-input-error';
import type { MarketHistory } from '../data/market-history';

/** Completed daily closes a run needs before its first day (the strangle's Bollinger band needs 20). */
export const WARM_UP_CLOSES = 30;

const out = (why: string) => new BacktestInputError('DATE_OUT_OF_RANGE', why);

/** Checks [from, to] against the dated cost model and the NSE calendar. Throws BacktestInputError DATE_OUT_OF_RANGE. */
export function checkCoverage(from: IsoDate, to: IsoDate): void {
  const costsFrom = CHARGE_RATE_SETS[0].effectiveFrom;
  if (from < costsFrom) throw out(`--from ${from} is before the dated cost model begins (${costsFrom})`);
  if (from < NSE_CALENDAR_COVERAGE.from || to > NSE_CALENDAR_COVERAGE.to) throw out(`${from} … ${to} is outside the NSE calendar's coverage (${NSE_CALENDAR_COVERAGE.from} … ${NSE_CALENDAR_COVERAGE.to})`);
}

/**
 * Checks that [from, to] is inside what the data, the calendar and the dated cost model
 * cover. Throws BacktestInputError DATE_OUT_OF_RANGE naming the bound.
 */
export function checkRunRange(history: MarketHistory, from: IsoDate, to: IsoDate): void {
  checkCoverage(from, to);
  if (to > history.lastDate) throw out(`--to ${to} is after the data's last day (${history.lastDate} in ${history.folder})`);
  const warm = history.niftyDaily.lastIndexBefore(from) + 1;
  if (warm < WARM_UP_CLOSES) throw out(`--from ${from} leaves ${warm} NIFTY closes before it; the strategy needs ${WARM_UP_CLOSES} (data from ${history.firstDate})`);
  if (history.vixDaily.lastIndexBefore(from) < 0) throw out(`the data has no India VIX before ${from} (VIX from ${history.vixDaily.dates[0]})`);
}
