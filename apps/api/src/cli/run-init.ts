import type { DataSource } from 'typeorm';
import { runMigrations } from '../database/run-migrations';
import { bootstrapAdmin, BootstrapAdminResult } from '../modules/core/users/bootstrap-admin';
import { seedTradingAccounts, SeedReport } from './seed-trading-accounts';

/** Everything one `init` run did. */
export interface InitReport {
  migrationsApplied: string[];
  seed: SeedReport;
  admin: BootstrapAdminResult;
}

/**
 * Brings a database to a usable state, idempotently: applies pending migrations, seeds the
 * two trading accounts (paper trading on) with their risk limits and strategy parameters,
 * and creates the first admin. A second run applies nothing and creates nothing.
 */
export async function runInit(dataSource: DataSource, admin: { username?: string; password?: string }): Promise<InitReport> {
  const applied = await runMigrations(dataSource);
  const seed = await seedTradingAccounts(dataSource);
  const adminResult = await bootstrapAdmin(dataSource, admin);
  return { migrationsApplied: applied.map((m) => m.name), seed, admin: adminResult };
}
