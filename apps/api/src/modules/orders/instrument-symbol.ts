import type { CommandInstrument } from '@mcube/domain';

/**
 * The trading symbol of an intent's contract: the caller's (broker) symbol when given,
 * else a stable mCube symbol `<UNDERLYING><YYYYMMDD><STRIKE><CE|PE>` or `<UNDERLYING><YYYYMMDD>FUT`,
 * so orders, legs and executions of one contract always match.
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
