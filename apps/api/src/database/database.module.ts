import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { DataSourceOptions } from 'typeorm';
import { AppConfig, APP_CONFIG } from '../config/app-config';
import { BackupScheduler } from './backup/backup.scheduler';
import { createDataSource } from './create-data-source';
import { buildDataSourceOptions } from './data-source-options';
import { runMigrations } from './run-migrations';

/**
 * The API's database connection, from the validated `AppConfig`. Pending migrations are
 * applied at boot, right after connecting (`runMigrations`, not TypeORM's `migrationsRun`,
 * which cannot take SQLite's foreign-key precautions), so a deployed API is always on the
 * schema it was built for; `npm run db:migrate` / `npm run init` apply them beforehand.
 * Feature modules use `TypeOrmModule.forFeature([...])` for their repositories.
 */
@Module({})
export class DatabaseModule {
  static forRoot(): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [APP_CONFIG],
          useFactory: (config: AppConfig) => ({
            ...buildDataSourceOptions(config.database),
            retryAttempts: 2,
            retryDelay: 1000,
          }),
          dataSourceFactory: async (options?: DataSourceOptions) => {
            if (!options) throw new Error('DatabaseModule: no data source options');
            const dataSource = await createDataSource(options).initialize();
            await runMigrations(dataSource);
            return dataSource;
          },
        }),
      ],
      providers: [BackupScheduler],
      exports: [TypeOrmModule, BackupScheduler],
    };
  }
}
