import 'reflect-metadata';
import { loadConfig } from '../config/load-config';
import { RestoreError, restoreSqlite } from '../database/backup/sqlite-restore';

// `npm run db:restore -- <backup.sqlite>`: puts a backup (MCUBE_BACKUP_DIR) back as the
// configured SQLite database (SQLITE_PATH) while nothing runs on it. PostgreSQL is restored
// with pg_restore / psql (apps/api/src/database/README.md).

async function main(): Promise<void> {
  const file = process.argv[2];
  if (!file || process.argv.length > 3) throw new RestoreError('usage: npm run db:restore -- <backup.sqlite>');
  const config = loadConfig();
  if (config.database.type !== 'sqlite') throw new RestoreError('DATABASE_URL is set: restore PostgreSQL with pg_restore (see apps/api/src/database/README.md), not this command');
  const { migrations, previous } = await restoreSqlite(file, config.database.path);
  process.stdout.write(`Restored ${file} into ${config.database.path} (${migrations} migrations recorded; pending ones apply at the next start).\n`);
  if (previous) process.stdout.write(`The database it replaced is kept as ${previous}.\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`db:restore refused: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
