import { BREEZE_APP_KEY, BREEZE_SECRET } from '@mcube/brokers-icici-breeze/testing';
import { CredentialCipher } from '../../src/modules/accounts/credentials/credential-cipher';
import { CredentialsService } from '../../src/modules/accounts/credentials/credentials.service';
import { ApiCredential } from '../../src/modules/accounts/entities/api-credential.entity';
import { BrokerAccount } from '../../src/modules/accounts/entities/broker-account.entity';
import { AuditService } from '../../src/modules/core/audit/audit.service';
import { AuditLogEntity } from '../../src/modules/core/entities/audit-log.entity';
import { KotakLiveBrokers } from '../../src/modules/orders/live/kotak-live-brokers.service';
import type { AppConfig } from '../../src/config/app-config';
import type { DataSource } from 'typeorm';
import { ICICI_SESSION_KEY, startIciciLive, type IciciLiveHarness } from './icici-live-harness';
import { startKotakLive, type KotakLiveHarness } from './kotak-live-harness';

/** The accounts module's own service (what PUT /api/accounts/:id/credentials runs). */
const credentialsService = (dataSource: DataSource, config: AppConfig) =>
  new CredentialsService(dataSource.getRepository(ApiCredential), dataSource.getRepository(BrokerAccount), new CredentialCipher(config.credentials), new AuditService(dataSource.getRepository(AuditLogEntity)));

const settled = (p: Promise<unknown>) =>
  p.then(
    () => 'resolved',
    (e: Error) => e.message,
  );

describe('a credential or session change takes effect without an API restart (sessions and credentials re-read from the encrypted store)', () => {
  let kotak: KotakLiveHarness | undefined;
  let icici: IciciLiveHarness | undefined;
  afterEach(async () => {
    await kotak?.close();
    await icici?.close();
    kotak = icici = undefined;
  });

  it('Kotak: a login refused for a wrong MPIN is remembered (never retried); after the admin stores the right one, the same process logs in with it on the next call', async () => {
    kotak = await startKotakLive();
    const h = kotak;
    const a = h.server.account;
    const good = { consumerKey: a.consumerKey, ucc: a.ucc, mobileNumber: a.mobileNumber, totpSecret: a.totpSecret, mpin: a.mpin };
    const credentials = credentialsService(h.dataSource, h.config);
    await credentials.replace(h.account.id, { ...good, mpin: a.mpin === '909090' ? '808080' : '909090' });
    expect(await h.jobs.loginAll()).toEqual([h.account.id]);
    const client = h.live.executionClientFor(h.account.id);
    const attempts = h.server.loginAttempts().length;
    expect(await settled(client.listOrders())).toMatch(/MPIN|refused|rejected/i);
    // A refused login is not retried by itself (repeated bad MPINs could lock the account).
    expect(h.server.loginAttempts().length).toBe(attempts);

    await credentials.replace(h.account.id, good);
    expect(await settled(client.listOrders())).toBe('resolved');
    expect(h.server.loginAttempts().length).toBeGreaterThan(attempts);
    // The daily login job of the same process uses them too.
    expect(await h.jobs.loginAll()).toEqual([]);
  });

  it('Kotak: a process that does not own sessions takes the session the owner stored after a mid-day re-login, instead of failing (it never logs in itself)', async () => {
    kotak = await startKotakLive();
    const h = kotak;
    expect(await h.jobs.loginAll()).toEqual([]);
    const reader = new KotakLiveBrokers(h.dataSource, { ...h.config, jobs: { ...h.config.jobs, runWorkers: false } }, h.clock, async () => undefined, h.instruments, undefined as never, undefined as never, undefined as never, { timeouts: { readMs: 1_500 } });
    try {
      const client = reader.executionClientFor(h.account.id);
      expect(await settled(client.listOrders())).toBe('resolved');
      h.server.expireSessions();
      h.clock.advance(60_000);
      expect(await h.jobs.loginAll()).toEqual([]);
      const logins = h.server.loginAttempts().length;
      expect(await settled(client.listOrders())).toBe('resolved');
      expect(await settled(client.listPositions())).toBe('resolved');
      expect(h.server.loginAttempts().length).toBe(logins);
    } finally {
      reader.onModuleDestroy();
    }
  });

  it('ICICI: a wrong API secret fails every signed call; once the right one is stored the same adapter signs with it; a new day key replaces an expired one at once', async () => {
    icici = await startIciciLive();
    const h = icici;
    const credentials = credentialsService(h.dataSource, h.config);
    await credentials.replace(h.account.id, { apiKey: BREEZE_APP_KEY, apiSecret: 'not-the-secret-at-all' });
    await h.sessions.enter(h.account.id, ICICI_SESSION_KEY);
    const client = h.live.executionClientFor(h.account.id);
    expect(await settled(client.availableMargin())).not.toBe('resolved');
    expect(h.server.calls.filter((c) => c.endpoint === 'funds').map((c) => c.checksum)).toEqual(['INVALID']);

    await credentials.replace(h.account.id, { apiKey: BREEZE_APP_KEY, apiSecret: BREEZE_SECRET });
    expect(await settled(client.availableMargin())).toBe('resolved');
    expect(h.server.calls.filter((c) => c.endpoint === 'funds').map((c) => c.checksum)).toEqual(['INVALID', 'VALID']);

    // ICICI ends the day's session; a person enters a new key: the next call uses it, no restart.
    h.server.expireSessionKey(ICICI_SESSION_KEY);
    expect(await settled(client.availableMargin())).not.toBe('resolved');
    h.server.acceptSessionKey('55550000', 'XY604721');
    await h.sessions.enter(h.account.id, '55550000');
    expect(await settled(client.availableMargin())).toBe('resolved');
  });
});
