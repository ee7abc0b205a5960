import { NSE_EPOCH_OFFSET_SECONDS } from '../instruments/nse-epoch';
import { neoFixtureText } from './neo-fixtures';

/** What the fake broker knows of one F&O contract (read from the CSV it serves). */
export interface FakeNeoContract {
  readonly token: string;
  readonly tradingSymbol: string;
  readonly underlying: string;
  readonly optionType: 'CE' | 'PE' | 'XX';
  readonly strike?: number;
  /** IST date. */
  readonly expiry: string;
  readonly lotSize: number;
  readonly tickPaise: number;
  readonly freezeQuantity: number;
}

/** The master files the fake serves for one day. */
export interface FakeNeoMasterFiles {
  readonly date: string;
  readonly nseFo: string;
  readonly nseCm: string;
}

/** The fixture master (NIFTY weeklies and monthlies from 2026-08-11, lot 65, freeze 1800; BANKNIFTY lot 30). */
export function fixtureMaster(date = '2026-08-10'): FakeNeoMasterFiles {
  return { date, nseFo: neoFixtureText('nse_fo.csv'), nseCm: neoFixtureText('nse_cm.csv') };
}

// A deliberately simple reader (plain commas, as the fixture is written), separate from
// the library's parser so a parser bug cannot hide behind the fake.
function rowsOf(csv: string): { header: string[]; rows: string[][] } {
  const lines = csv.split(/\r?\n/).filter((l) => l !== '');
  return { header: (lines[0] ?? '').split(',').map((h) => h.trim().replace(/;$/, '')), rows: lines.slice(1).map((l) => l.split(',')) };
}

/** The F&O contracts of an `nse_fo.csv` text, by trading symbol. */
export function fakeContractsOf(nseFo: string): Map<string, FakeNeoContract> {
  const { header, rows } = rowsOf(nseFo);
  const at = (row: string[], name: string): string => row[header.indexOf(name)] ?? '';
  const out = new Map<string, FakeNeoContract>();
  for (const row of rows) {
    const type = at(row, 'pInstType');
    if (!['OPTIDX', 'OPTSTK', 'FUTIDX', 'FUTSTK'].includes(type)) continue;
    const seconds = Number(at(row, 'lExpiryDate')) + NSE_EPOCH_OFFSET_SECONDS;
    const expiry = new Date(seconds * 1000 + 19_800_000).toISOString().slice(0, 10);
    const strikePaise = Number(at(row, 'dStrikePrice'));
    out.set(at(row, 'pTrdSymbol'), {
      token: at(row, 'pSymbol'),
      tradingSymbol: at(row, 'pTrdSymbol'),
      underlying: at(row, 'pSymbolName'),
      optionType: at(row, 'pOptionType') as 'CE' | 'PE' | 'XX',
      ...(strikePaise > 0 ? { strike: strikePaise / 100 } : {}),
      expiry,
      lotSize: Number(at(row, 'lLotSize')),
      tickPaise: Number(at(row, 'dTickSize')),
      freezeQuantity: Number(at(row, 'lFreezeQty')),
    });
  }
  return out;
}

/** `nseFo` with the lot size (and board lot) of every `underlying` row replaced: a lot-size change. */
export function masterWithLotSize(nseFo: string, underlying: string, lotSize: number): string {
  const { header, rows } = rowsOf(nseFo);
  const cols = ['lLotSize', 'iBoardLotQty', 'iLotSize'].map((c) => header.indexOf(c)).filter((i) => i >= 0);
  const name = header.indexOf('pSymbolName');
  const head = nseFo.split(/\r?\n/)[0];
  const body = rows.map((r) => (r[name] === underlying ? r.map((v, i) => (cols.includes(i) ? String(lotSize) : v)) : r).join(','));
  return [head, ...body].join('\n') + '\n';
}

/** `nseFo` with one cell of the first row of `tradingSymbol` replaced (to make a malformed file). */
export function masterWithCell(nseFo: string, tradingSymbol: string, column: string, value: string): string {
  const { header, rows } = rowsOf(nseFo);
  const col = header.indexOf(column.replace(/;$/, ''));
  const sym = header.indexOf('pTrdSymbol');
  const head = nseFo.split(/\r?\n/)[0];
  const body = rows.map((r) => (r[sym] === tradingSymbol ? r.map((v, i) => (i === col ? value : v)) : r).join(','));
  return [head, ...body].join('\n') + '\n';
}
