import { DomainError } from '../errors/domain-error';
import { assertIsoDate } from '../time/ist-date';
import { instrumentKeyText, type InstrumentId } from './instrument-id';

/**
 * The simulator's, replay's and backtest engine's symbol of a contract: the canonical
 * `instrumentKey` text ('NIFTY-2026-08-25-FUT', 'NIFTY-2026-08-25-24500-CE'), unchecked, as the
 * sources have always written it. New code uses `instrumentKey`.
 */
export function contractSymbol(instrument: InstrumentId): string {
  return instrumentKeyText(instrument);
}

const SYMBOL_RE = /^([A-Z0-9&_-]+?)-(\d{4}-\d{2}-\d{2})-(?:(FUT)|(\d+(?:\.\d+)?)-(CE|PE))$/;

/**
 * The contract of a symbol written by `contractSymbol`, or null when `symbol` is not a contract
 * symbol (an index or a stock): the sources' lenient reading of a quote name. Throws
 * INVALID_DATE for a contract symbol with an impossible date. `parseInstrumentKey` is the strict one.
 */
export function parseContractSymbol(symbol: string): InstrumentId | null {
  const m = SYMBOL_RE.exec(symbol);
  if (!m) return null;
  const [, underlying, expiry, fut, strike, optionType] = m;
  assertIsoDate(expiry);
  if (fut) return { underlying, kind: 'FUT', expiry };
  const k = Number(strike);
  if (!(k > 0)) throw new DomainError('INVALID_ARGUMENT', `bad strike in ${symbol}`, { symbol });
  return { underlying, kind: 'OPT', expiry, strike: k, optionType: optionType as 'CE' | 'PE' };
}
