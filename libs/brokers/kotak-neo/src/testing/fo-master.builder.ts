import type { IsoDate } from '@mcube/domain';
import { NSE_EPOCH_OFFSET_SECONDS, nseSecondsOfExpiry } from '../instruments/nse-epoch';
import { neoFixtureText } from './neo-fixtures';
import type { FakeNeoMasterFiles } from './fake-neo-master';

/** One F&O contract to write into a master file. */
export interface FoContractSpec {
  readonly token: string;
  readonly underlying: string;
  readonly instrumentType: 'OPTIDX' | 'FUTIDX' | 'OPTSTK' | 'FUTSTK';
  readonly expiry: IsoDate;
  /** Monthly contracts carry Kotak's `NIFTY26AUG…` symbols, weeklies `NIFTY26811…`. */
  readonly monthly: boolean;
  readonly strike?: number;
  readonly optionType?: 'CE' | 'PE';
  readonly lotSize: number;
  readonly freezeQuantity: number;
  /** Paise (default 5). */
  readonly tickPaise?: number;
}

/** The columns of Kotak's `nse_fo.csv`, in order (as in the committed fixture). */
export const NSE_FO_COLUMNS: readonly string[] = neoFixtureText('nse_fo.csv').split('\n')[0].split(',');

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const MONTH_CODES = '123456789OND';

/** Kotak's trading symbol of a contract: `NIFTY26AUGFUT`, `NIFTY26AUG24500CE` (monthly), `NIFTY2681124500CE` (weekly). */
export function kotakTradingSymbol(c: Pick<FoContractSpec, 'underlying' | 'expiry' | 'monthly' | 'strike' | 'optionType'>): string {
  const [y, m, d] = c.expiry.split('-');
  const yy = y.slice(2);
  const month = Number(m) - 1;
  if (!c.optionType) return `${c.underlying}${yy}${MONTHS[month]}FUT`;
  const strike = String(c.strike);
  return c.monthly ? `${c.underlying}${yy}${MONTHS[month]}${strike}${c.optionType}` : `${c.underlying}${yy}${MONTH_CODES[month]}${d}${strike}${c.optionType}`;
}

function rowOf(c: FoContractSpec): string {
  const symbol = kotakTradingSymbol(c);
  const [y, m, d] = c.expiry.split('-');
  const desc = [c.underlying, `${d}${MONTHS[Number(m) - 1]}${y.slice(2)}`, ...(c.strike !== undefined ? [String(c.strike)] : []), c.optionType ?? 'FUT'].join(' ');
  const values: Record<string, string> = {
    pSymbol: c.token,
    pExchSeg: 'nse_fo',
    pInstType: c.instrumentType,
    pSymbolName: c.underlying,
    pTrdSymbol: symbol,
    pOptionType: c.optionType ?? 'XX',
    pScripRefKey: symbol,
    pDesc: desc,
    dTickSize: String(c.tickPaise ?? 5),
    lLotSize: String(c.lotSize),
    lExpiryDate: String(nseSecondsOfExpiry(c.expiry)),
    lMultiplier: '1',
    lPrecision: '2',
    'dStrikePrice;': c.strike !== undefined ? String(Math.round(c.strike * 100)) : '-1',
    pExchange: 'NSE',
    pInstName: c.instrumentType,
    pSegment: 'FO',
    pSettlementType: 'T+1',
    pCurrectionTime: String(NSE_EPOCH_OFFSET_SECONDS),
    iPermittedToTrade: '1',
    iBoardLotQty: String(c.lotSize),
    iMaxOrderSize: String(c.freezeQuantity),
    iLotSize: String(c.lotSize),
    dOpenInterest: '0',
    dPriceNum: '1',
    dGenDen: '1',
    dGenNum: '1',
    dPriceDen: '1',
    lFreezeQty: String(c.freezeQuantity),
  };
  return NSE_FO_COLUMNS.map((col) => values[col] ?? '').join(',');
}

/** A Kotak `nse_fo.csv` in the real column layout listing `contracts`. */
export function buildNseFoCsv(contracts: readonly FoContractSpec[]): string {
  return [NSE_FO_COLUMNS.join(','), ...contracts.map(rowOf)].join('\n') + '\n';
}

/** Inputs of `indexMasterSpecs`. */
export interface IndexMasterInput {
  readonly underlying?: string;
  /** Option expiries, each with its strikes; `monthly` decides the symbol form. */
  readonly expiries: readonly { readonly expiry: IsoDate; readonly monthly: boolean; readonly strikes: readonly number[] }[];
  readonly futures?: readonly IsoDate[];
  readonly lotSize?: number;
  readonly freezeQuantity?: number;
  readonly firstToken?: number;
}

/** Futures then CE/PE pairs per strike, tokens counting up (as the fixture is written). */
export function indexMasterSpecs(input: IndexMasterInput): FoContractSpec[] {
  const underlying = input.underlying ?? 'NIFTY';
  const common = { underlying, lotSize: input.lotSize ?? 65, freezeQuantity: input.freezeQuantity ?? 1800 };
  let token = input.firstToken ?? 35001;
  const out: FoContractSpec[] = [];
  for (const expiry of input.futures ?? []) out.push({ ...common, token: String(token++), instrumentType: 'FUTIDX', expiry, monthly: true });
  for (const e of input.expiries) {
    for (const strike of e.strikes) {
      for (const optionType of ['CE', 'PE'] as const) out.push({ ...common, token: String(token++), instrumentType: 'OPTIDX', expiry: e.expiry, monthly: e.monthly, strike, optionType });
    }
  }
  return out;
}

/** Master files of `date` for the fake server: these contracts and the fixture's cash file. */
export function masterFilesFor(date: IsoDate, contracts: readonly FoContractSpec[]): FakeNeoMasterFiles {
  return { date, nseFo: buildNseFoCsv(contracts), nseCm: neoFixtureText('nse_cm.csv') };
}

/** Strikes from `from` to `to` every `step`. */
export function strikeRange(from: number, to: number, step: number): number[] {
  const out: number[] = [];
  for (let s = from; s <= to; s += step) out.push(s);
  return out;
}
