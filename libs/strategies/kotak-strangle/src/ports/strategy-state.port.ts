import type { KotakStrangleSnapshot } from '../kotak-strangle.snapshot';

/**
 * Where the strategy keeps its working state (an entry or a close in progress, the day's entry
 * evaluation) so a restart resumes it instead of forgetting it. Guarantees: `save` resolves
 * once the snapshot is durable; failures reject (the strategy stops that call).
 */
export interface StrategyStateStore {
  save(snapshot: KotakStrangleSnapshot): Promise<void>;
}
