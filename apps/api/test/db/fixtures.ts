import type { DataSource } from 'typeorm';
import { BrokerAccount } from '../../src/modules/accounts/entities/broker-account.entity';
import { Position } from '../../src/modules/positions/entities/position.entity';

let accountSeq = 0;

/** Inserts a paper Kotak account; `overrides` change any field. */
export async function insertAccount(dataSource: DataSource, overrides: Partial<BrokerAccount> = {}): Promise<BrokerAccount> {
  const repo = dataSource.getRepository(BrokerAccount);
  return repo.save(
    repo.create({
      broker: 'KOTAK',
      accountNumber: `TEST-${++accountSeq}`,
      name: 'Test account',
      allocatedCapitalPaise: 6_00_00_000 * 100,
      ...overrides,
    }),
  );
}

/** A position row for `accountId` (ACTIVE unless overridden), not yet saved. */
export function positionFor(accountId: number, overrides: Partial<Position> = {}): Partial<Position> {
  return {
    accountId,
    strategyType: 'WEEKLY_NIFTY_STRANGLE',
    status: 'ACTIVE',
    direction: 'NEUTRAL',
    underlying: 'NIFTY',
    expiryDate: '2024-01-04',
    quantity: 75,
    marginUsedPaise: 1_20_00_000 * 100,
    entryValuePaise: 0,
    openedAt: new Date('2024-01-02T04:30:00.000Z'),
    ...overrides,
  };
}

/**
 * Saves an ACTIVE NIFTY position of `accountId` (expiry 2026-03-17, no legs) and returns its id:
 * a non-reducing ADJUST must name the account's active position (POSITION_NOT_ACTIVE otherwise).
 */
export async function saveAdjustablePosition(dataSource: DataSource, accountId: number): Promise<number> {
  const saved = await dataSource.getRepository(Position).save(positionFor(accountId, { expiryDate: '2026-03-17', quantity: 0, marginUsedPaise: 0, openedAt: new Date('2026-03-10T04:00:00.000Z') }));
  return saved.id as number;
}
