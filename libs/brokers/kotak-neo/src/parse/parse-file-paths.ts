import { malformed } from '../errors/kotak-neo.error';
import { NeoFields } from './neo-fields';

/** The scrip-master files of one day. */
export interface NeoMasterFiles {
  /** The date in the URLs (`…/prod/<YYYY-MM-DD>/…`). */
  readonly date: string;
  readonly nseFoUrl: string;
  readonly nseCmUrl: string;
  /** Every file URL given, for diagnostics. */
  readonly all: readonly string[];
}

const DATED = /\/(\d{4}-\d{2}-\d{2})\/[^/]+\/([^/?#]+)$/;

/**
 * `{data: {baseFolder, filesPaths: [...]}}` → the NSE F&O and cash files. Both must be
 * present and carry the same date; the cash file is `nse_cm…csv` (today `transformed-v1/
 * nse_cm-v1.csv`), never the older `nse_com.csv`.
 */
export function parseMasterFilePaths(json: unknown): NeoMasterFiles {
  const what = 'scrip-master file paths';
  const paths = NeoFields.of(what, json).object('data').array('filesPaths');
  const urls = paths.map((p, i) => {
    if (typeof p !== 'string' || p.trim() === '') throw malformed(what, `filesPaths[${i}] is not a URL`);
    return p.trim();
  });
  const dated = urls.flatMap((url) => {
    const m = DATED.exec(url);
    return m ? [{ url, date: m[1], file: m[2] }] : [];
  });
  const pick = (name: RegExp): { url: string; date: string } => {
    const hits = dated.filter((x) => name.test(x.file));
    if (hits.length !== 1) throw malformed(what, `expected one ${name.source} file, found ${hits.length}`);
    return hits[0];
  };
  const fo = pick(/^nse_fo\.csv$/);
  const cm = pick(/^nse_cm(-v\d+)?\.csv$/);
  if (fo.date !== cm.date) throw malformed(what, `nse_fo is dated ${fo.date} but nse_cm ${cm.date}`);
  return { date: fo.date, nseFoUrl: fo.url, nseCmUrl: cm.url, all: urls };
}
