import { addDays, DomainError, freezeQuantityFor, lotSizeFor, strikeIntervalFor, tickSize, type InstrumentMasterRecord, type IsoDate, type NseCalendar } from '@mcube/domain';
import { monthlyExpiriesBetween, weeklyExpiriesAhead } from '../calendar/calendar-helpers';
import { contractSymbol } from './contract-symbol';

/** What the instrument master of a day is built from. */
export interface InstrumentMasterInput {
  readonly calendar: NseCalendar;
  readonly date: IsoDate;
  /** The underlying's reference level (previous close): strikes are listed around it. */
  readonly referenceSpot: number;
  readonly underlying?: string;
  /** Strikes each side of the at-the-money strike (default 50). */
  readonly strikesEachSide?: number;
  /** Weekly expiries listed ahead (default 4) and monthly expiries (default 3). */
  readonly weeklies?: number;
  readonly monthlies?: number;
  /** Futures of other indices to list (near three monthly expiries each, no options), with each contract's lot size. */
  readonly indexFutures?: readonly { readonly underlying: string; lotSizeOf(expiry: IsoDate): number }[];
  /** Stock futures to list (near three monthly expiries each). */
  readonly stocks?: readonly { readonly symbol: string; readonly lotSize: number }[];
}

/**
 * The index option expiries listed on `date`: the next `weeklies` weekly expiries and the next
 * `monthlies` monthlies (on or after `date`), ascending and distinct; past the calendar's horizon
 * these are the dated rules' assumed dates. Throws what the calendar throws (a malformed date).
 */
export function listedOptionExpiries(input: { calendar: NseCalendar; date: IsoDate; underlying?: string; weeklies?: number; monthlies?: number }): IsoDate[] {
  const u = input.underlying ?? 'NIFTY';
  const weeklies = weeklyExpiriesAhead(input.calendar, u, input.date, 7 * (input.weeklies ?? 4) + 6).slice(0, input.weeklies ?? 4);
  const monthlies = monthlyExpiriesBetween(input.calendar, u, input.date, addDays(input.date, 31 * (input.monthlies ?? 3) + 6)).slice(0, input.monthlies ?? 3);
  return [...new Set([...weeklies, ...monthlies])].sort();
}

/** The monthly futures listed on `date` (near, next, far) for an index or 'STOCK'. */
export function listedFuturesExpiries(input: { calendar: NseCalendar; date: IsoDate; underlying?: string }): IsoDate[] {
  return monthlyExpiriesBetween(input.calendar, input.underlying ?? 'NIFTY', input.date, addDays(input.date, 100)).slice(0, 3);
}

/** The strikes listed around a reference level: ±`each` grid steps from the nearest grid strike. */
export function listedStrikes(referenceSpot: number, interval: number, each: number): number[] {
  if (!(referenceSpot > 0)) throw new DomainError('INVALID_ARGUMENT', `referenceSpot must be > 0, got ${referenceSpot}`);
  const atm = Math.round(referenceSpot / interval) * interval;
  const out: number[] = [];
  for (let i = -each; i <= each; i++) if (atm + i * interval > 0) out.push(atm + i * interval);
  return out;
}

/**
 * The contracts tradable on `date`: index futures (three monthlies), index options of the listed
 * weeklies and monthlies on the strike grid, other indices' futures, and stock futures; each with the lot size in force
 * for its expiry, the tick and the freeze quantity of the date. Throws INVALID_ARGUMENT when
 * `date` is not a trading day, and what the calendar and instrument rules throw.
 */
export function buildInstrumentMaster(input: InstrumentMasterInput): InstrumentMasterRecord[] {
  const { calendar, date } = input;
  const underlying = input.underlying ?? 'NIFTY';
  if (!calendar.isTradingDay(date)) throw new DomainError('INVALID_ARGUMENT', `${date} is not a trading day: nothing is listed`, { date });
  const tick = tickSize;
  const freezeQuantity = freezeQuantityFor({ underlying, date });
  const interval = strikeIntervalFor(underlying);
  const records: InstrumentMasterRecord[] = [];
  for (const expiry of listedFuturesExpiries({ calendar, date, underlying })) {
    const instrument = { underlying, kind: 'FUT' as const, expiry };
    records.push({ ...instrument, segment: 'NFO-FUT', tradingSymbol: contractSymbol(instrument), lotSize: lotSizeFor({ underlying, expiry }), tickSize: tick, freezeQuantity });
  }
  const strikes = listedStrikes(input.referenceSpot, interval, input.strikesEachSide ?? 50);
  for (const expiry of listedOptionExpiries({ calendar, date, underlying, weeklies: input.weeklies, monthlies: input.monthlies })) {
    const lotSize = lotSizeFor({ underlying, expiry });
    for (const strike of strikes) {
      for (const optionType of ['CE', 'PE'] as const) {
        const instrument = { underlying, kind: 'OPT' as const, expiry, strike, optionType };
        records.push({ ...instrument, segment: 'NFO-OPT', tradingSymbol: contractSymbol(instrument), lotSize, tickSize: tick, freezeQuantity });
      }
    }
  }
  for (const index of input.indexFutures ?? []) {
    for (const expiry of listedFuturesExpiries({ calendar, date, underlying: index.underlying })) {
      const instrument = { underlying: index.underlying, kind: 'FUT' as const, expiry };
      records.push({ ...instrument, segment: 'NFO-FUT', tradingSymbol: contractSymbol(instrument), lotSize: index.lotSizeOf(expiry), tickSize });
    }
  }
  const stockExpiries = (input.stocks ?? []).length > 0 ? listedFuturesExpiries({ calendar, date, underlying: 'STOCK' }) : [];
  for (const stock of input.stocks ?? []) {
    for (const expiry of stockExpiries) {
      const instrument = { underlying: stock.symbol, kind: 'FUT' as const, expiry };
      records.push({ ...instrument, segment: 'NFO-FUT', tradingSymbol: contractSymbol(instrument), lotSize: stock.lotSize, tickSize });
    }
  }
  return records;
}
