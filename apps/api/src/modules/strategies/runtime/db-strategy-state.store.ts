import type { KotakStrangleSnapshot } from '@mcube/strategy-kotak-strangle';
import { DataSource } from 'typeorm';
import { inTransaction } from '../../../database/in-transaction';
import { StrategyRuntimeState } from '../entities/strategy-runtime-state.entity';
import type { StrategyType } from '../entities/strategy-type';

/**
 * The strategy's working state in `strategy_runtime_states`, one row per account and strategy
 * (the strangle's snapshot, or the ICICI futures' working order): `save` writes it (committed
 * before the strategy sends the next order), `load` reads it back after a restart (null when
 * there is none).
 */
export class DbStrategyStateStore<S extends object = KotakStrangleSnapshot> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly accountId: number,
    private readonly strategyType: StrategyType = 'WEEKLY_NIFTY_STRANGLE',
  ) {}

  async save(snapshot: S): Promise<void> {
    const state = JSON.parse(JSON.stringify(snapshot)) as Record<string, unknown>;
    // In its own queued transaction: on SQLite a bare save would join another job's open transaction and vanish with its rollback.
    await inTransaction(this.dataSource, async (m) => {
      const existing = await m.findOne(StrategyRuntimeState, { where: { accountId: this.accountId, strategyType: this.strategyType } });
      await m.save(existing ? Object.assign(existing, { state }) : m.create(StrategyRuntimeState, { accountId: this.accountId, strategyType: this.strategyType, state }));
    });
  }

  async load(): Promise<S | null> {
    const row = await this.dataSource.getRepository(StrategyRuntimeState).findOne({ where: { accountId: this.accountId, strategyType: this.strategyType } });
    return row ? (row.state as unknown as S) : null;
  }
}
