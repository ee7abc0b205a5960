import type { StrategyConfigChangeResponse, StrategyConfigResponse } from '@mcube/contracts';
import { instantJson } from '../../../common/contracts/instant-json';
import type { StrategyConfigChange } from './strategy-config-history.service';
import type { StrategyConfigView } from './strategy-parameters.service';

/** A strategy configuration as REST shows it. */
export function strategyConfigResponseOf(c: StrategyConfigView): StrategyConfigResponse {
  return { id: c.id, accountId: c.accountId, strategyType: c.strategyType, isActive: c.isActive, entriesPaused: c.entriesPaused, version: c.version, parameters: c.parameters, updatedAt: instantJson(c.updatedAt) };
}

/** One recorded parameter change as REST shows it. */
export function strategyConfigChangeResponseOf(c: StrategyConfigChange): StrategyConfigChangeResponse {
  return { id: c.id, at: instantJson(c.at), actor: c.actor, oldValue: c.oldValue, newValue: c.newValue };
}
