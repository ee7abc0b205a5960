import type { ImportHistoryResponse, ImportRowError } from '@mcube/contracts';
import { istDateTimeOf } from '@mcube/domain';
import { Between, DataSource, type EntityManager } from 'typeorm';
import { inTransaction } from '../../../database/in-transaction';
import { MarketData } from '../entities/market-data.entity';
import { BAR_KEY, BAR_VALUES } from '../persistence/bar-columns';
import { upsertRows } from '../persistence/upsert-rows';
import { parseHistoryCsv, type ImportInterval } from './history-csv.parser';

/** Source stored with imported bars (the history endpoint prefers them). */
export const IMPORT_SOURCE = 'import';

/** What to import: the symbol the bars belong to, their length, and the CSV text. */
export interface HistoryImportInput {
  symbol: string;
  interval: ImportInterval;
  csv: string;
}

/** Raised when the file has bad rows: every one is listed and nothing was written. */
export class HistoryImportRejected extends Error {
  constructor(readonly errors: ImportRowError[]) {
    super(`the file has ${errors.length} bad row(s); nothing was imported`);
    this.name = 'HistoryImportRejected';
  }
}

const CHUNK = 400;

/**
 * Imports a user's price history all-or-nothing: the whole file is validated first
 * (`parseHistoryCsv`); with any bad row it throws `HistoryImportRejected` and writes nothing;
 * else every bar is written in one transaction, replacing the bars of the same symbol,
 * interval and start. Shared by the REST endpoint and the `import:history` CLI.
 */
export async function importHistory(
  dataSource: DataSource,
  input: HistoryImportInput,
  /** Called inside the transaction after the writes (the REST endpoint audits there). */
  onWritten?: (manager: EntityManager, summary: ImportHistoryResponse) => Promise<void>,
): Promise<ImportHistoryResponse> {
  const parsed = parseHistoryCsv(input.csv, input.interval);
  if (!parsed.ok) throw new HistoryImportRejected(parsed.errors);
  const symbol = input.symbol.trim().toUpperCase();
  const bars = parsed.bars;
  const first = new Date(bars[0].barStartMs);
  const last = new Date(bars[bars.length - 1].barStartMs);
  const when = (ms: number) => {
    const t = istDateTimeOf(ms);
    return input.interval === '1d' ? t.date : `${t.date} ${t.time.slice(0, 5)}`;
  };
  return inTransaction(dataSource, async (m) => {
    const existing = await m.find(MarketData, { select: { barStart: true }, where: { symbol, interval: input.interval, barStart: Between(first, last) } });
    const starts = new Set(bars.map((b) => b.barStartMs));
    const rows = bars.map((b) => ({
      symbol,
      interval: input.interval,
      barStart: new Date(b.barStartMs),
      openPaise: b.openPaise,
      highPaise: b.highPaise,
      lowPaise: b.lowPaise,
      closePaise: b.closePaise,
      volume: b.volume,
      openInterest: null,
      source: IMPORT_SOURCE,
    }));
    for (let i = 0; i < rows.length; i += CHUNK) {
      await upsertRows({ manager: m, entity: MarketData, rows: rows.slice(i, i + CHUNK), conflictColumns: BAR_KEY, updateColumns: BAR_VALUES });
    }
    const replaced = existing.filter((e) => starts.has(e.barStart.getTime())).length;
    const summary = { symbol, interval: input.interval, imported: bars.length, replaced, from: when(bars[0].barStartMs), to: when(bars[bars.length - 1].barStartMs) };
    await onWritten?.(m, summary);
    return summary;
  });
}
