import type { Clock } from '@mcube/domain';
import { KotakNeoError } from '../errors/kotak-neo.error';
import { neoJsonCall } from '../http/neo-call';
import type { NeoHttp } from '../http/neo-http.client';
import { trustedUrl } from '../http/trusted-url';
import type { ResolvedKotakNeoConfig } from '../kotak-neo.config';
import { parseLoginData, type NeoLoginData } from '../parse/parse-login';
import type { KotakNeoCredentials } from './kotak-neo-credentials';
import { KotakNeoSession } from './kotak-neo-session';
import { totpCode, totpMsLeft } from './totp';

/** What a login needs besides the credentials. */
export interface NeoLoginDeps {
  readonly http: NeoHttp;
  readonly config: ResolvedKotakNeoConfig;
  /** Wall clock: the TOTP and the session's login time are wall time. */
  readonly wallClock: Clock;
  /** Waits out the end of a TOTP step; default a timer. */
  readonly sleep?: (ms: number) => Promise<void>;
}

/** A code generated this close to the end of its 30 s step may be stale on arrival. */
const TOTP_MIN_MS_LEFT = 2_000;

const timerSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function refused(step: 'TOTP' | 'MPIN', error: unknown): KotakNeoError {
  const hint = step === 'TOTP' ? 'check the TOTP secret, the mobile number, the UCC, the consumer key and the clock' : 'check the MPIN';
  const detail = error instanceof Error ? error.message : String(error);
  const message = `Kotak login refused at the ${step} step: ${hint}`;
  return new KotakNeoError('AUTH_EXPIRED', `${message} (${detail})`, {
    reason: 'LOGIN_REJECTED',
    neoCode: error instanceof KotakNeoError ? error.neoCode : undefined,
    httpStatus: error instanceof KotakNeoError ? error.httpStatus : undefined,
    halt: { critical: true, message },
    cause: error,
  });
}

/** Transport trouble, 429 and 5xx stay as they are (try again later); any other failure is a refusal. */
function isRetryLater(error: unknown): boolean {
  return error instanceof KotakNeoError && (error.reason === 'TIMEOUT' || error.reason === 'NETWORK' || error.reason === 'SERVER_ERROR' || error.httpStatus === 429);
}

async function step(deps: NeoLoginDeps, name: 'TOTP' | 'MPIN', path: string, headers: Record<string, string>, body: object): Promise<NeoLoginData> {
  try {
    const json = await neoJsonCall(deps.http, {
      what: name === 'TOTP' ? 'the TOTP login' : 'the MPIN validation',
      method: 'POST',
      url: `${deps.config.loginUrl}${path}`,
      headers: { ...headers, 'neo-fin-key': deps.config.neoFinKey, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
      timeoutMs: deps.config.timeouts.loginMs,
      maxResponseBytes: deps.config.maxBytes.json,
    });
    return parseLoginData(json, name === 'TOTP' ? 'View' : 'Trade');
  } catch (error) {
    throw isRetryLater(error) ? error : refused(name, error);
  }
}

/**
 * Logs in with the two-step Neo Trade API flow: `tradeApiLogin` (mobile, UCC, TOTP from the
 * secret at wall time) for a view token, then `tradeApiValidate` (MPIN) for the trade token,
 * sid and the account's `baseUrl`, which must pass `trustedUrl`. Success is read from the
 * body. Throws `KotakNeoError`: AUTH_EXPIRED/LOGIN_REJECTED with `halt` when Kotak refuses
 * a step, TEMPORARY or RATE_LIMITED when it could not answer. Sends each step once.
 */
export async function loginToKotakNeo(deps: NeoLoginDeps, credentials: KotakNeoCredentials): Promise<KotakNeoSession> {
  const secrets = credentials.reveal();
  let now = deps.wallClock.nowMs();
  const left = totpMsLeft(now);
  if (left < TOTP_MIN_MS_LEFT) {
    await (deps.sleep ?? timerSleep)(left + 50);
    now = deps.wallClock.nowMs();
  }
  const totp = totpCode({ secret: secrets.totpSecret, atMs: now });
  const view = await step(deps, 'TOTP', '/login/1.0/tradeApiLogin', { Authorization: secrets.consumerKey }, { mobileNumber: secrets.mobileNumber, ucc: credentials.ucc, totp });
  const trade = await step(deps, 'MPIN', '/login/1.0/tradeApiValidate', { Authorization: secrets.consumerKey, sid: view.sid, Auth: view.token }, { mpin: secrets.mpin });
  return KotakNeoSession.fromLogin({
    ucc: trade.ucc ?? credentials.ucc,
    token: trade.token,
    sid: trade.sid,
    baseUrl: trustedUrl(trade.baseUrl, deps.config.loginUrl, 'baseUrl'),
    hsServerId: trade.hsServerId ?? view.hsServerId,
    dataCenter: trade.dataCenter,
    loggedInAtMs: deps.wallClock.nowMs(),
  });
}
