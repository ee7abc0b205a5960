import { assertIsoDate, type IntentInstrument } from '@mcube/domain';

const CONTRACT_RE = /^([A-Z0-9&_-]+?)-(\d{4}-\d{2}-\d{2})-(?:(FUT)|(\d+(?:\.\d+)?)-(CE|PE))$/;

/**
 * The contract named by a quote symbol in mCube's contract notation ('NIFTY-2026-08-25-FUT',
 * 'NIFTY-2026-08-25-24500-CE', as the simulator and replay write them), or null for a stock or
 * index name.
 */
export function contractOfSymbol(symbol: string): IntentInstrument | null {
  const m = CONTRACT_RE.exec(symbol.trim().toUpperCase());
  if (!m) return null;
  const [, underlying, expiry, fut, strike, optionType] = m;
  assertIsoDate(expiry);
  if (fut) return { underlying, kind: 'FUT', expiry };
  return { underlying, kind: 'OPT', expiry, strike: Number(strike), optionType: optionType as 'CE' | 'PE' };
}
