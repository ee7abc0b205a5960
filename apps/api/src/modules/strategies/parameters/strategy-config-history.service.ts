import { Injectable } from '@nestjs/common';
import { AuditService } from '../../core/audit/audit.service';
import { StrategyParametersService } from './strategy-parameters.service';

/** One recorded parameter change of a strategy configuration (only the fields that changed). */
export interface StrategyConfigChange {
  id: number;
  at: Date;
  actor: string;
  oldValue: Record<string, unknown> | null;
  newValue: Record<string, unknown> | null;
}

/** How many changes the history returns at most (newest first). */
export const HISTORY_LIMIT = 100;

function parse(json: string | null): Record<string, unknown> | null {
  return json === null ? null : (JSON.parse(json) as Record<string, unknown>);
}

/**
 * The change history of one strategy configuration, read from the audit log. Readable by any
 * role (the full audit log stays admin-only): parameters are not secret and the console's
 * strategy page shows who changed what.
 */
@Injectable()
export class StrategyConfigHistoryService {
  constructor(
    private readonly audit: AuditService,
    private readonly params: StrategyParametersService,
  ) {}

  /** Newest first, at most HISTORY_LIMIT entries; NOT_FOUND for an unknown configuration. */
  async history(configId: number): Promise<StrategyConfigChange[]> {
    await this.params.get(configId);
    const rows = await this.audit.historyOf({ entity: 'strategy_config', entityId: String(configId), action: 'strategy-parameters.update', limit: HISTORY_LIMIT });
    return rows.map((r) => ({ id: r.id, at: r.at, actor: r.actor, oldValue: parse(r.oldValue), newValue: parse(r.newValue) }));
  }
}
