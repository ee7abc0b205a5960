import { Injectable } from '@nestjs/common';
import type { StrategyType } from '@mcube/contracts';
import { DataSource } from 'typeorm';
import type { PositionStrategies } from '../../positions/ports/position-strategies.port';
import { StrategyConfig } from '../entities/strategy-config.entity';

/** Reads of `strategy_configs` for other modules: the positions module's `PositionStrategies` port. */
@Injectable()
export class StrategySettingsQuery implements PositionStrategies {
  constructor(private readonly dataSource: DataSource) {}

  async parametersOf(accountId: number, strategyType: StrategyType): Promise<Record<string, unknown> | null> {
    const config = await this.dataSource.getRepository(StrategyConfig).findOne({ where: { accountId, strategyType } });
    return config?.parameters ?? null;
  }

  isActive(accountId: number, strategyType: StrategyType): Promise<boolean> {
    return this.dataSource.getRepository(StrategyConfig).exists({ where: { accountId, strategyType, isActive: true } });
  }
}
