import { inspect } from 'node:util';
import { BrokerError } from '@mcube/domain';
import { breezeCredentials, iciciBreezeHosts } from '../icici-breeze.config';
import { BREEZE_APP_KEY, BREEZE_SECRET, startBreezeRig, type BreezeTestRig } from '../testing/icici-breeze-test-kit';
import { BreezeHttpClient } from './breeze-http.client';

const READ = { what: 'funds', timeoutMs: 1000 };

describe('BreezeHttpClient on the wire', () => {
  let rig: BreezeTestRig;
  beforeEach(async () => {
    rig = await startBreezeRig();
    await rig.login();
  });
  afterEach(() => rig.close());

  const session = () => rig.sessions.session!;

  it('sends a GET with a JSON body whose checksum the server verifies', async () => {
    await rig.kit.http.signed('GET', 'funds', {}, session(), READ);
    await rig.kit.http.signed('GET', 'order', { exchange_code: 'NFO', from_date: '2026-08-20T06:00:00.000Z', to_date: '2026-08-20T06:00:00.000Z' }, session(), { ...READ, noDataIsEmpty: true });
    const [funds] = rig.server.callsTo('funds', 'GET');
    const [orders] = rig.server.callsTo('order', 'GET');
    expect(funds).toMatchObject({ rawBody: '{}', checksum: 'VALID' });
    expect(orders).toMatchObject({ rawBody: '{"exchange_code":"NFO","from_date":"2026-08-20T06:00:00.000Z","to_date":"2026-08-20T06:00:00.000Z"}', checksum: 'VALID' });
  });

  it('a wrong secret gets Breeze\'s "Invalid Checksum" envelope, which is AUTH_EXPIRED', async () => {
    const wrong = new BreezeHttpClient({ hosts: iciciBreezeHosts({ apiUrl: rig.server.apiUrl }), credentials: breezeCredentials(BREEZE_APP_KEY, `${BREEZE_SECRET}x`), clock: rig.clock });
    try {
      await expect(wrong.signed('GET', 'funds', {}, session(), READ)).rejects.toMatchObject({ kind: 'AUTH_EXPIRED', details: { brokerCode: 'INVALID_CHECKSUM' } });
      expect(rig.server.callsTo('funds').at(-1)?.checksum).toBe('INVALID');
    } finally {
      wrong.close();
    }
  });

  it('maps HTTP 429 to RATE_LIMITED with Retry-After, and 5xx to TEMPORARY', async () => {
    rig.server.faults.inject({ endpoint: 'funds', mode: 'HTTP_STATUS', status: 429, retryAfterS: 3 });
    await expect(rig.kit.http.signed('GET', 'funds', {}, session(), READ)).rejects.toMatchObject({ kind: 'RATE_LIMITED', details: { retryAfterMs: 3000, brokerCode: 'HTTP_429' } });
    rig.server.faults.inject({ endpoint: 'funds', mode: 'HTTP_STATUS', status: 503 });
    await expect(rig.kit.http.signed('GET', 'funds', {}, session(), READ)).rejects.toMatchObject({ kind: 'TEMPORARY', details: { brokerCode: 'HTTP_503' } });
    rig.server.faults.inject({ endpoint: 'funds', mode: 'HTTP_STATUS', status: 500, body: '{"Success":null,"Status":500,"Error":"Invalid session."}' });
    await expect(rig.kit.http.signed('GET', 'funds', {}, session(), READ)).rejects.toMatchObject({ kind: 'TEMPORARY' });
  });

  it('maps Breeze error texts in a 200 envelope: rate limit, outage, unknown text', async () => {
    rig.server.faults.inject({ endpoint: 'funds', mode: 'ENVELOPE', error: 'Limit exceed: API call per day' });
    await expect(rig.kit.http.signed('GET', 'funds', {}, session(), READ)).rejects.toMatchObject({ kind: 'RATE_LIMITED' });
    rig.server.faults.inject({ endpoint: 'funds', mode: 'ENVELOPE', error: 'Error while calling service, Please contact admin (T2:154)' });
    await expect(rig.kit.http.signed('GET', 'funds', {}, session(), READ)).rejects.toMatchObject({ kind: 'TEMPORARY' });
    rig.server.faults.inject({ endpoint: 'funds', mode: 'ENVELOPE', error: 'Something nobody has seen' });
    await expect(rig.kit.http.signed('GET', 'funds', {}, session(), READ)).rejects.toMatchObject({ kind: 'UNKNOWN', details: { brokerCode: 'STATUS_500' } });
  });

  it('a body that is not JSON, or JSON that is not an envelope, is UNKNOWN / MALFORMED_RESPONSE', async () => {
    rig.server.faults.inject({ endpoint: 'funds', mode: 'MALFORMED', body: '<html>maintenance</html>' });
    await expect(rig.kit.http.signed('GET', 'funds', {}, session(), READ)).rejects.toMatchObject({ kind: 'UNKNOWN', details: { brokerCode: 'MALFORMED_RESPONSE' } });
    rig.server.faults.inject({ endpoint: 'funds', mode: 'MALFORMED', body: '{"Success":{"x":1}}' });
    await expect(rig.kit.http.signed('GET', 'funds', {}, session(), READ)).rejects.toMatchObject({ kind: 'UNKNOWN', details: { brokerCode: 'MALFORMED_RESPONSE' } });
    rig.server.faults.inject({ endpoint: 'funds', mode: 'MALFORMED', body: '{"Status":200,"Error":null}' });
    await expect(rig.kit.http.signed('GET', 'funds', {}, session(), READ)).rejects.toMatchObject({ kind: 'UNKNOWN', details: { brokerCode: 'MALFORMED_RESPONSE' } });
  });

  it('gives up at the per-call deadline (TEMPORARY, code TIMEOUT) and on a dropped connection', async () => {
    rig.server.faults.inject({ endpoint: 'funds', mode: 'TIMEOUT_AFTER_ACCEPT' });
    const started = Date.now();
    await expect(rig.kit.http.signed('GET', 'funds', {}, session(), { what: 'funds', timeoutMs: 200 })).rejects.toMatchObject({ kind: 'TEMPORARY', details: { brokerCode: 'TIMEOUT' } });
    expect(Date.now() - started).toBeLessThan(1500);
    rig.server.faults.inject({ endpoint: 'funds', mode: 'DROP' });
    await expect(rig.kit.http.signed('GET', 'funds', {}, session(), READ)).rejects.toMatchObject({ kind: 'TEMPORARY' });
  });

  it('a slow answer within the deadline is read; one past it is abandoned', async () => {
    rig.server.faults.inject({ endpoint: 'funds', mode: 'DELAY', ms: 100 });
    await expect(rig.kit.http.signed('GET', 'funds', {}, session(), { what: 'funds', timeoutMs: 1000 })).resolves.toMatchObject({ allocated_fno: 12000000 });
    rig.server.faults.inject({ endpoint: 'funds', mode: 'DELAY', ms: 500 });
    await expect(rig.kit.http.signed('GET', 'funds', {}, session(), { what: 'funds', timeoutMs: 150 })).rejects.toMatchObject({ kind: 'TEMPORARY', details: { brokerCode: 'TIMEOUT' } });
  });

  it('a refused connection is TEMPORARY, never a crash', async () => {
    const url = rig.server.apiUrl;
    await rig.server.stop();
    const http = new BreezeHttpClient({ hosts: iciciBreezeHosts({ apiUrl: url }), credentials: breezeCredentials(BREEZE_APP_KEY, BREEZE_SECRET), clock: rig.clock });
    try {
      const error = await http.signed('GET', 'funds', {}, session(), READ).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(BrokerError);
      expect(error).toMatchObject({ kind: 'TEMPORARY' });
    } finally {
      http.close();
    }
  });

  it('never puts the secret, session key or token into an error message', async () => {
    rig.server.faults.inject({ endpoint: 'funds', mode: 'ENVELOPE', error: 'Something nobody has seen' });
    const error = (await rig.kit.http.signed('GET', 'funds', {}, session(), READ).catch((e: unknown) => e)) as BrokerError;
    for (const secret of [BREEZE_SECRET, session().sessionKey, session().sessionToken]) expect(error.message).not.toContain(secret);
  });
});

describe('BreezeHttpClient when logged', () => {
  it('shows the host only, never the keys', () => {
    const http = new BreezeHttpClient({ hosts: iciciBreezeHosts({}), credentials: breezeCredentials('APPKEY-1', 'SECRET-1'), clock: { nowMs: () => 0 } });
    const shown = `${inspect(http)} ${JSON.stringify(http)} ${inspect({ nested: http }, { depth: 5 })}`;
    expect(shown).toContain('api.icicidirect.com');
    expect(shown).not.toContain('SECRET-1');
    expect(shown).not.toContain('APPKEY-1');
    http.close();
  });
});
