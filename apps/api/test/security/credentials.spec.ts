import { ApiCredential } from '../../src/modules/accounts/entities/api-credential.entity';
import { BrokerAccount } from '../../src/modules/accounts/entities/broker-account.entity';
import { credentialAad, CredentialCipher } from '../../src/modules/accounts/credentials/credential-cipher';
import { CredentialsService } from '../../src/modules/accounts/credentials/credentials.service';
import { StartupCheckError } from '../../src/modules/accounts/credentials/startup-checks.service';
import { parseCredentialKey } from '../../src/config/load-config';
import { createTestDatabase } from '../db/test-database';
import { dumpDatabase, linesLeaking, login, SecurityApp, SessionAuth, startSecurityApp, TEST_SECRETS } from './security-app';

const NEW_KEY = Buffer.alloc(32, 42).toString('base64');

describe('broker credentials', () => {
  let s: SecurityApp;
  let admin: SessionAuth;
  const put = (accountId: number, body: object) =>
    s.http().put(`/api/accounts/${accountId}/credentials`).set('cookie', admin.cookie).set('x-csrf-token', admin.csrfToken).send(body);

  beforeAll(async () => {
    s = await startSecurityApp();
    admin = await login(s, 'admin');
  });
  afterAll(async () => {
    await s?.close();
    expect(linesLeaking([...Object.values(TEST_SECRETS.kotak), ...Object.values(TEST_SECRETS.icici), TEST_SECRETS.credentialsKey, NEW_KEY])).toEqual([]);
  });

  it('stores them as AES-256-GCM ciphertext and never answers them in clear', async () => {
    const res = await put(s.accounts.kotakId, TEST_SECRETS.kotak).expect(200);
    expect(res.body.map((f: { field: string }) => f.field)).toEqual(['consumerKey', 'mobileNumber', 'mpin', 'totpSecret', 'ucc']);
    const rows = await s.dataSource.getRepository(ApiCredential).find({ where: { accountId: s.accounts.kotakId } });
    expect(rows).toHaveLength(5);
    expect(new Set(rows.map((r) => r.iv)).size).toBe(5);
    expect(rows.every((r) => r.keyId === parseCredentialKey(TEST_SECRETS.credentialsKey).id)).toBe(true);
    const dump = JSON.stringify(await dumpDatabase(s.dataSource));
    for (const secret of Object.values(TEST_SECRETS.kotak)) expect(dump).not.toContain(secret);
    const accounts = await s.http().get('/api/accounts').set('cookie', admin.cookie).expect(200);
    const text = JSON.stringify(accounts.body);
    for (const secret of Object.values(TEST_SECRETS.kotak)) expect(text).not.toContain(secret);
    const kotak = accounts.body.find((a: { id: number }) => a.id === s.accounts.kotakId);
    expect(kotak).toMatchObject({ hasCredentials: true, credentialFields: expect.arrayContaining([expect.objectContaining({ field: 'mpin', masked: '••••••••' })]) });
    expect(accounts.body.find((a: { id: number }) => a.id === s.accounts.iciciId).hasCredentials).toBe(false);
    expect(await s.app.get(CredentialsService).reveal(s.accounts.kotakId)).toEqual(TEST_SECRETS.kotak);
  });

  it('refuses fields of the other broker and missing fields', async () => {
    const res = await put(s.accounts.iciciId, { apiKey: 'abc', mpin: '1234' }).expect(400);
    expect(res.body.message).toEqual(expect.arrayContaining(['apiSecret: required for a ICICI account', 'mpin: not a ICICI credential']));
  });

  it('detects tampering and values moved to another field or account', async () => {
    const cipher = new CredentialCipher({ current: parseCredentialKey(TEST_SECRETS.credentialsKey) });
    const sealed = cipher.seal('secret-value', credentialAad(1, 'mpin'));
    expect(cipher.open(sealed, credentialAad(1, 'mpin'))).toBe('secret-value');
    expect(() => cipher.open(sealed, credentialAad(2, 'mpin'))).toThrow();
    expect(() => cipher.open(sealed, credentialAad(1, 'ucc'))).toThrow();
    const flipped = Buffer.from(sealed.ciphertext, 'base64');
    flipped[0] ^= 1;
    expect(() => cipher.open({ ...sealed, ciphertext: flipped.toString('base64') }, credentialAad(1, 'mpin'))).toThrow();
  });

  it('answers CREDENTIALS_KEY_MISSING (503) when no key is configured, storing nothing', async () => {
    const keyless = await startSecurityApp({ env: { MCUBE_CREDENTIALS_KEY: undefined } });
    try {
      const a = await login(keyless, 'admin');
      const res = await keyless.http().put(`/api/accounts/${keyless.accounts.iciciId}/credentials`).set('cookie', a.cookie).set('x-csrf-token', a.csrfToken).send(TEST_SECRETS.icici);
      expect(res.status).toBe(503);
      expect(res.body.code).toBe('CREDENTIALS_KEY_MISSING');
      expect(res.body.message).toMatch(/MCUBE_CREDENTIALS_KEY/);
      expect(await keyless.dataSource.getRepository(ApiCredential).count()).toBe(0);
    } finally {
      await keyless.close();
    }
  });

  it('rotates the key: boots with the previous key, re-encrypts, then runs on the new key alone', async () => {
    const db = await createTestDatabase();
    try {
      const first = await startSecurityApp({ db });
      const a1 = await login(first, 'admin');
      await first.http().put(`/api/accounts/${first.accounts.iciciId}/credentials`).set('cookie', a1.cookie).set('x-csrf-token', a1.csrfToken).send(TEST_SECRETS.icici).expect(200);
      await first.stop();

      await expect(startSecurityApp({ db, env: { MCUBE_CREDENTIALS_KEY: NEW_KEY } })).rejects.toThrow(StartupCheckError);

      const rotating = await startSecurityApp({ db, env: { MCUBE_CREDENTIALS_KEY: NEW_KEY, MCUBE_CREDENTIALS_KEY_PREVIOUS: TEST_SECRETS.credentialsKey } });
      const a2 = await login(rotating, 'admin');
      const res = await rotating.http().post('/api/admin/credentials/re-encrypt').set('cookie', a2.cookie).set('x-csrf-token', a2.csrfToken).expect(200);
      expect(res.body).toEqual({ reEncrypted: 2, keyId: parseCredentialKey(NEW_KEY).id });
      await rotating.stop();

      const after = await startSecurityApp({ db, env: { MCUBE_CREDENTIALS_KEY: NEW_KEY } });
      expect(await after.app.get(CredentialsService).reveal(after.accounts.iciciId)).toEqual(TEST_SECRETS.icici);
      const audit = await after.dataSource.query(`SELECT new_value FROM audit_log WHERE action = 'credentials.re-encrypt'`);
      expect(JSON.parse(audit[0].new_value)).toEqual({ reEncrypted: 2, keyId: parseCredentialKey(NEW_KEY).id });
      await after.stop();
    } finally {
      await db.dispose();
    }
  });
});

describe('live trading at boot', () => {
  it('is refused while an active LIVE account lacks credentials, naming the account', async () => {
    const started = startSecurityApp({
      env: { MCUBE_LIVE_TRADING: 'true' },
      beforeBoot: async (ds, seeded) => void (await ds.getRepository(BrokerAccount).update({ id: seeded.accounts.kotakId }, { isPaperTrading: false })),
    });
    await expect(started).rejects.toThrow(StartupCheckError);
    await expect(started).rejects.toThrow(/MCUBE_LIVE_TRADING=true but active LIVE account \d+ \(KOTAK Kotak strangle\) has no complete broker credentials/);
  });

  it('starts when the accounts without credentials are PAPER (the per-account mode; paper is the default)', async () => {
    const s = await startSecurityApp({ env: { MCUBE_LIVE_TRADING: 'true' } });
    try {
      await s.http().get('/health').expect(200);
    } finally {
      await s.close();
    }
  });

  it('starts when every active account has complete credentials (inactive ones do not count)', async () => {
    const s = await startSecurityApp({
      env: { MCUBE_LIVE_TRADING: 'true' },
      beforeBoot: async (ds, seeded) => {
        const cipher = new CredentialCipher({ current: parseCredentialKey(TEST_SECRETS.credentialsKey) });
        const accountId = seeded.accounts.kotakId;
        await ds.getRepository(ApiCredential).insert(Object.entries(TEST_SECRETS.kotak).map(([field, value]) => ({ accountId, field, ...cipher.seal(value, credentialAad(accountId, field)) })));
        await ds.getRepository(BrokerAccount).update({ id: seeded.accounts.iciciId }, { isActive: false });
      },
    });
    try {
      expect(s.config.liveTrading).toBe(true);
      await s.http().get('/health').expect(200);
    } finally {
      await s.close();
    }
  });
});
