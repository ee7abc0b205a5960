import { ConfigError, loadConfig, parseCredentialKey } from './load-config';

const KEY_B64 = Buffer.alloc(32, 7).toString('base64');
const KEY_HEX = Buffer.alloc(32, 9).toString('hex');

function problemsOf(env: NodeJS.ProcessEnv): string[] {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  return [];
}

describe('loadConfig', () => {
  it('defaults to paper trading, closed CORS, SQLite and no credentials key', () => {
    const config = loadConfig({});
    expect(config.liveTrading).toBe(false);
    expect(config.security.corsOrigins).toEqual([]);
    expect(config.database).toEqual({ type: 'sqlite', path: './data/mcube.sqlite' });
    expect(config.credentials.current).toBeUndefined();
    expect(config.security.login).toEqual({ maxFailures: 5, backoffMaxMinutes: 15, addressMaxFailures: 50, addressWindowMinutes: 15 });
    expect(config.admin).toEqual({ username: 'admin', password: undefined });
  });

  it('names every bad variable in one error', () => {
    const problems = problemsOf({ PORT: 'eighty', MCUBE_LIVE_TRADING: 'maybe', CORS_ORIGINS: 'not an origin', MCUBE_CREDENTIALS_KEY: 'short' });
    const named = problems.map((p) => p.split(':')[0]);
    expect(named).toEqual(expect.arrayContaining(['PORT', 'MCUBE_LIVE_TRADING', 'CORS_ORIGINS', 'MCUBE_CREDENTIALS_KEY']));
  });

  it('accepts a 32-byte key as base64 or hex and derives a stable key id', () => {
    const a = loadConfig({ MCUBE_CREDENTIALS_KEY: KEY_B64, MCUBE_CREDENTIALS_KEY_PREVIOUS: KEY_HEX });
    expect(a.credentials.current?.key.equals(Buffer.alloc(32, 7))).toBe(true);
    expect(a.credentials.previous?.key.equals(Buffer.alloc(32, 9))).toBe(true);
    expect(a.credentials.current?.id).toBe(parseCredentialKey(KEY_B64).id);
    expect(a.credentials.current?.id).not.toBe(a.credentials.previous?.id);
  });

  it('refuses a previous key without a current one, or equal to it', () => {
    expect(problemsOf({ MCUBE_CREDENTIALS_KEY_PREVIOUS: KEY_HEX })[0]).toMatch(/^MCUBE_CREDENTIALS_KEY_PREVIOUS/);
    expect(() => loadConfig({ MCUBE_CREDENTIALS_KEY: KEY_B64, MCUBE_CREDENTIALS_KEY_PREVIOUS: KEY_B64 })).toThrow(/must differ/);
  });

  it('splits CORS origins and makes cookies Secure in production unless told otherwise', () => {
    const prod = loadConfig({ NODE_ENV: 'production', CORS_ORIGINS: 'https://a.example, http://127.0.0.1:4200' });
    expect(prod.security.corsOrigins).toEqual(['https://a.example', 'http://127.0.0.1:4200']);
    expect(prod.security.cookieSecure).toBe(true);
    expect(loadConfig({ NODE_ENV: 'production', SESSION_COOKIE_SECURE: 'false' }).security.cookieSecure).toBe(false);
    expect(loadConfig({}).security.cookieSecure).toBe(false);
  });

  it('refuses a short admin password', () => {
    expect(problemsOf({ MCUBE_ADMIN_PASSWORD: 'short' })[0]).toMatch(/^MCUBE_ADMIN_PASSWORD/);
  });
});

describe('alert channel configuration', () => {
  it('turns a channel on only with all its variables, and refuses half a channel naming what is missing', () => {
    expect(loadConfig({}).alerts).toEqual({ sendTimeoutMs: 10_000 });
    const full = loadConfig({ SMTP_URL: 'smtp://u:p@127.0.0.1:2525', ALERT_EMAIL_FROM: 'mCube <a@b.io>', ALERT_EMAIL_TO: 'x@b.io, y@b.io', TWILIO_ACCOUNT_SID: `AC${'0'.repeat(32)}`, TWILIO_AUTH_TOKEN: 'abcdefabcdefabcdef', TWILIO_FROM: '+15005550006', ALERT_SMS_TO: '+919800000001', TELEGRAM_BOT_TOKEN: '123456:ABCDEFGHIJKLMNOPQRSTUVWXYZ' });
    expect(full.alerts.email?.to).toEqual(['x@b.io', 'y@b.io']);
    expect(full.alerts.sms?.to).toEqual(['+919800000001']);
    expect(full.alerts.telegram).toEqual({ botToken: '123456:ABCDEFGHIJKLMNOPQRSTUVWXYZ', apiRoot: 'https://api.telegram.org', webhook: undefined });
    expect(() => loadConfig({ SMTP_URL: 'smtp://u:p@127.0.0.1:2525' })).toThrow(/ALERT_EMAIL_FROM, ALERT_EMAIL_TO: the e-mail channel needs/);
    expect(() => loadConfig({ TWILIO_ACCOUNT_SID: `AC${'0'.repeat(32)}` })).toThrow(/TWILIO_AUTH_TOKEN, TWILIO_FROM, ALERT_SMS_TO: the SMS channel needs/);
    expect(() => loadConfig({ TELEGRAM_BOT_TOKEN: 'not-a-token' })).toThrow(/TELEGRAM_BOT_TOKEN must look like/);
    expect(() => loadConfig({ TELEGRAM_WEBHOOK_URL: 'https://x.example/api/telegram/webhook', TELEGRAM_WEBHOOK_SECRET: 'a'.repeat(20) })).toThrow(/TELEGRAM_BOT_TOKEN: required when TELEGRAM_WEBHOOK_URL is set/);
  });
});

describe('process role', () => {
  it('defaults to all (HTTP and workers), maps MCUBE_RUN_WORKERS=false onto api, and refuses a contradiction', () => {
    expect(loadConfig({}).jobs).toMatchObject({ role: 'all', runWorkers: true });
    expect(loadConfig({ MCUBE_ROLE: '' }).jobs).toMatchObject({ role: 'all', runWorkers: true });
    expect(loadConfig({ MCUBE_RUN_WORKERS: 'false' }).jobs).toMatchObject({ role: 'api', runWorkers: false });
    expect(loadConfig({ MCUBE_ROLE: 'api' }).jobs).toMatchObject({ role: 'api', runWorkers: false });
    expect(loadConfig({ MCUBE_ROLE: 'worker' }).jobs).toMatchObject({ role: 'worker', runWorkers: true });
    expect(() => loadConfig({ MCUBE_ROLE: 'worker', MCUBE_RUN_WORKERS: 'false' })).toThrow(/MCUBE_ROLE=worker runs the job processors but MCUBE_RUN_WORKERS=false/);
    expect(problemsOf({ MCUBE_ROLE: 'both' })).toEqual(['MCUBE_ROLE: must be all, api or worker']);
  });
});
