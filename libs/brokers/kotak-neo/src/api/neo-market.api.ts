import { KotakNeoError } from '../errors/kotak-neo.error';
import { neoJsonCall, neoTextCall } from '../http/neo-call';
import { trustedUrl } from '../http/trusted-url';
import { parseMasterFilePaths, type NeoMasterFiles } from '../parse/parse-file-paths';
import { parseQuotes } from '../parse/parse-quotes';
import type { NeoQuote } from '../parse/neo.types';
import type { NeoApiContext } from './neo-api-context';

/** An instrument for the quotes endpoint: a segment and a token, or an index name ('Nifty 50'). */
export interface NeoQuoteRef {
  readonly exchangeSegment: string;
  readonly token: string;
}

/** Quote groups Kotak offers. */
export type NeoQuoteType = 'all' | 'ltp' | 'ohlc' | 'oi' | 'market_depth';

/**
 * Quotes of up to `refs.length` instruments in one GET (`…/neosymbol/<seg>|<tok>,…/<type>`,
 * `|` and `,` kept literal), authenticated by the consumer key alone. `host` is the
 * session's baseUrl. An invalid instrument is HTTP 200 `stCode 1009` → REJECTED.
 */
export async function neoQuotes(ctx: NeoApiContext, host: string, refs: readonly NeoQuoteRef[], type: NeoQuoteType = 'all'): Promise<readonly NeoQuote[]> {
  if (refs.length === 0) return [];
  for (const r of refs) {
    if (!/^[a-z_]+$/.test(r.exchangeSegment) || r.token.trim() === '' || /[|,/]/.test(r.token)) {
      throw new KotakNeoError('REJECTED', `not a quotable instrument: ${r.exchangeSegment}|${r.token}`, { reason: 'INVALID_REQUEST' });
    }
  }
  const list = refs.map((r) => `${r.exchangeSegment}|${r.token}`).join(',');
  const path = encodeURIComponent(list).replace(/%7C/gi, '|').replace(/%2C/gi, ',');
  const json = await neoJsonCall(ctx.http, {
    what: 'reading quotes',
    method: 'GET',
    url: `${host}/script-details/1.0/quotes/neosymbol/${path}/${type}`,
    headers: { Authorization: await ctx.consumerKey(), accept: 'application/json' },
    timeoutMs: ctx.config.timeouts.readMs,
    maxResponseBytes: ctx.config.maxBytes.json,
  });
  return parseQuotes(json);
}

/** Today's scrip-master file URLs (consumer key only). */
export async function neoMasterFiles(ctx: NeoApiContext, host: string): Promise<NeoMasterFiles> {
  const json = await neoJsonCall(ctx.http, {
    what: 'reading the scrip-master file paths',
    method: 'GET',
    url: `${host}/script-details/1.0/masterscrip/file-paths`,
    headers: { Authorization: await ctx.consumerKey(), accept: 'application/json' },
    timeoutMs: ctx.config.timeouts.readMs,
    maxResponseBytes: ctx.config.maxBytes.json,
  });
  return parseMasterFilePaths(json);
}

/** Downloads one scrip-master CSV from a URL the file-paths call gave (checked by `trustedUrl`; no credentials sent). */
export async function neoDownloadMaster(ctx: NeoApiContext, url: string): Promise<string> {
  return neoTextCall(ctx.http, {
    what: 'downloading the scrip master',
    method: 'GET',
    url: trustedUrl(url, ctx.config.loginUrl, 'scrip-master URL'),
    headers: { accept: 'text/csv' },
    timeoutMs: ctx.config.timeouts.masterMs,
    maxResponseBytes: ctx.config.maxBytes.master,
  });
}
