import { BreezeParseError } from '../errors/breeze-parse-error';
import { breezeDate } from '../parse/breeze-fields';
import { indexFnoSymbol } from './index-names';
import { cell, MasterFormatError, parseMasterTable, type MasterTable } from './master-csv';
import type { BreezeCashSymbol, BreezeFnoContract, BreezeSecurityMaster, UnknownShortName } from './security-master.types';
import { readZipEntries } from './zip-reader';

export const FONSE_MASTER_FILE = 'FONSEScripMaster.txt';
export const NSE_MASTER_FILE = 'NSEScripMaster.txt';

const FNO_COLUMNS = ['Token', 'InstrumentName', 'ShortName', 'ExpiryDate', 'StrikePrice', 'OptionType', 'LotSize', 'TickSize', 'ExchangeCode'];
const CASH_COLUMNS = ['Token', 'ShortName', 'Series', 'CompanyName', 'ExchangeCode'];
const FNO_KINDS = new Set(['FUTIDX', 'FUTSTK', 'OPTIDX', 'OPTSTK']);
const NSE_SYMBOL_RE = /^[A-Z0-9][A-Z0-9&-]*$/;

/** Reads FONSEScripMaster.txt and NSEScripMaster.txt out of ICICI's SecurityMaster.zip. */
export function parseSecurityMasterZip(zip: Buffer): BreezeSecurityMaster {
  const files = readZipEntries(zip, (name) => /(^|\/)(FONSE|NSE)ScripMaster\.txt$/i.test(name));
  // By the file's own name: 'FONSEScripMaster.txt' also ends in 'NSEScripMaster.txt'.
  const find = (file: string) => [...files.entries()].find(([name]) => name.toLowerCase().split('/').pop() === file.toLowerCase())?.[1];
  const fonse = find(FONSE_MASTER_FILE);
  if (!fonse) throw new MasterFormatError('SecurityMaster.zip', `has no ${FONSE_MASTER_FILE}`);
  const nse = find(NSE_MASTER_FILE);
  return parseSecurityMaster({ fonse: fonse.toString('utf8'), nse: nse?.toString('utf8') });
}

/**
 * Parses the F&O and (optionally) cash master texts. Rows whose short name cannot be mapped to
 * an NSE symbol go to `unknown`, never into `contracts`/`cash`; a short name mapped to two
 * different symbols is unknown everywhere it appears. Malformed rows (bad date, lot, tick)
 * throw MasterFormatError: a master that does not parse is not used at all.
 */
export function parseSecurityMaster(input: { readonly fonse: string; readonly nse?: string }): BreezeSecurityMaster {
  const unknown: UnknownShortName[] = [];
  const fno = parseMasterTable(FONSE_MASTER_FILE, input.fonse, FNO_COLUMNS);
  let skipped = 0;
  const contracts: BreezeFnoContract[] = [];
  fno.rows.forEach((row, i) => {
    const instrumentName = cell(fno, row, 'InstrumentName').toUpperCase();
    if (!FNO_KINDS.has(instrumentName)) {
      skipped += 1;
      return;
    }
    const shortName = cell(fno, row, 'ShortName').toUpperCase();
    const exchangeCode = cell(fno, row, 'ExchangeCode').toUpperCase();
    const mapped = instrumentName.endsWith('IDX') ? indexFnoSymbol(shortName, exchangeCode) : stockSymbol(exchangeCode);
    if ('reason' in mapped) {
      unknown.push({ file: fno.file, line: fno.lineNumbers[i], shortName, exchangeCode, reason: mapped.reason });
      return;
    }
    contracts.push(contractOf(fno, row, fno.lineNumbers[i], instrumentName as BreezeFnoContract['instrumentName'], shortName, mapped.symbol));
  });
  const cash = input.nse === undefined ? [] : cashSymbols(parseMasterTable(NSE_MASTER_FILE, input.nse, CASH_COLUMNS), unknown);
  return { ...dropConflicts(contracts, unknown), cash, unknown, skipped };
}

function stockSymbol(exchangeCode: string): { symbol: string } | { reason: string } {
  if (exchangeCode === '') return { reason: 'no NSE symbol (ExchangeCode is blank)' };
  return NSE_SYMBOL_RE.test(exchangeCode) ? { symbol: exchangeCode } : { reason: `ExchangeCode ${JSON.stringify(exchangeCode)} is not an NSE symbol` };
}

function contractOf(t: MasterTable, row: readonly string[], line: number, instrumentName: BreezeFnoContract['instrumentName'], shortName: string, underlying: string): BreezeFnoContract {
  const where = `${t.file} line ${line}`;
  const token = cell(t, row, 'Token');
  let expiry: string;
  try {
    expiry = breezeDate(cell(t, row, 'ExpiryDate'), where);
  } catch (e) {
    throw new MasterFormatError(t.file, (e as BreezeParseError).message);
  }
  const lotSize = Number(cell(t, row, 'LotSize'));
  if (!token || !Number.isSafeInteger(lotSize) || lotSize <= 0) throw new MasterFormatError(t.file, `line ${line}: bad token or lot size`);
  const tickSize = tickRupees(cell(t, row, 'TickSize'));
  if (!(tickSize > 0)) throw new MasterFormatError(t.file, `line ${line}: bad tick size ${JSON.stringify(cell(t, row, 'TickSize'))}`);
  const freeze = Number(cell(t, row, 'FreezeQty'));
  const base = { token, instrumentName, shortName, underlying, expiry, lotSize, tickSize, freezeQuantity: Number.isSafeInteger(freeze) && freeze > 0 ? freeze : undefined };
  if (instrumentName.startsWith('FUT')) return base;
  const strike = Number(cell(t, row, 'StrikePrice'));
  const optionType = cell(t, row, 'OptionType').toUpperCase();
  if (!(strike > 0) || (optionType !== 'CE' && optionType !== 'PE')) throw new MasterFormatError(t.file, `line ${line}: an option needs a strike > 0 and CE/PE`);
  return { ...base, strike, optionType };
}

/** FONSE writes the tick in paise ('5' = ₹0.05); a value with a decimal point is taken as rupees. */
function tickRupees(value: string): number {
  if (/^\d+$/.test(value)) return Number(value) / 100;
  return /^\d*\.\d+$/.test(value) ? Number(value) : NaN;
}

function cashSymbols(t: MasterTable, unknown: UnknownShortName[]): BreezeCashSymbol[] {
  const out: BreezeCashSymbol[] = [];
  t.rows.forEach((row, i) => {
    const series = cell(t, row, 'Series').toUpperCase();
    const isIndex = series === '0';
    if (!isIndex && series !== 'EQ') return;
    const shortName = cell(t, row, 'ShortName').toUpperCase();
    const symbol = cell(t, row, 'ExchangeCode').toUpperCase();
    if (!shortName) return;
    if (symbol === '' || (!isIndex && !NSE_SYMBOL_RE.test(symbol))) {
      unknown.push({ file: t.file, line: t.lineNumbers[i], shortName, exchangeCode: symbol, reason: 'no usable NSE symbol' });
      return;
    }
    out.push({ token: cell(t, row, 'Token'), shortName, symbol, isIndex, companyName: cell(t, row, 'CompanyName') });
  });
  return out;
}

/** A short name that maps to two underlyings is unusable: drop all its contracts and report it once. */
function dropConflicts(contracts: BreezeFnoContract[], unknown: UnknownShortName[]): { contracts: BreezeFnoContract[] } {
  const symbols = new Map<string, Set<string>>();
  for (const c of contracts) symbols.set(c.shortName, (symbols.get(c.shortName) ?? new Set()).add(c.underlying));
  const conflicted = new Set([...symbols].filter(([, s]) => s.size > 1).map(([name]) => name));
  for (const name of conflicted) unknown.push({ file: FONSE_MASTER_FILE, line: 0, shortName: name, exchangeCode: [...(symbols.get(name) ?? [])].join('|'), reason: 'short name maps to more than one NSE symbol' });
  return { contracts: contracts.filter((c) => !conflicted.has(c.shortName)) };
}
