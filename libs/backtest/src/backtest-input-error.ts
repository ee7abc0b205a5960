/** What was wrong with a backtest's input: the CLI exits 2 for every one of them and writes nothing. */
export type BacktestInputErrorCode = 'BAD_ARGUMENT' | 'UNKNOWN_PARAMETER' | 'BAD_PARAMETER' | 'DATE_OUT_OF_RANGE' | 'DATA_LAYOUT';

/** A backtest refused before it ran, with a message a trader can act on. */
export class BacktestInputError extends Error {
  constructor(
    readonly code: BacktestInputErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'BacktestInputError';
  }
}
