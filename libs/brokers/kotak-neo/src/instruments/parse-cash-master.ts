import { parseCsv } from './csv-table';
import type { KotakCashInstrument } from './kotak-contract';
import { columnsOf, decimalOf, masterInvalid, wholeOf } from './master-columns';

const FILE = 'nse_cm.csv';
// `dStrikePrice;` is named with its semicolon in this file; it must be there even though cash rows carry -1.
const REQUIRED = ['pSymbol', 'pExchSeg', 'pSymbolName', 'pTrdSymbol', 'pGroup', 'pISIN', 'lLotSize', 'dTickSize', 'dStrikePrice'];

/**
 * Parses Kotak's NSE cash master (`nse_cm-v1.csv`): equities and indices. Every row must
 * have a numeric token, a trading symbol, a lot ≥ 1 (indices may carry 0 or -1) and a tick;
 * one bad row refuses the file. Empty → error.
 */
export function parseCashMaster(text: string): readonly KotakCashInstrument[] {
  let table;
  try {
    table = parseCsv(text);
  } catch (error) {
    throw masterInvalid(FILE, (error as Error).message);
  }
  const col = columnsOf(FILE, table, REQUIRED);
  const out: KotakCashInstrument[] = [];
  for (const { line, fields } of table.rows) {
    const bad = (what: string): never => {
      throw masterInvalid(FILE, `line ${line}: ${what}`);
    };
    const token = col(fields, 'pSymbol');
    if (!/^\d+$/.test(token)) bad(`pSymbol ${JSON.stringify(token)} is not a token`);
    const segment = col(fields, 'pExchSeg');
    if (segment !== 'nse_cm') bad(`pExchSeg is ${JSON.stringify(segment)}, not nse_cm`);
    const tradingSymbol = col(fields, 'pTrdSymbol');
    if (tradingSymbol === '') bad('pTrdSymbol is empty');
    const isIndex = col(fields, 'pISIN') === '';
    const lot = wholeOf(col(fields, 'lLotSize'));
    if (lot === undefined || (!isIndex && lot < 1)) bad(`lLotSize ${JSON.stringify(col(fields, 'lLotSize'))}`);
    const tick = decimalOf(col(fields, 'dTickSize'));
    if (tick === undefined || (!isIndex && tick <= 0)) bad(`dTickSize ${JSON.stringify(col(fields, 'dTickSize'))}`);
    out.push({
      exchangeSegment: segment,
      token,
      tradingSymbol,
      name: col(fields, 'pSymbolName') || tradingSymbol,
      group: col(fields, 'pGroup') || undefined,
      isIndex,
      lotSize: Math.max(lot ?? 1, 1),
      tickSize: Math.max(tick ?? 0, 0) / 100,
    });
  }
  if (out.length === 0) throw masterInvalid(FILE, 'no rows');
  return out;
}
