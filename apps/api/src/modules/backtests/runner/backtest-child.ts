import { createDefaultNseCalendar, DomainError, type IsoDate } from '@mcube/domain';
import { BacktestInputError, buildReport, checkCoverage, checkRunRange, kotakStrangleFactory, MarketHistory, resolveParameters, runBacktest, simulatedHistory, WARM_UP_CLOSES } from '@mcube/backtest';
import type { BacktestChildMessage, BacktestChildRequest } from './backtest-child.protocol';
import { fieldOfInputError } from './input-error-field';

/**
 * The backtest child process (forked by `BacktestProcess`): runs ONE backtest with the engine of
 * @mcube/backtest so the API's event loop never carries the run's CPU. It receives the request
 * over IPC, sends progress after each simulated day (at most every 1%), then the report, and
 * exits. Input problems found here (dates outside the data) come back as `input` errors.
 */
async function run(request: BacktestChildRequest, send: (m: BacktestChildMessage) => void): Promise<void> {
  if (request.mode === 'probe') {
    const h = MarketHistory.load(request.dataFolder, createDefaultNseCalendar());
    send({ type: 'bounds', bounds: { folder: h.folder, firstDate: h.firstDate, lastDate: h.lastDate, warmUpLast: h.niftyDaily.dates[WARM_UP_CLOSES - 1], vixFirst: h.vixDaily.dates[0] } });
    return;
  }
  const params = resolveParameters(request.params);
  checkCoverage(request.from as IsoDate, request.to as IsoDate);
  const calendar = createDefaultNseCalendar();
  const from = request.from as IsoDate;
  const to = request.to as IsoDate;
  const history = request.dataSource === 'SIMULATOR' ? await simulatedHistory({ seed: request.seed ?? 1, from, to, calendar }) : MarketHistory.load(request.dataFolder, calendar);
  checkRunRange(history, from, to);
  const { factory } = kotakStrangleFactory(params.strategy);
  let lastPct = -1;
  const result = await runBacktest({
    history,
    calendar,
    from,
    to,
    strategy: factory,
    params: params.engine,
    onProgress: (done, total, date) => {
      const pct = Math.floor((done / total) * 100);
      if (pct === lastPct && done !== total) return;
      lastPct = pct;
      send({ type: 'progress', done, total, date });
    },
  });
  send({ type: 'report', reportJson: JSON.stringify(buildReport(result)) });
}

process.once('message', (request: BacktestChildRequest) => {
  const send = (m: BacktestChildMessage) => new Promise<void>((resolve) => process.send?.(m, undefined, undefined, () => resolve()));
  const sent: Promise<void>[] = [];
  run(request, (m) => void sent.push(send(m)))
    .catch((error: unknown) => {
      const input = error instanceof BacktestInputError || error instanceof DomainError;
      const message = error instanceof Error ? error.message : String(error);
      sent.push(send({ type: 'error', message, input, field: input ? fieldOfInputError(message) : undefined }));
    })
    .finally(() => void Promise.all(sent).then(() => process.exit(0)));
});
