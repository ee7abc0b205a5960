import { parseCsv } from './csv-table';
import type { KotakContract } from './kotak-contract';
import { columnsOf, decimalOf, masterInvalid, wholeOf } from './master-columns';
import { expiryDateOfNseSeconds } from './nse-epoch';

const FILE = 'nse_fo.csv';
const REQUIRED = ['pSymbol', 'pExchSeg', 'pInstType', 'pSymbolName', 'pTrdSymbol', 'pOptionType', 'dStrikePrice', 'lLotSize', 'lExpiryDate', 'dTickSize', 'lFreezeQty'];
const TYPES = ['OPTIDX', 'OPTSTK', 'FUTIDX', 'FUTSTK'] as const;

/** What `parseFoMaster` found. */
export interface FoMasterParse {
  readonly contracts: readonly KotakContract[];
  /** Rows of other instrument types (e.g. index or currency underlyings), left out. */
  readonly skippedRows: number;
}

/**
 * Parses Kotak's `nse_fo.csv`. Options and futures rows must be complete and sane (token,
 * symbol, CE/PE for options and XX for futures, strike in paise ÷ 100, expiry from the NSE
 * epoch, lot ≥ 1, tick in paise ÷ 100); one bad row refuses the whole file, naming its line.
 * Throws (UNKNOWN/MASTER_INVALID) too when no contract is left, a token repeats, or an
 * underlying in `requireUnderlyings` (default NIFTY) is missing: a master never silently
 * empties the contract list.
 */
export function parseFoMaster(text: string, opts: { readonly requireUnderlyings?: readonly string[] } = {}): FoMasterParse {
  let table;
  try {
    table = parseCsv(text);
  } catch (error) {
    throw masterInvalid(FILE, (error as Error).message);
  }
  const col = columnsOf(FILE, table, REQUIRED);
  const contracts: KotakContract[] = [];
  const tokens = new Set<string>();
  // Few distinct expiries, ~100k rows: convert each epoch value once.
  const expiries = new Map<number, string | undefined>();
  const expiryOf = (seconds: number): string | undefined => {
    if (!expiries.has(seconds)) expiries.set(seconds, expiryDateOfNseSeconds(seconds));
    return expiries.get(seconds);
  };
  let skippedRows = 0;
  for (const { line, fields } of table.rows) {
    const bad = (what: string): never => {
      throw masterInvalid(FILE, `line ${line}: ${what}`);
    };
    const instrumentType = TYPES.find((t) => t === col(fields, 'pInstType'));
    if (!instrumentType) {
      skippedRows++;
      continue;
    }
    const token = col(fields, 'pSymbol');
    if (!/^\d+$/.test(token)) bad(`pSymbol ${JSON.stringify(token)} is not a token`);
    if (tokens.has(token)) bad(`token ${token} appears twice`);
    tokens.add(token);
    const tradingSymbol = col(fields, 'pTrdSymbol');
    const underlying = col(fields, 'pSymbolName');
    if (!/^[A-Z0-9&-]+$/.test(tradingSymbol)) bad(`pTrdSymbol ${JSON.stringify(tradingSymbol)}`);
    if (!/^[A-Z0-9&-]+$/.test(underlying)) bad(`pSymbolName ${JSON.stringify(underlying)}`);
    const segment = col(fields, 'pExchSeg');
    if (segment !== 'nse_fo') bad(`pExchSeg is ${JSON.stringify(segment)}, not nse_fo`);
    const kind = instrumentType.startsWith('OPT') ? 'OPT' : 'FUT';
    const optionText = col(fields, 'pOptionType');
    if (kind === 'FUT' && optionText !== 'XX') bad(`a future must have pOptionType XX, got ${JSON.stringify(optionText)}`);
    const optionType = optionText === 'CE' || optionText === 'PE' ? optionText : undefined;
    if (kind === 'OPT' && !optionType) bad(`an option must have pOptionType CE or PE, got ${JSON.stringify(optionText)}`);
    const strikePaise = decimalOf(col(fields, 'dStrikePrice'));
    if (kind === 'OPT' && (strikePaise === undefined || strikePaise <= 0 || !Number.isInteger(strikePaise))) bad(`dStrikePrice ${JSON.stringify(col(fields, 'dStrikePrice'))} is not a strike in paise`);
    const expiry = expiryOf(wholeOf(col(fields, 'lExpiryDate')) ?? NaN) ?? bad(`lExpiryDate ${JSON.stringify(col(fields, 'lExpiryDate'))}`);
    const lotSize = wholeOf(col(fields, 'lLotSize')) ?? 0;
    if (lotSize < 1) bad(`lLotSize ${JSON.stringify(col(fields, 'lLotSize'))}`);
    const tickPaise = decimalOf(col(fields, 'dTickSize')) ?? 0;
    if (tickPaise <= 0) bad(`dTickSize ${JSON.stringify(col(fields, 'dTickSize'))}`);
    const freeze = wholeOf(col(fields, 'lFreezeQty'));
    contracts.push({
      exchangeSegment: segment,
      token,
      tradingSymbol,
      underlying,
      instrumentType,
      kind,
      ...(optionType ? { optionType } : {}),
      expiry,
      ...(kind === 'OPT' ? { strike: (strikePaise as number) / 100 } : {}),
      lotSize,
      tickSize: Math.round(tickPaise) / 100,
      ...(freeze !== undefined && freeze > 0 ? { freezeQuantity: freeze } : {}),
    });
  }
  if (contracts.length === 0) throw masterInvalid(FILE, 'no option or future rows');
  for (const u of opts.requireUnderlyings ?? ['NIFTY']) {
    if (!contracts.some((c) => c.underlying === u)) throw masterInvalid(FILE, `no contract of ${u}`);
  }
  return { contracts, skippedRows };
}
