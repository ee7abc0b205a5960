import type { IsoDate } from '@mcube/domain';
import { neoDownloadMaster, neoMasterFiles } from '../api/neo-market.api';
import type { NeoApiContext } from '../api/neo-api-context';
import type { KotakInstrumentMaster } from './kotak-contract';
import { masterInvalid } from './master-columns';
import { parseCashMaster } from './parse-cash-master';
import { parseFoMaster } from './parse-fo-master';

/** Inputs of `loadKotakInstrumentMaster`. */
export interface LoadMasterRequest {
  readonly ctx: NeoApiContext;
  /** Where the file-paths call goes: the session's baseUrl (or the login URL before a login). */
  readonly host: string;
  /** The IST date the master must be for (today); a master of another day is refused. */
  readonly expectDate?: IsoDate;
  /** Underlyings that must be listed (default NIFTY). */
  readonly requireUnderlyings?: readonly string[];
}

/**
 * Downloads and parses the day's scrip master: file-paths call → the dated `nse_fo.csv` and
 * `nse_cm…csv` → typed contracts. All or nothing: a missing, stale, empty or malformed file
 * throws (`KotakNeoError`, MASTER_INVALID or the transport's kind), so the caller keeps the
 * previous day's master and raises an alert; it never gets an empty list.
 */
export async function loadKotakInstrumentMaster(request: LoadMasterRequest): Promise<KotakInstrumentMaster> {
  const files = await neoMasterFiles(request.ctx, request.host);
  if (request.expectDate !== undefined && files.date !== request.expectDate) {
    throw masterInvalid('file paths', `the files are dated ${files.date}, expected ${request.expectDate}`);
  }
  const foText = await neoDownloadMaster(request.ctx, files.nseFoUrl);
  const cmText = await neoDownloadMaster(request.ctx, files.nseCmUrl);
  const fo = parseFoMaster(foText, { requireUnderlyings: request.requireUnderlyings });
  const cash = parseCashMaster(cmText);
  return { date: files.date, contracts: fo.contracts, cash };
}
