import { placeOrderOutcome } from '@mcube/domain';
import { KotakNeoCredentials } from './auth/kotak-neo-credentials';
import type { SerializedKotakNeoSession } from './auth/kotak-neo-session';
import { KotakNeoError } from './errors/kotak-neo.error';
import { KOTAK_TEST_START_MS, kotakNeoTestKit, kotakOrderRequest, neoFaults, neoFixture, type KotakNeoTestKit } from './testing';

async function failure(p: Promise<unknown>): Promise<KotakNeoError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof KotakNeoError) return e;
    throw e;
  }
  throw new Error('resolved instead of failing');
}

describe('Kotak login (tradeApiLogin + tradeApiValidate)', () => {
  let kit: KotakNeoTestKit;
  afterEach(async () => kit.close());

  it('logs in in two steps and sends every later call to the baseUrl of the answer', async () => {
    kit = await kotakNeoTestKit({ login: false, master: false });
    const session = await kit.broker.login();
    const [login] = kit.server.requests('login');
    expect(login.host).toBe('login');
    expect(login.headers['authorization']).toBe(kit.server.account.consumerKey);
    expect(login.headers['neo-fin-key']).toBe('neotradeapi');
    expect(login.headers['content-type']).toBe('application/json');
    expect(login.json).toEqual({ mobileNumber: '+919876543210', ucc: 'ZX1234', totp: expect.stringMatching(/^\d{6}$/) });
    const [validate] = kit.server.requests('validate');
    expect(validate.json).toEqual({ mpin: kit.server.account.mpin });
    expect(validate.headers['sid']).toEqual(expect.any(String));
    expect(validate.headers['auth']).toMatch(/^view\./);
    expect(session.baseUrl).toBe(kit.server.tradeUrl);
    expect(session.baseUrl).not.toBe(kit.server.loginUrl);
    await kit.broker.executionClient.listOrders();
    const [orders] = kit.server.requests('orders');
    expect(orders.host).toBe('trade');
    expect(orders.headers['auth']).toMatch(/^trade\./);
    expect(orders.headers['sid']).toEqual(expect.any(String));
    expect(orders.headers['neo-fin-key']).toBe('neotradeapi');
  });

  it('refuses a bad TOTP as a halting login error and does not try again until the next login', async () => {
    kit = await kotakNeoTestKit({ login: false, master: false });
    const wrong = KotakNeoCredentials.create({ ...kit.server.account, totpSecret: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ' });
    const broker = kit.newBroker({ credentials: async () => wrong });
    const error = await failure(broker.login());
    expect([error.kind, error.reason]).toEqual(['AUTH_EXPIRED', 'LOGIN_REJECTED']);
    expect(error.halt?.message).toMatch(/TOTP step/);
    expect(error.message).not.toContain('GEZDGNBV');
    expect(kit.server.loginAttempts()).toEqual([{ step: 'TOTP', ok: false }]);
    expect((await failure(broker.executionClient.listOrders())).reason).toBe('LOGIN_REJECTED');
    expect((await failure(broker.executionClient.ensureSession())).reason).toBe('LOGIN_REJECTED');
    expect(kit.server.loginAttempts()).toHaveLength(1);
    await failure(broker.login());
    expect(kit.server.loginAttempts()).toHaveLength(2);
  });

  it('refuses a bad MPIN (HTTP 401) as a halting login error at the MPIN step', async () => {
    kit = await kotakNeoTestKit({ login: false, master: false });
    const wrong = KotakNeoCredentials.create({ ...kit.server.account, mpin: '111111' });
    const error = await failure(kit.newBroker({ credentials: async () => wrong }).login());
    expect([error.kind, error.reason, error.httpStatus]).toEqual(['AUTH_EXPIRED', 'LOGIN_REJECTED', 401]);
    expect(error.halt?.message).toMatch(/MPIN step/);
    expect(error.message).not.toContain('111111');
    expect(kit.server.loginAttempts()).toEqual([
      { step: 'TOTP', ok: true },
      { step: 'MPIN', ok: false },
    ]);
  });

  it('treats a login the broker could not answer (503) as temporary, not as a refusal', async () => {
    kit = await kotakNeoTestKit({ login: false, master: false });
    kit.server.inject('login', neoFaults.serverError(503));
    const error = await failure(kit.broker.login());
    expect([error.kind, error.reason, error.halt]).toEqual(['TEMPORARY', 'SERVER_ERROR', undefined]);
    await expect(kit.broker.executionClient.listOrders()).resolves.toEqual([]);
  });

  it('waits for a fresh TOTP step when the current one is about to end', async () => {
    const stepEnd = Math.ceil(KOTAK_TEST_START_MS / 30_000) * 30_000;
    kit = await kotakNeoTestKit({ login: false, master: false, startMs: stepEnd - 1_000 });
    await kit.broker.login();
    expect(kit.slept).toEqual([1_050]);
    expect(kit.server.loginAttempts()).toEqual([
      { step: 'TOTP', ok: true },
      { step: 'MPIN', ok: true },
    ]);
  });

  it('refuses a baseUrl that is not https before sending any token to it', async () => {
    kit = await kotakNeoTestKit({ login: false, master: false });
    const answer = neoFixture<{ data: Record<string, unknown> }>('login.trade.ok');
    kit.server.inject('validate', { type: 'RESPOND', status: 200, body: { data: { ...answer.data, baseUrl: 'http://collector.example.com' } } });
    const error = await failure(kit.broker.login());
    expect([error.kind, error.reason]).toEqual(['UNKNOWN', 'MALFORMED_RESPONSE']);
    expect(error.message).toMatch(/not https/);
    expect(kit.broker.sessions.current()).toBeUndefined();
  });
});

describe('Kotak session during the day', () => {
  let kit: KotakNeoTestKit;
  afterEach(async () => kit.close());

  it('logs in again once when the session expires mid-day, then halts on a second expiry', async () => {
    kit = await kotakNeoTestKit();
    kit.server.expireSessions();
    await expect(kit.broker.executionClient.listOrders()).resolves.toEqual([]);
    expect(kit.server.loginAttempts().filter((a) => a.step === 'MPIN')).toHaveLength(2);
    kit.server.expireSessions();
    const error = await failure(kit.broker.executionClient.listOrders());
    expect([error.kind, error.reason]).toEqual(['AUTH_EXPIRED', 'SESSION_EXPIRED_AGAIN']);
    expect(error.halt?.message).toMatch(/halted until the next login/);
    expect(kit.server.loginAttempts().filter((a) => a.step === 'MPIN')).toHaveLength(2);
    await kit.broker.login();
    await expect(kit.broker.executionClient.listOrders()).resolves.toEqual([]);
  });

  it('re-logs in once for calls that saw the same expiry at the same time, without halting', async () => {
    kit = await kotakNeoTestKit();
    kit.server.expireSessions();
    const client = kit.broker.executionClient;
    await expect(Promise.all([client.listOrders(), client.listTrades(), client.listPositions(), client.availableMargin()])).resolves.toHaveLength(4);
    expect(kit.server.loginAttempts().filter((a) => a.step === 'MPIN')).toHaveLength(2);
  });

  it('never resends an order refused for an expired session: it is rejected as not placed', async () => {
    kit = await kotakNeoTestKit();
    kit.server.expireSessions();
    const error = await failure(kit.broker.executionClient.placeOrder(kotakOrderRequest()));
    expect([error.kind, error.reason, error.neoCode]).toEqual(['AUTH_EXPIRED', 'SESSION_EXPIRED', '100022']);
    expect(placeOrderOutcome(error.kind)).toBe('NOT_PLACED');
    expect(kit.server.requests('place')).toHaveLength(1);
    expect(kit.server.orders()).toEqual([]);
    await kit.broker.executionClient.placeOrder(kotakOrderRequest({ clientOrderId: 'k0000000000000000002' }));
    expect(kit.server.orders().map((o) => o.tag)).toEqual(['k0000000000000000002']);
  });

  it('stores the session through the store and another process reuses it without logging in', async () => {
    kit = await kotakNeoTestKit({ login: false, master: false });
    let stored: SerializedKotakNeoSession | undefined;
    const store = { load: async () => stored, save: async (s: SerializedKotakNeoSession) => void (stored = s) };
    await kit.newBroker({ sessionStore: store }).login();
    expect(stored?.baseUrl).toBe(kit.server.tradeUrl);
    const other = kit.newBroker({ sessionStore: store });
    await expect(other.executionClient.listOrders()).resolves.toEqual([]);
    expect(kit.server.loginAttempts()).toHaveLength(2);
  });

  it('shares one login between concurrent callers', async () => {
    kit = await kotakNeoTestKit({ login: false, master: false });
    const [a, b] = await Promise.all([kit.broker.login(), kit.broker.sessions.ensure()]);
    expect(a).toBe(b);
    expect(kit.server.loginAttempts()).toHaveLength(2);
  });

  it('says so when the session could not be stored, and keeps it for this process', async () => {
    kit = await kotakNeoTestKit({ login: false, master: false });
    const store = { load: async () => undefined, save: async () => Promise.reject(new Error('disk full')) };
    const broker = kit.newBroker({ sessionStore: store });
    const error = await failure(broker.login());
    expect([error.kind, error.message]).toEqual(['TEMPORARY', 'logged in to Kotak but could not store the session']);
    await expect(broker.executionClient.listOrders()).resolves.toEqual([]);
    expect(kit.server.loginAttempts()).toHaveLength(2);
  });

  it('does not reuse a stored session of an earlier day', async () => {
    kit = await kotakNeoTestKit({ login: false, master: false });
    let stored: SerializedKotakNeoSession | undefined;
    const store = { load: async () => stored, save: async (s: SerializedKotakNeoSession) => void (stored = s) };
    await kit.newBroker({ sessionStore: store }).login();
    kit.clock.advance(24 * 3_600_000);
    kit.server.newTradingDay();
    await expect(kit.newBroker({ sessionStore: store }).executionClient.listOrders()).resolves.toEqual([]);
    expect(kit.server.loginAttempts()).toHaveLength(4);
  });
});
