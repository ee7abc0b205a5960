import type { IciciFuturesSnapshot } from '../execution/futures-snapshot';
import type { FuturesStateStore } from '../ports/strategy-state.port';

/** Keeps every saved snapshot (as JSON, as a database would); `failNext` makes the next save reject. */
export class InMemoryFuturesStateStore implements FuturesStateStore {
  readonly saves: IciciFuturesSnapshot[] = [];
  failNext = false;

  async save(snapshot: IciciFuturesSnapshot): Promise<void> {
    if (this.failNext) {
      this.failNext = false;
      throw new Error('state store down');
    }
    this.saves.push(JSON.parse(JSON.stringify(snapshot)) as IciciFuturesSnapshot);
  }

  /** The last stored snapshot (what a restarted process reads back). */
  get last(): IciciFuturesSnapshot | null {
    return this.saves.at(-1) ?? null;
  }
}
