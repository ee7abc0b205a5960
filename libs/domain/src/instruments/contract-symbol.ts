import { DomainError } from '../errors/domain-error';
import type { IntentInstrument } from '../risk/order-intent';
import { assertIsoDate } from '../time/ist-date';

/**
 * The simulator's, replay's and backtest engine's key of a contract (kept in the domain so that
 * the API can name a backtest's legs without importing the simulator): 'NIFTY-2026-08-25-FUT' or
 * 'NIFTY-2026-08-25-24500-CE'. Readable, sortable, and parsed back by `parseContractSymbol`.
 */
export function contractSymbol(instrument: IntentInstrument): string {
  const base = `${instrument.underlying}-${instrument.expiry}`;
  if (instrument.kind === 'FUT') return `${base}-FUT`;
  return `${base}-${instrument.strike}-${instrument.optionType}`;
}

const SYMBOL_RE = /^([A-Z0-9&_-]+?)-(\d{4}-\d{2}-\d{2})-(?:(FUT)|(\d+(?:\.\d+)?)-(CE|PE))$/;

/**
 * The contract of a symbol written by `contractSymbol`, or null when `symbol` is not a contract
 * symbol (an index or a stock). Throws INVALID_DATE for a contract symbol with an impossible date.
 */
export function parseContractSymbol(symbol: string): IntentInstrument | null {
  const m = SYMBOL_RE.exec(symbol);
  if (!m) return null;
  const [, underlying, expiry, fut, strike, optionType] = m;
  assertIsoDate(expiry);
  if (fut) return { underlying, kind: 'FUT', expiry };
  const k = Number(strike);
  if (!(k > 0)) throw new DomainError('INVALID_ARGUMENT', `bad strike in ${symbol}`, { symbol });
  return { underlying, kind: 'OPT', expiry, strike: k, optionType: optionType as 'CE' | 'PE' };
}
