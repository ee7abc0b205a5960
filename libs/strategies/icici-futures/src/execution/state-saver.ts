import type { FuturesStateStore } from '../ports/strategy-state.port';
import type { IciciFuturesSnapshot } from './futures-snapshot';

/**
 * Stores the strategy's whole snapshot in `deps.state` when it differs from the last one
 * stored (no store: memory only, as in the library's own specs). Callers save BEFORE they act
 * (send an order, raise a request or an alert), so a failure rejects the call and nothing is
 * done that a restart would forget.
 */
export class FuturesStateSaver {
  private stored: string | null = null;

  constructor(
    private readonly store: FuturesStateStore | undefined,
    private readonly current: () => IciciFuturesSnapshot,
  ) {}

  /** The snapshot read back after a restart counts as stored. */
  restored(snapshot: IciciFuturesSnapshot): void {
    this.stored = JSON.stringify(snapshot);
  }

  async save(): Promise<void> {
    if (!this.store) return;
    const snapshot = this.current();
    const json = JSON.stringify(snapshot);
    if (json === this.stored) return;
    await this.store.save(snapshot);
    this.stored = json;
  }
}
