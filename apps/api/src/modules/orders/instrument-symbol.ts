import { instrumentIdOf, instrumentKeyText, type CommandInstrument } from '@mcube/domain';

/**
 * The symbol mCube stores an intent's order under: the caller's stored symbol when given (an
 * exit keeps its leg's, so it still closes that leg), else the contract's canonical instrument
 * key (`NIFTY-2026-08-25-24500-CE`, `NIFTY-2026-08-25-FUT`, domain `instrumentKey`), so orders,
 * legs and executions of one contract always match. Rows stored before issue 13 under mCube's
 * older `NIFTY2026082524500CE` were rewritten to the key by the InstrumentKeySymbols migration.
 * mCube's own: never sent to a broker as the broker's symbol (the execution port takes the id).
 * The key's text is written unchecked here: the order path validates the contract elsewhere,
 * and a malformed one must still be journaled (and denied) rather than throw.
 */
export function tradingSymbolOf(instrument: CommandInstrument): string {
  if (instrument.tradingSymbol) return instrument.tradingSymbol;
  return instrumentKeyText(instrumentIdOf(instrument));
}

/** CE, PE or FUT, as stored on orders and legs. */
export function instrumentTypeOf(instrument: CommandInstrument): 'CE' | 'PE' | 'FUT' {
  return instrument.kind === 'FUT' ? 'FUT' : (instrument.optionType ?? 'CE');
}
