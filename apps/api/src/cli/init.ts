import 'reflect-metadata';
import { loadConfig } from '../config/load-config';
import { createDataSource } from '../database/create-data-source';
import { buildDataSourceOptions } from '../database/data-source-options';
import { runInit } from './run-init';

// `npm run init`: migrate the configured database, seed the two accounts and the first admin.
// Safe to run again: it only creates what is missing.

async function main(): Promise<void> {
  const config = loadConfig();
  const dataSource = createDataSource(buildDataSourceOptions(config.database, { logging: ['error'] }));
  await dataSource.initialize();
  try {
    const report = await runInit(dataSource, { username: config.admin.username, password: config.admin.password });
    const out = (line: string) => process.stdout.write(`${line}\n`);
    out(report.migrationsApplied.length ? `Migrations applied: ${report.migrationsApplied.join(', ')}` : 'Schema already up to date.');
    const s = report.seed;
    out(`Accounts created: ${s.accountsCreated}, risk limits: ${s.riskLimitsCreated}, strategy configs: ${s.strategyConfigsCreated} (paper trading on).`);
    if (!report.admin.created) out(`Admin "${report.admin.username}" already exists.`);
    else if (report.admin.oneTimePassword) {
      out(`Admin "${report.admin.username}" created. One-time password (shown only now; change it at first login):`);
      out(`  ${report.admin.oneTimePassword}`);
    } else out(`Admin "${report.admin.username}" created with MCUBE_ADMIN_PASSWORD.`);
  } finally {
    await dataSource.destroy();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`init failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
