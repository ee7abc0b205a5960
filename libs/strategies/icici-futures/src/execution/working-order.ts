import type { OrderStatus, StrategyOrderCommand } from '@mcube/domain';
import type { FuturesApprovalRequest } from '../ports/approval-request.port';

/** An order the strategy sent and follows until it ends. */
export interface WorkingOrder {
  readonly purpose: 'ENTRY' | 'AVERAGE' | 'EXIT';
  readonly clientOrderId: string;
  readonly positionId: string;
  /** The order command as sent (the field keeps its name: working orders are stored across a restart). */
  readonly intent: StrategyOrderCommand;
  readonly submittedAtMs: number;
  /** ENTRY/AVERAGE: the approved request (its stop and target apply after the fill). */
  readonly request: FuturesApprovalRequest | null;
  /** EXIT: why the position is closed (STOP_LOSS_HIT …), and whether a roll follows. */
  readonly exitCode: string | null;
  cancelRequested: boolean;
  /** Set on an order read back after a restart until it is first followed (it may never have reached the gateway). */
  resumed?: boolean;
}

const TERMINAL: readonly OrderStatus[] = ['FILLED', 'CANCELED', 'REJECTED', 'EXPIRED', 'DENIED'];

/** True once the order can change no more. */
export function isTerminal(status: OrderStatus): boolean {
  return TERMINAL.includes(status);
}
