import type { TradingStateCode } from './trading-state.response';

/** One leg of a position being flattened by "Exit all and halt". */
export interface ExitAllLegProgress {
  legId: number;
  tradingSymbol: string;
  /** The contract as a trader says it ('NIFTY 08 Dec 26750 CE'). */
  name: string;
  optionType: 'CE' | 'PE' | null;
  strike: number | null;
  /** The position's side of the leg (the exit is the opposite). */
  side: 'BUY' | 'SELL';
  /** Units still open (0: flat). */
  openQuantity: number;
  /** The leg's EXIT orders so far, oldest first, with their statuses. */
  exitOrders: { id: number; status: string }[];
}

/** One account of "Exit all and halt": its positions being flattened and its trading state now. */
export interface ExitAllAccountProgress {
  accountId: number;
  /** The effective state now: REDUCING while legs are still open (exits pass), HALTED once flat. */
  tradingState: TradingStateCode;
  /** true once every position of the account is flat and the kill switch is HALTED. */
  halted: boolean;
  positions: { positionId: number; legs: ExitAllLegProgress[]; denial: string | null }[];
}

/**
 * POST /api/risk/exit-all-and-halt answer (and GET /api/risk/exit-all-and-halt, the progress of the halts still waiting for flat):
 * one entry per chosen account. The console follows the legs with `position.updated` and the
 * halt with `risk.state`.
 */
export interface ExitAllAndHaltResponse {
  reason: string;
  accounts: ExitAllAccountProgress[];
}
