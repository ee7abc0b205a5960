import 'reflect-metadata';
import { readFileSync, statSync } from 'node:fs';
import { loadConfig } from '../config/load-config';
import { createDataSource } from '../database/create-data-source';
import { buildDataSourceOptions } from '../database/data-source-options';
import { runMigrations } from '../database/run-migrations';
import { HISTORY_INTERVALS } from '../modules/data/market/dto/market-queries.dto';
import { SYMBOL_RE } from '../modules/data/market/dto/market-query.validators';
import { MAX_IMPORT_ROWS, type ImportInterval } from '../modules/data/import/history-csv.parser';
import { HistoryImportRejected, importHistory } from '../modules/data/import/import-history';

// `npm run import:history -- --symbol X --file path [--interval 1d]`: imports a user's own
// price history into the configured database, all rows or none (same service as the REST
// endpoint POST /api/market/import). Exit code 1 with every bad line listed when rejected.

const USAGE = 'usage: npm run import:history -- --symbol SYMBOL --file path/to/history.csv [--interval 1d|1h|15m|5m|1m]';
/** Largest file read (about 40 years of daily bars, far beyond MAX_IMPORT_ROWS intraday rows). */
const MAX_FILE_BYTES = 64 * 1024 * 1024;

function args(argv: string[]): { symbol: string; file: string; interval: ImportInterval } {
  const opts = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const m = /^--(symbol|file|interval)(?:=(.*))?$/.exec(argv[i]);
    if (!m) throw new Error(`unknown argument ${argv[i]}\n${USAGE}`);
    opts.set(m[1], m[2] ?? argv[++i] ?? '');
  }
  const symbol = opts.get('symbol') ?? '';
  const file = opts.get('file') ?? '';
  const interval = (opts.get('interval') ?? '1d') as ImportInterval;
  if (!SYMBOL_RE.test(symbol)) throw new Error(`--symbol must be a market symbol (letters, digits, spaces, & . _ -)\n${USAGE}`);
  if (file === '') throw new Error(`--file is required\n${USAGE}`);
  if (!(HISTORY_INTERVALS as readonly string[]).includes(interval)) throw new Error(`--interval must be one of ${HISTORY_INTERVALS.join(', ')}`);
  return { symbol, file, interval };
}

async function main(): Promise<void> {
  const { symbol, file, interval } = args(process.argv.slice(2));
  if (statSync(file).size > MAX_FILE_BYTES) throw new Error(`${file} is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB (at most ${MAX_IMPORT_ROWS} rows are imported at once)`);
  const csv = readFileSync(file, 'utf8');
  const config = loadConfig();
  const dataSource = createDataSource(buildDataSourceOptions(config.database, { logging: ['error'] }));
  await dataSource.initialize();
  try {
    await runMigrations(dataSource);
    const r = await importHistory(dataSource, { symbol, interval, csv });
    process.stdout.write(`Imported ${r.imported} ${r.interval} bars of ${r.symbol} (${r.from} to ${r.to}); ${r.replaced} existing bars replaced.\n`);
  } catch (error) {
    if (!(error instanceof HistoryImportRejected)) throw error;
    process.stderr.write(`${file}: ${error.message}\n`);
    for (const e of error.errors) process.stderr.write(`  line ${e.line}: ${e.reason}\n`);
    process.exitCode = 1;
  } finally {
    await dataSource.destroy();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`import:history failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
