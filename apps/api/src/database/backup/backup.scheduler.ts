import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { backupSqlite, type BackupSource } from './sqlite-backup';

/**
 * The scheduled SQLite online backup: every MCUBE_BACKUP_EVERY_MINUTES of wall time (the
 * market clock may be accelerated; backups are about real time) into MCUBE_BACKUP_DIR,
 * keeping MCUBE_BACKUP_KEEP. Only in the API process on SQLite (a worker's config turns it
 * off; PostgreSQL is backed up with pg_dump, see the database README). A failed backup is
 * logged as an error and tried again at the next interval.
 */
@Injectable()
export class BackupScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Backup');
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
  ) {}

  onApplicationBootstrap(): void {
    const { everyMinutes } = this.config.ops.backup;
    if (this.config.database.type !== 'sqlite' || everyMinutes === 0) return;
    this.timer = setInterval(() => void this.runOnce(), everyMinutes * 60_000);
    this.timer.unref();
    this.logger.log(`SQLite online backup every ${everyMinutes} min into ${this.config.ops.backup.dir} (keeping ${this.config.ops.backup.keep})`);
  }

  /** One backup now (the interval's work; tests call it). Resolves to the file, or undefined when it failed or one is running. */
  async runOnce(): Promise<string | undefined> {
    if (this.running) return undefined;
    const { dir, keep } = this.config.ops.backup;
    const work = backupSqlite(this.liveConnection(), dir, keep, new Date());
    this.running = work;
    try {
      const { file, deleted } = await work;
      this.logger.log({ file, deleted: deleted.length }, 'SQLite backup written');
      return file;
    } catch (error) {
      this.logger.error({ err: error instanceof Error ? error.message : String(error) }, 'SQLite backup failed');
      return undefined;
    } finally {
      this.running = undefined;
    }
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }

  /** better-sqlite3's Database of TypeORM's driver: the backup runs on the live connection. */
  private liveConnection(): BackupSource {
    return (this.dataSource.driver as unknown as { databaseConnection: BackupSource }).databaseConnection;
  }
}
