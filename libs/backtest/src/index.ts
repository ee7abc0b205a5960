/**
 * @mcube/backtest: runs the real strategy libraries over history (or the simulator) with the
 * domain's risk checks, dated cost model and position accounting and the paper broker's fill
 * model, and reports what they would have done (report.json, HTML, evidence).
 */
export * from './backtest-input-error';
export * from './version';
export * from './data/price-series';
export * from './data/market-history';
export * from './market/market-state';
export * from './market/option-pricer';
export * from './market/backtest-market';
export * from './market/us-cues';
export * from './engine/engine-params';
export * from './engine/event-stream';
export * from './engine/event-loop';
export * from './engine/backtest-engine';
export * from './execution/position-book';
export * from './execution/backtest-gateway';
export * from './strategy/strategy-host';
export * from './strategy/kotak-strangle.adapter';
export * from './report/report.types';
export * from './report/decision-row';
export * from './report/metrics';
export * from './report/build-report';
export * from './report/html-report';
export * from './trust/lookahead-check';
export * from './trust/drift-report';
export * from './cli/run-backtest-cli';
export * from './cli/backtest-parameters';
export * from './cli/run-range';
export * from './data/simulated-history';
