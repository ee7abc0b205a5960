// Entry of `npm run backtest` (see run-backtest-cli.ts).
import { runBacktestCli } from './run-backtest-cli';

runBacktestCli(process.argv.slice(2), {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  isTty: process.stderr.isTTY === true,
  env: process.env,
  // npm runs scripts in the repository root; paths on the command line are the caller's.
  cwd: process.env.INIT_CWD ?? process.cwd(),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`backtest failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);
