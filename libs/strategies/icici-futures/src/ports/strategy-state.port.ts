import type { IciciFuturesSnapshot } from '../execution/futures-snapshot';

/**
 * Where the strategy keeps its working order (an entry, averaging order or exit still at the
 * broker, with what follows its fill) so a restart resumes it instead of forgetting it.
 * Guarantees: `save` resolves once the snapshot is durable; failures reject (the strategy
 * stops that call, before any order is sent).
 */
export interface FuturesStateStore {
  save(snapshot: IciciFuturesSnapshot): Promise<void>;
}
