// `npm run backtest:evidence`: regenerates libs/backtest/evidence/ (README.md, charts/*.svg,
// summary.json) from the shared data with the seed's parameters.
import { createDefaultNseCalendar } from '@mcube/domain';
import { mkdirSync, writeFileSync } from 'fs';
import { resolve } from 'path';
import { defaultDataFolder } from '../cli/run-backtest-cli';
import { MarketHistory } from '../data/market-history';
import { runBacktest } from '../engine/backtest-engine';
import { ENGINE_DEFAULTS } from '../engine/engine-params';
import { OPTION_PRICING_DEFAULTS } from '../market/option-pricer';
import { buildReport } from '../report/build-report';
import { equityChartSvg, exitReasonChartSvg, monthlyChartSvg, vixScatterSvg } from '../report/charts';
import { kotakStrangleFactory } from '../strategy/kotak-strangle.adapter';
import { lookaheadCheck, lookaheadCuts } from '../trust/lookahead-check';
import { evidenceFigures } from './evidence-figures';
import { evidenceMarkdown } from './evidence-markdown';
import { modelCheck } from './model-check';

const FROM = '2016-06-01';

async function main(): Promise<void> {
  const out = resolve(__dirname, '../../evidence');
  const calendar = createDefaultNseCalendar();
  const history = MarketHistory.load(defaultDataFolder({ env: process.env, cwd: process.env.INIT_CWD ?? process.cwd() }), calendar);
  const input = { history, calendar, from: FROM, to: history.lastDate, strategy: kotakStrangleFactory().factory, params: ENGINE_DEFAULTS };
  process.stderr.write(`backtest ${FROM} … ${history.lastDate}\n`);
  const started = performance.now();
  const run = await runBacktest({ ...input, keepFullDecisions: true });
  const runSeconds = (performance.now() - started) / 1000;
  const report = buildReport(run);
  process.stderr.write(`look-ahead check\n`);
  const lookahead = await lookaheadCheck({ full: run, cutsMs: lookaheadCuts(run.days, 3), runTo: (endMs) => runBacktest({ ...input, keepFullDecisions: true, endMs }) });
  const fitted = modelCheck(history, calendar, OPTION_PRICING_DEFAULTS);
  const simulator = modelCheck(history, calendar, { ...OPTION_PRICING_DEFAULTS, skew: { slope: -0.15, curvature: 0.03 } });
  const figures = evidenceFigures(report, history);
  mkdirSync(resolve(out, 'charts'), { recursive: true });
  writeFileSync(resolve(out, 'charts/equity.svg'), equityChartSvg(report));
  writeFileSync(resolve(out, 'charts/monthly.svg'), monthlyChartSvg(report));
  writeFileSync(resolve(out, 'charts/exit-reasons.svg'), exitReasonChartSvg(report));
  writeFileSync(resolve(out, 'charts/vix-scatter.svg'), vixScatterSvg(report));
  // The data folder's absolute path says nothing to a reader of the repository.
  const portable = { ...report, data: { ...report.data, folder: '../shared/data' } };
  writeFileSync(resolve(out, 'README.md'), evidenceMarkdown({ report: portable, figures, lookahead, modelCheck: { fitted, simulator }, runSeconds, command: 'npm run backtest:evidence' }));
  writeFileSync(resolve(out, 'summary.json'), `${JSON.stringify({ version: report.version, period: report.period, summary: report.summary, years: figures.years, lookaheadOk: lookahead.ok, modelCheck: fitted }, null, 2)}\n`);
  process.stderr.write(`wrote ${out}: ${report.summary.trades} trades, net ${report.summary.netPnlPaise} paise, look-ahead ${lookahead.ok ? 'OK' : 'FAILED'}\n`);
  if (!lookahead.ok) process.exitCode = 1;
}

main().catch((error: unknown) => {
  process.stderr.write(`evidence failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
