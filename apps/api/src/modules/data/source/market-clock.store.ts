import { DataSource } from 'typeorm';
import { MarketClockState } from '../entities/market-clock-state.entity';

/**
 * The stored market clock of a source kind ('sim'): the last market instant seen. Saving never
 * moves it back (two processes with their own simulated clocks keep the later instant).
 */
export class MarketClockStore {
  constructor(private readonly dataSource: DataSource) {}

  /** The stored instant (UTC ms), or null when none was saved. */
  async load(source: string): Promise<number | null> {
    const row = await this.dataSource.getRepository(MarketClockState).findOne({ where: { source } });
    return row ? row.marketAt.getTime() : null;
  }

  /** Stores `atMs` unless a later instant is stored already. */
  async save(source: string, atMs: number, startDate: string): Promise<void> {
    const repo = this.dataSource.getRepository(MarketClockState);
    const row = await repo.findOne({ where: { source } });
    if (!row) {
      await repo.insert({ source, marketAt: new Date(atMs), startDate });
      return;
    }
    if (row.marketAt.getTime() >= atMs) return;
    await repo.update({ id: row.id }, { marketAt: new Date(atMs), startDate });
  }
}
