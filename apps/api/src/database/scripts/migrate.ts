import 'reflect-metadata';
import { loadConfig } from '../../config/load-config';
import { createDataSource } from '../create-data-source';
import { buildDataSourceOptions } from '../data-source-options';
import { runMigrations, undoLastMigration } from '../run-migrations';

// Usage: npm run db:migrate            (apply every pending migration)
//        npm run db:migrate:revert     (undo the latest applied migration)
// The database is the configured one (DATABASE_URL, else SQLITE_PATH / ./data/mcube.sqlite).

async function main(): Promise<void> {
  const action = process.argv[2] ?? 'run';
  if (action !== 'run' && action !== 'revert' && action !== 'show') throw new Error(`Unknown action ${action} (run | revert | show)`);
  const config = loadConfig();
  const dataSource = createDataSource(buildDataSourceOptions(config.database, { logging: ['error', 'migration'] }));
  await dataSource.initialize();
  try {
    if (action === 'run') {
      const applied = await runMigrations(dataSource);
      process.stdout.write(applied.length ? `Applied ${applied.map((m) => m.name).join(', ')}\n` : 'Schema is up to date.\n');
    } else if (action === 'revert') {
      await undoLastMigration(dataSource);
      process.stdout.write('Reverted the latest migration.\n');
    } else {
      const pending = await dataSource.showMigrations();
      process.stdout.write(pending ? 'Migrations are pending.\n' : 'Schema is up to date.\n');
    }
  } finally {
    await dataSource.destroy();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
