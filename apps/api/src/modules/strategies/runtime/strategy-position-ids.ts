import { DataSource } from 'typeorm';
import { inTransaction } from '../../../database/in-transaction';
import { StrategyPositionLink } from '../entities/strategy-position-link.entity';

/**
 * The strategy names a position before the gateway has one ("1-KS-2026-11-23-…", chosen when
 * it decides to enter); the gateway's positions have numeric ids (the row its entry reserved).
 * This map links the two in the `strategy_position_links` table (cached in memory): the entry's
 * result teaches it, later legs, unwinds and journal entries read it, and after a restart it is
 * still there. A numeric string is a gateway id already.
 */
export class StrategyPositionIds {
  private readonly cache = new Map<string, number>();

  constructor(private readonly dataSource: DataSource) {}

  /** Links a strategy position id to the gateway's position id (idempotent). */
  async remember(accountId: number, strategyId: string, positionId: number): Promise<void> {
    if (this.cache.get(strategyId) === positionId) return;
    // In its own queued transaction: on SQLite a bare write would join another job's open transaction and vanish with its rollback.
    await inTransaction(this.dataSource, async (m) => {
      const existing = await m.findOne(StrategyPositionLink, { where: { strategyPositionId: strategyId } });
      if (!existing) await m.insert(StrategyPositionLink, { accountId, strategyPositionId: strategyId, positionId });
      else if (existing.positionId !== positionId) await m.update(StrategyPositionLink, existing.id, { positionId });
    });
    this.cache.set(strategyId, positionId);
  }

  /** The gateway position id of `strategyId` (itself when numeric), or undefined when unknown. */
  async gatewayIdOf(strategyId: string | undefined): Promise<number | undefined> {
    if (strategyId === undefined) return undefined;
    if (/^[1-9]\d*$/.test(strategyId)) return Number(strategyId);
    const cached = this.cache.get(strategyId);
    if (cached !== undefined) return cached;
    const row = await this.dataSource.getRepository(StrategyPositionLink).findOne({ where: { strategyPositionId: strategyId } });
    if (row) this.cache.set(strategyId, row.positionId);
    return row?.positionId;
  }
}
