import { BrokerAccount } from '../../src/modules/accounts/entities/broker-account.entity';
import { ReadCache } from '../../src/database/read-cache';
import { insertAccount } from './fixtures';
import { createTestDatabase } from './test-database';

describe('ReadCache (issue 21: dashboard reads served until a write)', () => {
  it('serves a read until a write goes through the connection or it is older than its max age, and shares one read among concurrent callers', async () => {
    const db = await createTestDatabase('sqlite');
    try {
      const dataSource = await db.openMigrated();
      const account = await insertAccount(dataSource, { name: 'Before' });
      let nowMs = 1_000;
      let reads = 0;
      const cache = new ReadCache<string>(dataSource, 1_000, () => nowMs);
      const read = async () => {
        reads += 1;
        return (await dataSource.getRepository(BrokerAccount).findOneByOrFail({ id: account.id })).name;
      };
      const [a, b] = await Promise.all([cache.get('k', read), cache.get('k', read)]);
      expect([a, b, reads]).toEqual(['Before', 'Before', 1]);
      expect(await cache.get('k', read)).toBe('Before');
      expect(reads).toBe(1);

      await dataSource.getRepository(BrokerAccount).update({ id: account.id }, { name: 'After' });
      expect(await cache.get('k', read)).toBe('After');
      expect(reads).toBe(2);

      nowMs += 999;
      await cache.get('k', read);
      expect(reads).toBe(2);
      nowMs += 1;
      await cache.get('k', read);
      expect(reads).toBe(3);

      // A failed read is not kept.
      await dataSource.getRepository(BrokerAccount).update({ id: account.id }, { name: 'Again' });
      await expect(cache.get('k', () => Promise.reject(new Error('down')))).rejects.toThrow('down');
      expect(await cache.get('k', read)).toBe('Again');
    } finally {
      await db.dispose();
    }
  });
});
