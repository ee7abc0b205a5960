import { In, type DataSource } from 'typeorm';
import { RiskLimit } from '../entities/risk-limit.entity';

/** An account's stored risk-limit row as other modules read it (the relation left out). */
export type StoredRiskLimits = Readonly<Omit<RiskLimit, 'account'>>;

/**
 * The risk module's read of `risk_limits` for other modules (the strategy runners size their
 * entries with them): the stored row of each account that has one, by account id. Other modules
 * call this instead of importing the entity.
 */
export async function storedRiskLimitsOf(dataSource: DataSource, accountIds: readonly number[]): Promise<Map<number, StoredRiskLimits>> {
  const rows = await dataSource.getRepository(RiskLimit).find({ where: { accountId: In([...accountIds]) } });
  return new Map(rows.map((l) => [l.accountId, l]));
}
