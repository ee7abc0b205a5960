import { malformedResponse } from '../errors/breeze-error-map';
import type { BreezeHttpClient } from '../http/breeze-http.client';
import { MasterFormatError } from './master-csv';
import { parseSecurityMasterZip } from './parse-security-master';
import type { BreezeSecurityMaster } from './security-master.types';
import { ZipFormatError } from './zip-reader';

/**
 * Downloads and parses the day's security master (public file, no session needed). A zip or
 * text that does not parse is a BrokerError UNKNOWN (MALFORMED_RESPONSE): keep yesterday's
 * master in service rather than a half-read one.
 */
export async function downloadSecurityMaster(http: BreezeHttpClient, url: string): Promise<BreezeSecurityMaster> {
  const zip = await http.download(url, 'security master download');
  try {
    return parseSecurityMasterZip(zip);
  } catch (e) {
    if (e instanceof ZipFormatError || e instanceof MasterFormatError) throw malformedResponse('security master', e);
    throw e;
  }
}
