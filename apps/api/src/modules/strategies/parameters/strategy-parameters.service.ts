import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AppException } from '../../../common/errors/app-exception';
import { AuditService } from '../../core/audit/audit.service';
import { StrategyConfig } from '../entities/strategy-config.entity';
import { crossFieldProblems, validateParameterChange } from './validate-parameters';

/** A strategy configuration as the console sees it. */
export interface StrategyConfigView {
  id: number;
  accountId: number;
  strategyType: StrategyConfig['strategyType'];
  isActive: boolean;
  /** New entries paused by a person (exits keep running). */
  entriesPaused: boolean;
  version: number;
  parameters: Record<string, unknown>;
  updatedAt: Date;
}

function view(c: StrategyConfig): StrategyConfigView {
  return { id: c.id, accountId: c.accountId, strategyType: c.strategyType, isActive: c.isActive, entriesPaused: c.entriesPaused, version: c.version, parameters: c.parameters, updatedAt: c.updatedAt };
}

/** Reads and changes stored strategy parameters; every change is audited with old and new values. */
@Injectable()
export class StrategyParametersService {
  constructor(
    @InjectRepository(StrategyConfig) private readonly configs: Repository<StrategyConfig>,
    private readonly audit: AuditService,
  ) {}

  async list(): Promise<StrategyConfigView[]> {
    return (await this.configs.find({ order: { id: 'ASC' } })).map(view);
  }

  /** The account's active configurations, in id order (other modules read `strategy_configs` through this). */
  async activeOf(accountId: number): Promise<StrategyConfigView[]> {
    return (await this.configs.find({ where: { accountId, isActive: true }, order: { id: 'ASC' } })).map(view);
  }

  async get(id: number): Promise<StrategyConfigView> {
    return view(await this.find(id));
  }

  /**
   * Merges a validated partial change into the stored parameters (VALIDATION_FAILED on any bad
   * field or broken cross-field rule); row and audit entry commit together.
   */
  async update(id: number, body: unknown): Promise<StrategyConfigView> {
    const config = await this.find(id);
    const changes = validateParameterChange(config.strategyType, body);
    const merged = { ...config.parameters, ...changes };
    const problems = crossFieldProblems(config.strategyType, merged);
    if (problems.length > 0) throw new AppException('VALIDATION_FAILED', problems);
    const changedKeys = Object.keys(changes).filter((k) => JSON.stringify(config.parameters[k]) !== JSON.stringify(changes[k]));
    if (changedKeys.length === 0) return view(config);
    const saved = await this.configs.manager.transaction(async (m) => {
      const row = await m.save(StrategyConfig, { ...config, parameters: merged });
      await this.audit.record(
        {
          action: 'strategy-parameters.update',
          entity: 'strategy_config',
          entityId: String(id),
          oldValue: Object.fromEntries(changedKeys.map((k) => [k, config.parameters[k] ?? null])),
          newValue: Object.fromEntries(changedKeys.map((k) => [k, changes[k]])),
        },
        m,
      );
      return row;
    });
    return view(saved);
  }

  /**
   * Pauses or resumes the strategy's new entries (its exits keep running); the row and its audit
   * entry commit together. Setting the state it already has changes nothing and audits nothing.
   */
  async setEntriesPaused(id: number, paused: boolean, reason: string): Promise<StrategyConfigView> {
    const config = await this.find(id);
    if (config.entriesPaused === paused) return view(config);
    const saved = await this.configs.manager.transaction(async (m) => {
      await m.update(StrategyConfig, id, { entriesPaused: paused });
      await this.audit.record({ action: paused ? 'strategy.pause' : 'strategy.resume', entity: 'strategy_config', entityId: String(id), oldValue: { entriesPaused: !paused }, newValue: { entriesPaused: paused, reason } }, m);
      return m.findOneOrFail(StrategyConfig, { where: { id } });
    });
    return view(saved);
  }

  private async find(id: number): Promise<StrategyConfig> {
    const row = await this.configs.findOne({ where: { id } });
    if (!row) throw new AppException('NOT_FOUND', 'No such strategy configuration');
    return row;
  }
}
