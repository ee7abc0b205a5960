import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../../src/config/app-config';
import { BackupScheduler } from '../../src/database/backup/backup.scheduler';
import { listBackups } from '../../src/database/backup/sqlite-backup';
import { checkBackupFile, RestoreError } from '../../src/database/backup/sqlite-restore';
import { BrokerAccount } from '../../src/modules/accounts/entities/broker-account.entity';
import { insertAccount } from '../db/fixtures';
import { createTestDatabase, type TestDatabase } from '../db/test-database';

const ROOT = resolve(__dirname, '../../../..');

/** `npm run db:restore -- <file>` on the database at `sqlitePath`; its exit code and output. */
function runRestore(file: string, sqlitePath: string): Promise<{ code: number | null; out: string }> {
  return new Promise((done) => {
    const child = spawn('npm', ['run', '--silent', 'db:restore', '--', file], { cwd: ROOT, env: { ...process.env, SQLITE_PATH: sqlitePath, DATABASE_URL: '' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (out += c.toString()));
    child.on('close', (code) => done({ code, out }));
  });
}

const names = async (ds: DataSource) => (await ds.getRepository(BrokerAccount).find({ order: { id: 'ASC' } })).map((a) => a.name);

// SQLite only by nature: the online backup and the restore are SQLite's (PostgreSQL: pg_dump).
describe('SQLite online backup and npm run db:restore (round trip)', () => {
  let db: TestDatabase;
  let dir: string;

  beforeAll(async () => {
    db = await createTestDatabase('sqlite');
    dir = mkdtempSync(join(tmpdir(), 'mcube-backups-'));
  });
  afterAll(async () => {
    await db.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('backs up the live database with rotation, refuses to restore over it while open, then restores it once closed', async () => {
    const path = (db.database as { path: string }).path;
    const live = await db.openMigrated();
    await insertAccount(live, { name: 'Before the backup' });
    const config = { database: db.database, ops: { backup: { dir, everyMinutes: 0, keep: 2 } } } as unknown as AppConfig;
    const scheduler = new BackupScheduler(config, live);

    const first = await scheduler.runOnce();
    await new Promise((r) => setTimeout(r, 5));
    await scheduler.runOnce();
    await new Promise((r) => setTimeout(r, 5));
    const kept = await scheduler.runOnce();
    expect(kept).toBeDefined();
    // Rotation: the oldest of the three went.
    expect(listBackups(dir)).toHaveLength(2);
    expect(existsSync(first as string)).toBe(false);
    expect(checkBackupFile(kept as string)).toBeGreaterThan(0);

    await insertAccount(live, { name: 'After the backup' });
    expect(await names(live)).toEqual(['Before the backup', 'After the backup']);

    const refused = await runRestore(kept as string, path);
    expect(refused.code).toBe(1);
    expect(refused.out).toMatch(/db:restore refused: .*looks live .*stop the API and every worker first/);

    await live.destroy();
    const restored = await runRestore(kept as string, path);
    expect(restored.out).toContain(`Restored ${kept} into ${path}`);
    expect(restored.code).toBe(0);
    const back = await db.open();
    expect(await names(back)).toEqual(['Before the backup']);
    await back.destroy();
  }, 180_000);

  it('refuses a file that is missing, not SQLite, or not an mCube database, with the reason, and changes nothing', async () => {
    const path = (db.database as { path: string }).path;
    const text = join(dir, 'notes.sqlite');
    writeFileSync(text, 'this is not a database, only text that is long enough to have a header'.repeat(20));
    const foreign = join(dir, 'other.sqlite');
    const other = new Database(foreign);
    other.exec('CREATE TABLE t (x INTEGER)');
    other.close();

    expect(() => checkBackupFile(join(dir, 'nope.sqlite'))).toThrow(new RestoreError(`${join(dir, 'nope.sqlite')}: no such file`));
    expect(() => checkBackupFile(text)).toThrow(/not a SQLite database|SQLite cannot open it/);
    expect(() => checkBackupFile(foreign)).toThrow(/a SQLite database but not an mCube one/);

    const before = await db.open();
    const rows = await names(before);
    await before.destroy();
    const cli = await runRestore(text, path);
    expect(cli.code).toBe(1);
    expect(cli.out).toMatch(/db:restore refused: .*notes\.sqlite: (not a SQLite database|SQLite cannot open it)/);
    const after = await db.open();
    expect(await names(after)).toEqual(rows);
    await after.destroy();
  }, 120_000);
});
