import type { DataSource } from 'typeorm';
import type { AppConfig } from '../../src/config/app-config';
import { BrokerAccount } from '../../src/modules/accounts/entities/broker-account.entity';
import { ApiKeysService } from '../../src/modules/core/api-keys/api-keys.service';
import { AuditService } from '../../src/modules/core/audit/audit.service';
import { ApiKeyEntity } from '../../src/modules/core/entities/api-key.entity';
import { AuditLogEntity } from '../../src/modules/core/entities/audit-log.entity';
import { SessionEntity } from '../../src/modules/core/entities/session.entity';
import { UserEntity } from '../../src/modules/core/entities/user.entity';
import { CredentialRevocations } from '../../src/modules/core/sessions/credential-revocations';
import { SessionsService } from '../../src/modules/core/sessions/sessions.service';
import { inTransaction } from '../../src/database/in-transaction';
import { insertAccount } from './fixtures';
import { createTestDatabase, type TestDatabase } from './test-database';

// Issue 21: a cached API key or session is dropped only by a write that can change it (users,
// API keys, sessions), not by an order or a fill; a write to a user, key or session still drops
// it at once, even one that publishes no revocation.
describe('the cached API keys and sessions', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let keys: ApiKeysService;
  let sessions: SessionsService;
  let user: UserEntity;
  let keyReads: jest.SpyInstance;
  let sessionReads: jest.SpyInstance;

  beforeEach(async () => {
    db = await createTestDatabase(undefined, { migrated: true });
    dataSource = await db.openMigrated();
    const revocations = new CredentialRevocations();
    const keyRepo = dataSource.getRepository(ApiKeyEntity);
    const sessionRepo = dataSource.getRepository(SessionEntity);
    keys = new ApiKeysService(keyRepo, dataSource.getRepository(UserEntity), new AuditService(dataSource.getRepository(AuditLogEntity)), revocations);
    sessions = new SessionsService(sessionRepo, dataSource.getRepository(UserEntity), { security: { sessionTtlHours: 12 } } as AppConfig, revocations);
    user = await dataSource.getRepository(UserEntity).save({ username: 'trader1', passwordHash: 'x', role: 'trader', isActive: true, mustChangePassword: false, failedAttempts: 0, lockedUntil: null, lastLoginAt: null });
    keyReads = jest.spyOn(keyRepo, 'findOne');
    sessionReads = jest.spyOn(sessionRepo, 'findOne');
  }, 60_000);
  afterEach(async () => {
    await db.dispose();
  });

  const principal = () => ({ userId: user.id, username: user.username, role: 'trader' as const, via: 'session' as const, credentialId: 'test-session' });

  it('keeps a key and a session cached across order-path writes (an account update, a transaction of other rows)', async () => {
    const { key } = await keys.create(principal(), { name: 'bot' });
    const { token } = await sessions.issue(user.id, null);
    expect(await keys.resolve(key)).toMatchObject({ userId: user.id, via: 'api-key' });
    expect(await sessions.resolve(token)).toBeDefined();
    const [keyReadsBefore, sessionReadsBefore] = [keyReads.mock.calls.length, sessionReads.mock.calls.length];

    const account = await insertAccount(dataSource);
    await dataSource.getRepository(BrokerAccount).update({ id: account.id }, { name: 'renamed' });
    await inTransaction(dataSource, (m) => m.update(BrokerAccount, { id: account.id }, { name: 'again' }));

    expect(await keys.resolve(key)).toMatchObject({ userId: user.id });
    expect(await sessions.resolve(token)).toBeDefined();
    expect([keyReads.mock.calls.length, sessionReads.mock.calls.length]).toEqual([keyReadsBefore, sessionReadsBefore]);
  });

  it('drops them at once on a write to the user, even without a published revocation (deactivated: refused)', async () => {
    const { key } = await keys.create(principal(), { name: 'bot' });
    const { token } = await sessions.issue(user.id, null);
    expect(await keys.resolve(key)).toBeDefined();
    expect(await sessions.resolve(token)).toBeDefined();
    await dataSource.getRepository(UserEntity).update({ id: user.id }, { isActive: false });
    expect(await keys.resolve(key)).toBeUndefined();
    expect(await sessions.resolve(token)).toBeUndefined();
  });

  it('drops a key at once on a write to the keys in a transaction (revoked by the row, no revocation published), and a session on a write to the sessions', async () => {
    const { key, id } = await keys.create(principal(), { name: 'bot' });
    const { token } = await sessions.issue(user.id, null);
    expect(await keys.resolve(key)).toBeDefined();
    expect(await sessions.resolve(token)).toBeDefined();
    await inTransaction(dataSource, (m) => m.update(ApiKeyEntity, { id }, { revokedAt: new Date() }));
    expect(await keys.resolve(key)).toBeUndefined();
    await dataSource.getRepository(SessionEntity).delete({ userId: user.id });
    expect(await sessions.resolve(token)).toBeUndefined();
  });

  it('revocation through the service (revoke, logout) still works at once', async () => {
    const { key, id } = await keys.create(principal(), { name: 'bot' });
    const { token } = await sessions.issue(user.id, null);
    expect(await keys.resolve(key)).toBeDefined();
    await keys.revoke({ ...principal(), role: 'admin' }, id);
    expect(await keys.resolve(key)).toBeUndefined();
    expect(await sessions.resolve(token)).toBeDefined();
    const found = await dataSource.getRepository(SessionEntity).findOneByOrFail({ userId: user.id });
    await sessions.revoke(found.tokenHash);
    expect(await sessions.resolve(token)).toBeUndefined();
  });
});
