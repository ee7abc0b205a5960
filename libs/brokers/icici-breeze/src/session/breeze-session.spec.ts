import { epochMsOfIst } from '@mcube/domain';
import { BREEZE_API_SESSION, BREEZE_APP_KEY, startBreezeRig, type BreezeTestRig } from '../testing/icici-breeze-test-kit';
import { breezeLoginUrl, breezeSessionOf, BreezeSessionFormatError, describeBreezeSession, parseBreezeSession, serializeBreezeSession } from './breeze-session';

describe('the daily Breeze session', () => {
  let rig: BreezeTestRig;
  beforeEach(async () => {
    rig = await startBreezeRig();
  });
  afterEach(() => rig.close());

  it('exchanges a valid API session key through customerdetails for the session token', async () => {
    const session = await rig.kit.exchangeSessionKey(BREEZE_API_SESSION);
    expect(session).toMatchObject({ userId: 'XY604721', sessionKey: BREEZE_API_SESSION, tradeDate: '2026-08-20', obtainedAtMs: rig.clock.nowMs() });
    expect(Buffer.from(session.sessionToken, 'base64').toString()).toBe(`XY604721:${BREEZE_API_SESSION}`);
    const [call] = rig.server.callsTo('customerdetails', 'GET');
    expect(call.body).toEqual({ SessionToken: BREEZE_API_SESSION, AppKey: BREEZE_APP_KEY });
  });

  it('"Invalid session." (wrong key) is AUTH_EXPIRED', async () => {
    await expect(rig.kit.exchangeSessionKey('11112222')).rejects.toMatchObject({ kind: 'AUTH_EXPIRED', details: { brokerCode: 'INVALID_SESSION' } });
  });

  it('"Resource not available." (yesterday\'s key) is AUTH_EXPIRED', async () => {
    rig.server.expireSessionKey(BREEZE_API_SESSION);
    await expect(rig.kit.exchangeSessionKey(BREEZE_API_SESSION)).rejects.toMatchObject({ kind: 'AUTH_EXPIRED', details: { brokerCode: 'SESSION_EXPIRED' } });
  });

  it('an answer without a decodable session_token is UNKNOWN / MALFORMED_RESPONSE', async () => {
    rig.server.faults.inject({ endpoint: 'customerdetails', mode: 'MALFORMED', body: '{"Success":{"session_token":"bm8tY29sb24="},"Status":200,"Error":null}' });
    await expect(rig.kit.exchangeSessionKey(BREEZE_API_SESSION)).rejects.toMatchObject({ kind: 'UNKNOWN', details: { brokerCode: 'MALFORMED_RESPONSE' } });
  });

  it('refuses a key that is not one without calling ICICI', async () => {
    await expect(rig.kit.exchangeSessionKey('12 34; drop')).rejects.toMatchObject({ kind: 'REJECTED', details: { brokerCode: 'BAD_SESSION_KEY' } });
    expect(rig.server.calls).toHaveLength(0);
  });

  it("a session from an earlier IST date is refused before sending (AUTH_EXPIRED, STALE_SESSION)", async () => {
    rig.sessions.session = breezeSessionOf('XY604721', BREEZE_API_SESSION, epochMsOfIst('2026-08-19', '08:40:00'));
    await expect(rig.kit.execution.listOrders()).rejects.toMatchObject({ kind: 'AUTH_EXPIRED', details: { brokerCode: 'STALE_SESSION' } });
    expect(rig.server.calls).toHaveLength(0);
  });

  it('ensureSession probes ICICI with the stored session: AUTH_EXPIRED once the key has expired there', async () => {
    await rig.login();
    await expect(rig.kit.execution.ensureSession()).resolves.toBeUndefined();
    rig.server.expireSessionKey(BREEZE_API_SESSION);
    await expect(rig.kit.execution.ensureSession()).rejects.toMatchObject({ kind: 'AUTH_EXPIRED' });
  });
});

describe('the stored form of a session', () => {
  const session = breezeSessionOf('XY604721', '87324529', epochMsOfIst('2026-08-20', '08:40:00'));

  it('round-trips through the serialised text', () => {
    expect(parseBreezeSession(serializeBreezeSession(session))).toEqual(session);
  });

  it('rejects damaged text without echoing it', () => {
    for (const text of ['not json 87324529', '{"v":2}', '{"v":1,"userId":"XY","sessionKey":"a:b","obtainedAtMs":1}', '{"v":1,"userId":"XY","sessionKey":"k"}']) {
      let error: Error | undefined;
      try {
        parseBreezeSession(text);
      } catch (e) {
        error = e as Error;
      }
      expect(error).toBeInstanceOf(BreezeSessionFormatError);
      expect(error?.message).not.toContain('87324529');
    }
  });

  it('describes itself without the key or token', () => {
    const text = describeBreezeSession(session);
    expect(text).toBe('ICICI Breeze session of XY****21 from 2026-08-20');
    expect(text).not.toContain(session.sessionKey);
    expect(text).not.toContain(session.sessionToken);
  });
});

describe('breezeLoginUrl', () => {
  it('URL-encodes app keys with + = ! as the SDK tells users to', () => {
    expect(breezeLoginUrl('https://api.icicidirect.com/apiuser/login', 'a+b=c!d')).toBe('https://api.icicidirect.com/apiuser/login?api_key=a%2Bb%3Dc%21d');
  });
});
