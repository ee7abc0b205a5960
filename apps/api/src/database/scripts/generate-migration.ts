import 'reflect-metadata';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../../config/app-config';
import { createDataSource } from '../create-data-source';
import { buildDataSourceOptions } from '../data-source-options';
import { createScratchPostgresDatabase, DEFAULT_POSTGRES_ADMIN_URL } from '../scratch-postgres-database';
import { runMigrations } from '../run-migrations';
import { renderMigration, renderMigrationIndex } from './render-migration';

// Usage: npm run db:migrate:generate -- <PascalName>
// For each dialect: a scratch database is migrated to the latest committed migration, the
// entities are diffed against it (TypeORM's schema builder, as `typeorm migration:generate`
// does), and the difference is written as <epoch-ms>-<Name>.ts with up and down.
// POSTGRES_ADMIN_URL names a server where a scratch database may be created.

type Dialect = 'sqlite' | 'postgres';
const MIGRATIONS_DIR = join(__dirname, '..', 'migrations');

async function main(): Promise<void> {
  const name = process.argv[2];
  if (!name || !/^[A-Z][A-Za-z0-9]*$/.test(name)) {
    throw new Error('Usage: npm run db:migrate:generate -- <PascalCaseName>');
  }
  const timestamp = Date.now();
  for (const dialect of ['sqlite', 'postgres'] as const) {
    const written = await generateFor(dialect, name, timestamp);
    process.stdout.write(written ? `${dialect}: wrote ${written}\n` : `${dialect}: no changes\n`);
  }
}

async function generateFor(dialect: Dialect, name: string, timestamp: number): Promise<string | null> {
  const scratch = await openScratch(dialect);
  let dataSource: DataSource | undefined;
  try {
    dataSource = createDataSource(buildDataSourceOptions(scratch.database, { logging: ['error'] }));
    await dataSource.initialize();
    await runMigrations(dataSource);
    const sql = await dataSource.driver.createSchemaBuilder().log();
    if (sql.upQueries.length === 0) return null;
    const dir = join(MIGRATIONS_DIR, dialect);
    const file = `${timestamp}-${name}.ts`;
    writeFileSync(join(dir, file), renderMigration({ name, timestamp, up: sql.upQueries, down: sql.downQueries }));
    writeIndex(dialect);
    return join(dir, file);
  } finally {
    if (dataSource?.isInitialized) await dataSource.destroy();
    await scratch.dispose();
  }
}

/** Rewrites `migrations/<dialect>/index.ts` from the files present, oldest first. */
function writeIndex(dialect: Dialect): void {
  const dir = join(MIGRATIONS_DIR, dialect);
  const files = readdirSync(dir)
    .filter((f) => /^\d+-[A-Za-z0-9]+\.ts$/.test(f))
    .sort((a, b) => Number(a.split('-')[0]) - Number(b.split('-')[0]));
  writeFileSync(join(dir, 'index.ts'), renderMigrationIndex(dialect, files));
}

async function openScratch(dialect: Dialect): Promise<{ database: AppConfig['database']; dispose(): Promise<void> }> {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'mcube-gen-'));
    return { database: { type: 'sqlite', path: join(dir, 'gen.sqlite') }, dispose: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const db = await createScratchPostgresDatabase(process.env['POSTGRES_ADMIN_URL'] ?? DEFAULT_POSTGRES_ADMIN_URL, 'mcube_gen');
  return { database: { type: 'postgres', url: db.url }, dispose: () => db.drop() };
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
