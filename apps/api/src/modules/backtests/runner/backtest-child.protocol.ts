import type { BacktestDataSource } from '@mcube/contracts';

/** What the API asks its backtest child process to do (one request per child): run, or only read a data folder's bounds. */
export interface BacktestChildRequest {
  mode: 'run' | 'probe';
  strategy: string;
  from: string;
  to: string;
  /** `key=value` pairs as the CLI's `--param`. */
  params: string[];
  dataSource: BacktestDataSource;
  seed: number | null;
  /** The shared history folder (SHARED runs). */
  dataFolder: string;
}

/** What the child sends back over IPC. */
export type BacktestChildMessage =
  /** `probe`: the dates a SHARED run may span (`checkRunRange` of @mcube/backtest, as dates). */
  | { type: 'bounds'; bounds: DataBounds }
  | { type: 'progress'; done: number; total: number; date: string }
  /** The report as JSON text (parsed only when read). */
  | { type: 'report'; reportJson: string }
  /** `input`: the request was refused before running (dates outside the data, a bad parameter): `field` names it. */
  | { type: 'error'; message: string; input: boolean; field?: string };

/** A data folder's usable range: `from` must be after `warmUpLast` and `vixFirst`, `to` at most `lastDate`. */
export interface DataBounds {
  folder: string;
  firstDate: string;
  lastDate: string;
  /** The last of the NIFTY closes the strategy needs before its first day (WARM_UP_CLOSES). */
  warmUpLast: string;
  vixFirst: string;
}
