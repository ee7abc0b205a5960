/**
 * @mcube/domain: every trading rule of mCube, pure and deterministic.
 *
 * No framework, no I/O, no clock of its own: time and data come in as arguments, so
 * live trading, paper trading and backtests run the very same code. Dates are IST
 * calendar dates 'YYYY-MM-DD', times IST 'HH:MM[:SS]'; rupee amounts are integer paise
 * unless a name says otherwise. Bad input throws a `DomainError` with a code.
 */
export * from './errors/domain-error';
export * from './validation/assert';
export * from './time/ist-date';
export * from './money/paise';
export * from './calendar';
export * from './instruments';
export * from './pricing';
export * from './indicators';
export * from './margin';
export * from './costs';
export * from './strangle';
export * from './futures';
export * from './orders';
export * from './risk';
export * from './positions';
export * from './ports';
export * from './alerts';
export * from './random';
export * from './analytics';
