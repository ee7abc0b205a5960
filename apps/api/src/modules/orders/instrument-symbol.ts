import type { CommandInstrument } from '@mcube/domain';

/**
 * The symbol mCube stores an intent's order under: the caller's stored symbol when given (an
 * exit keeps its leg's), else a stable mCube symbol `<UNDERLYING><YYYYMMDD><STRIKE><CE|PE>` or
 * `<UNDERLYING><YYYYMMDD>FUT`, so orders, legs and executions of one contract always match.
 * mCube's own: never sent to a broker as the broker's symbol (the execution port takes the id).
 */
export function tradingSymbolOf(instrument: CommandInstrument): string {
  if (instrument.tradingSymbol) return instrument.tradingSymbol;
  const day = instrument.expiry.replace(/-/g, '');
  return instrument.kind === 'FUT' ? `${instrument.underlying}${day}FUT` : `${instrument.underlying}${day}${instrument.strike ?? ''}${instrument.optionType ?? ''}`;
}

/** CE, PE or FUT, as stored on orders and legs. */
export function instrumentTypeOf(instrument: CommandInstrument): 'CE' | 'PE' | 'FUT' {
  return instrument.kind === 'FUT' ? 'FUT' : (instrument.optionType ?? 'CE');
}
