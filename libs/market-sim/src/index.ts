/**
 * @mcube/market-sim: the embedded market behind the market-data port of `@mcube/domain`:
 * a seeded NSE-like simulator and a replay of real history from a folder in the layout of
 * `../shared/data/`. No clock of its own: time comes from an injected `Clock`.
 */
export * from './sim/prng';
export * from './sim/sim-config';
export * from './sim/stock-universe.data';
export * from './sim/intraday-profile';
export * from './sim/option-pricing-model';
export * from './sim/model-chain';
export * from './sim/events-calendar';
export * from './sim/market-engine';
export * from './sim/market-simulator';
export * from './instruments/contract-symbol';
export * from './instruments/instrument-master';
export * from './sector-performance';
export * from './chain-analytics';
export * from './clock/accelerated-clock';
export * from './clock/session-clock';
export * from './calendar/calendar-helpers';
export * from './replay/files/shared-data-layout';
export * from './replay/historical-replay';
export * from './replay/replay-data';
export * from './replay/real-option-rows';
