import { istDateTimeOf } from '@mcube/domain';
import { neoFixture } from './neo-fixtures';
import { fixtureReply, type FakeNeoReply, type FakeNeoRequest } from './fake-neo-routes';
import type { FakeNeoState } from './fake-neo-state';
import { quoteRow } from './fake-neo-wire';

/** Index names the quotes endpoint answers for, exactly as Kotak spells them. */
const INDICES = ['Nifty 50', 'Nifty Bank', 'India VIX'];
const QUOTE_PATH = /^\/script-details\/1\.0\/quotes\/neosymbol\/([^/]+)\/(all|ltp|ohlc|oi|market_depth|52w|circuit_limits|scrip_details)$/;

function quotes(state: FakeNeoState, req: FakeNeoRequest): FakeNeoReply {
  const m = QUOTE_PATH.exec(req.path);
  if (!m) return { status: 404, body: { message: 'not found' } };
  const at = state.clock.nowMs();
  const rows: Record<string, unknown>[] = [];
  for (const item of decodeURIComponent(m[1]).split(',')) {
    const [segment, token] = item.split('|');
    if (segment === 'nse_cm' && INDICES.includes(token)) {
      rows.push(quoteRow(segment, token, token, state.book.quote(token), at));
      continue;
    }
    const contract = segment === 'nse_fo' ? state.contractsByToken.get(token) : undefined;
    if (!contract) return fixtureReply('quotes.invalid-instrument');
    rows.push(quoteRow(segment, token, contract.tradingSymbol, state.book.quote(token), at));
  }
  return { status: 200, body: rows };
}

function filePaths(state: FakeNeoState): FakeNeoReply {
  const folder = `${state.filesUrl}/wso2-scripmaster/v1/prod`;
  const d = state.master.date;
  const files = ['transformed/cde_fo.csv', 'transformed/mcx_fo.csv', 'transformed/nse_fo.csv', 'transformed/bse_fo.csv', 'transformed/nse_com.csv', 'transformed-v1/bse_cm-v1.csv', 'transformed-v1/nse_cm-v1.csv'];
  return { status: 200, body: { ...neoFixture('file-paths'), data: { baseFolder: folder, filesPaths: files.map((f) => `${folder}/${d}/${f}`) } } };
}

function masterFile(state: FakeNeoState, req: FakeNeoRequest): FakeNeoReply {
  const prefix = `/wso2-scripmaster/v1/prod/${state.master.date}/`;
  if (req.path === `${prefix}transformed/nse_fo.csv`) return { status: 200, body: state.master.nseFo, headers: { 'content-type': 'text/csv' } };
  if (req.path === `${prefix}transformed-v1/nse_cm-v1.csv`) return { status: 200, body: state.master.nseCm, headers: { 'content-type': 'text/csv' } };
  return { status: 404, body: '<Error><Code>NoSuchKey</Code></Error>', headers: { 'content-type': 'application/xml' } };
}

/** Quotes, file paths and CSV downloads: the consumer key alone authenticates (files need nothing). */
export function handleMarket(state: FakeNeoState, req: FakeNeoRequest): FakeNeoReply {
  if (req.endpoint === 'masterFile') return masterFile(state, req);
  if (req.headers['authorization'] !== state.auth.account.consumerKey) return { status: 401, body: { code: '900901', message: 'Invalid Credentials' } };
  return req.endpoint === 'quotes' ? quotes(state, req) : filePaths(state);
}

/** The IST date of the fake broker's clock. */
export function fakeToday(state: FakeNeoState): string {
  return istDateTimeOf(state.clock.nowMs()).date;
}
