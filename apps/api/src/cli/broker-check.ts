import 'reflect-metadata';
import { loadConfig } from '../config/load-config';
import { createDataSource } from '../database/create-data-source';
import { buildDataSourceOptions } from '../database/data-source-options';
import { runBrokerCheck } from '../modules/orders/live/broker-check';
import { SystemClock } from '../modules/core/clock/system-clock';
import { PositionLedgerService } from '../modules/positions/position-ledger.service';
import { RiskPositionsQuery } from '../modules/positions/risk-positions.query';

// `npm run broker:check -- --account <id> [--place-test-order]`: logs in to the account's broker
// with its stored credentials and reads funds, positions, open orders and today's scrip master,
// printing each step with its time. Without the flag it places no order. With it (Kotak or ICICI accounts
// stored LIVE, in market hours, kill switch off): one 1-lot BUY LIMIT at ₹0.05 of a NIFTY option
// at least 10% out of the money goes through the order gateway and its risk checks (purpose
// TEST_ORDER, journaled and audited), is cancelled, and the cancel is confirmed from the broker's
// order book. Exit 0 when every step passed, 1 naming the failed step, 2 on bad arguments. Run it
// from the machine (static IP) the orders will leave from.

const USAGE = 'usage: npm run broker:check -- --account <id> [--place-test-order]';

export function parseBrokerCheckArgs(argv: readonly string[]): { accountId: number; placeTestOrder: boolean } {
  let accountId: number | undefined;
  let placeTestOrder = false;
  for (let i = 0; i < argv.length; i++) {
    const m = /^--(account|place-test-order)(?:=(.*))?$/.exec(argv[i]);
    if (!m) throw new Error(`unknown argument ${argv[i]}\n${USAGE}`);
    if (m[1] === 'place-test-order') {
      if (m[2] !== undefined) throw new Error(`--place-test-order takes no value\n${USAGE}`);
      placeTestOrder = true;
      continue;
    }
    const value = m[2] ?? argv[++i] ?? '';
    if (!/^[1-9]\d{0,9}$/.test(value)) throw new Error(`--account must be an account id (a positive whole number)\n${USAGE}`);
    accountId = Number(value);
  }
  if (accountId === undefined) throw new Error(`--account is required\n${USAGE}`);
  return { accountId, placeTestOrder };
}

async function main(): Promise<void> {
  let accountId: number;
  let placeTestOrder: boolean;
  try {
    ({ accountId, placeTestOrder } = parseBrokerCheckArgs(process.argv.slice(2)));
  } catch (error) {
    process.stderr.write(`broker:check: ${(error as Error).message}\n`);
    process.exitCode = 2;
    return;
  }
  const config = loadConfig();
  const dataSource = createDataSource(buildDataSourceOptions(config.database, { logging: ['error'] }));
  await dataSource.initialize();
  try {
    const result = await runBrokerCheck({
      dataSource,
      config,
      accountId,
      placeTestOrder,
      positions: { risk: new RiskPositionsQuery(dataSource), ledger: new PositionLedgerService() },
      wallClock: new SystemClock(),
      onStep: (s) => process.stdout.write(`${s.ok ? 'PASS' : 'FAIL'} ${s.step.padEnd(20)} ${String(s.ms).padStart(6)} ms  ${s.detail}\n`),
    });
    const failed = result.steps.find((s) => !s.ok);
    process.stdout.write(failed ? `broker:check FAILED at step "${failed.step}"\n` : 'broker:check passed: every step\n');
    process.exitCode = failed ? 1 : 0;
  } finally {
    await dataSource.destroy();
  }
}

if (require.main === module) {
  main().catch((err: unknown) => {
    process.stderr.write(`broker:check failed: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  });
}
