import { neoFixture } from './neo-fixtures';
import type { FakeNeoEndpoint } from './fake-neo-faults';
import type { FakeNeoState } from './fake-neo-state';
import { handleOrderWrite } from './fake-neo-order.routes';
import { handleMarket } from './fake-neo-market.routes';
import { handleReport } from './fake-neo-report.routes';

/** A request as the routes see it. */
export interface FakeNeoRequest {
  readonly endpoint: FakeNeoEndpoint;
  readonly path: string;
  readonly headers: Readonly<Record<string, string | undefined>>;
  /** The decoded jData of a form body (undefined when absent or not a JSON object). */
  readonly form?: Record<string, unknown>;
  /** The JSON body of a login step. */
  readonly json?: Record<string, unknown>;
}

/** What to answer. */
export interface FakeNeoReply {
  readonly status: number;
  readonly body: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

/** Answers a Kotak error fixture with HTTP 200 (how Kotak sends most of them). */
export const fixtureReply = (name: string, status = 200): FakeNeoReply => ({ status, body: neoFixture(name) });

function login(state: FakeNeoState, req: FakeNeoRequest): FakeNeoReply {
  if (req.headers['neo-fin-key'] !== 'neotradeapi' || !req.headers['authorization'] || !req.json) return fixtureReply('error.missing-header', 400);
  if (req.endpoint === 'login') {
    const out = state.auth.totpLogin(req.json, req.headers['authorization']);
    if (!out.ok) return out.why === 'BAD_TOTP' ? fixtureReply('login.bad-totp') : { status: 200, body: { stCode: 429, errMsg: 'Invalid UCC', status: 'failure' } };
    const body = neoFixture<{ data: Record<string, unknown> }>('login.view.ok');
    return { status: 200, body: { data: { ...body.data, token: out.token, sid: out.sid, ucc: state.auth.account.ucc } } };
  }
  const out = state.auth.validate(req.json, req.headers['sid'], req.headers['auth']);
  if (!out.ok) return out.why === 'BAD_MPIN' ? fixtureReply('login.bad-mpin', 401) : fixtureReply('error.missing-header', 400);
  const body = neoFixture<{ data: Record<string, unknown> }>('login.trade.ok');
  return { status: 200, body: { data: { ...body.data, token: out.token, sid: out.sid, ucc: state.auth.account.ucc, baseUrl: state.tradeUrl } } };
}

/**
 * Routes one request of the fake broker after its fault (if any) was applied. Trade calls
 * need a live `Auth`/`Sid` session (else 100022); writes need the static IP (else 100008).
 */
export function routeFakeNeo(state: FakeNeoState, req: FakeNeoRequest, opts: { readonly holdCancel?: boolean } = {}): FakeNeoReply {
  switch (req.endpoint) {
    case 'login':
    case 'validate':
      return login(state, req);
    case 'quotes':
    case 'filePaths':
    case 'masterFile':
      return handleMarket(state, req);
    default:
      break;
  }
  if (!state.auth.isTradeSession(req.headers['sid'], req.headers['auth'])) return fixtureReply('error.invalid-session');
  if (req.endpoint === 'place' || req.endpoint === 'modify' || req.endpoint === 'cancel') {
    if (!state.staticIpRegistered) return fixtureReply('error.unauthorized');
    return handleOrderWrite(state, req, opts);
  }
  return handleReport(state, req);
}
